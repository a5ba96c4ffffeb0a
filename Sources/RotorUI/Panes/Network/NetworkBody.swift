/// The network pane's inside for one view: the row of views (the one shown in the
/// title style), the matrix or the graph, and beside it when the width allows (else
/// below) the lists: the strongest edges and the largest 20-row changes, or on the
/// MI view the pairs highest in their year.
struct NetworkBody: Widget {
    let kind: NetworkPane.Kind
    let snapshot: NetworkSnapshot
    let isZoomed: Bool

    /// A list column: `RTY-ZN +0.45 (+0.30 in 20d)` with the widest pair name.
    var listWidth: Int { snapshot.nameWidth + 1 + 5 + " (+0.30 in 20d)".count }
    /// Columns between the matrix (or graph) and the lists beside it.
    static let gap = 3
    /// The graph's least width and height worth drawing beside the lists.
    static let graphMinimum = (width: 36, height: 10)

    func render(into canvas: inout Canvas, area: Rect) {
        guard !area.isEmpty else { return }
        // A narrow pane drops the words after the views rather than cut them.
        var row = tabs
        if row.width > area.width, row.spans.count > 1 { row.spans.removeLast() }
        canvas.write(row, x: area.x, y: area.y, clip: area)
        let rest = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        guard rest.height > 0 else { return }
        switch kind {
        case .graph: renderGraph(into: &canvas, area: rest)
        default: renderMatrix(into: &canvas, area: rest)
        }
    }

    /// `corr 60d · chg 20d · MI · graph`, the one shown in the title style.
    var tabs: TextLine {
        var spans: [Span] = []
        for k in NetworkPane.Kind.allCases {
            if !spans.isEmpty { spans.append(Span(" · ", style: .role(.dim))) }
            spans.append(Span(k.tab, style: k == kind ? Style.role(.title).underlined() : .role(.dim)))
        }
        spans.append(Span("   of daily \(inputsWord)", style: .role(.dim)))
        return TextLine(spans)
    }

    /// What the matrix is of, in words: `returns`, or `returns and changes` when a
    /// yield is among the symbols.
    var inputsWord: String {
        let diffs = snapshot.entries.contains { $0.pair.correlation.contains("diff(") }
        return diffs ? "returns and changes" : "returns"
    }

    private var heatmapContent: NetworkHeatmap.Content {
        switch kind {
        case .change: .change
        case .mutualInformation: .mutualInformation
        default: .correlation
        }
    }

    /// The matrix for an area: numbers when they fit, cells widened (to 9 columns)
    /// into the room the lists leave beside it, rows spaced out when the area is
    /// twice as tall as the matrix.
    func heatmap(for area: Rect) -> NetworkHeatmap {
        let symbols = snapshot.symbols
        let numbers = NetworkHeatmap.width(symbols, numbers: true) <= area.width
        var cell = numbers ? NetworkHeatmap.numberCell : NetworkHeatmap.shadeCell
        let room = area.width - Self.gap - listWidth - NetworkHeatmap.labelWidth(symbols) + 1
        if numbers, room / symbols.count > cell { cell = min(Self.widestCell, room / symbols.count) }
        let rowStep = area.height >= NetworkHeatmap.height(symbols, rowStep: 2) + 4 ? 2 : 1
        return NetworkHeatmap(snapshot: snapshot, content: heatmapContent, numbers: numbers, cell: cell, rowStep: rowStep)
    }

    /// The widest a matrix cell grows.
    static let widestCell = 9

    private func renderMatrix(into canvas: inout Canvas, area: Rect) {
        let symbols = snapshot.symbols
        let heatmap = heatmap(for: area)
        let width = NetworkHeatmap.width(symbols, numbers: heatmap.numbers, cell: heatmap.cell)
        let height = NetworkHeatmap.height(symbols, rowStep: heatmap.rowStep)
        // The legend may run past the matrix unless the lists stand beside it.
        let besideLists = width + Self.gap + listWidth <= area.width
        canvas.render(heatmap, area: Rect(x: area.x, y: area.y, width: besideLists ? width : area.width,
                                          height: min(height, area.height)))
        renderLists(into: &canvas, beside: area, after: width, below: height + 1)
    }

    private func renderGraph(into canvas: inout Canvas, area: Rect) {
        let beside = area.width - listWidth - Self.gap >= Self.graphMinimum.width
        let listRows = beside ? 0 : min(8, max(0, area.height - 1 - Self.graphMinimum.height))
        let graphArea = Rect(x: area.x, y: area.y, width: beside ? area.width - listWidth - Self.gap : area.width,
                             height: area.height - 1 - listRows - (listRows > 0 ? 1 : 0))
        canvas.render(NetworkGraph(snapshot: snapshot), area: graphArea)
        var legend = NetworkGraph.legend(edge: snapshot.edge, count: snapshot.edges.count, of: snapshot.entries.count)
        while legend.width > graphArea.width, legend.spans.count > 1 { legend.spans.removeLast() }
        canvas.write(legend, x: area.x, y: graphArea.maxY, clip: area)
        if beside {
            renderLists(into: &canvas, beside: area, after: graphArea.width, below: area.height)
        } else {
            renderLists(into: &canvas, beside: area, after: area.width, below: graphArea.height + 2)
        }
    }

    /// The lists beside the matrix (`after` columns in) when they fit there, else
    /// below it (`below` rows down), in the rows left.
    private func renderLists(into canvas: inout Canvas, beside area: Rect, after: Int, below: Int) {
        let besideX = after + Self.gap
        let room: Rect = besideX + listWidth <= area.width
            ? Rect(x: area.x + besideX, y: area.y, width: area.width - besideX, height: area.height)
            : Rect(x: area.x, y: area.y + below, width: area.width, height: area.height - below)
        guard room.height >= 2, room.width > 0 else { return }
        var y = room.y
        for section in sections(rows: room.height) {
            _ = canvas.write(section.title, x: room.x, y: y, clip: room)
            y += 1
            for line in section.lines {
                _ = canvas.write(line, x: room.x, y: y, clip: room)
                y += 1
            }
            y += 1
        }
    }

    struct Section {
        var title: TextLine
        var lines: [TextLine]
    }

    /// The lists for `rows` rows: two sections sharing them (a title each and a blank
    /// between), up to 8 entries each, 12 zoomed.
    func sections(rows: Int) -> [Section] {
        let most = isZoomed ? 12 : 8
        let edges = snapshot.edges, changes = snapshot.largestChanges
        let strongest = Section(
            title: TextLine("strongest |corr| ≥ \(NumberLabel.fixed(snapshot.edge, decimals: 2))", style: .role(.title)),
            lines: edges.isEmpty ? [TextLine("none today", style: .role(.dim))] : edges.map(entryLine))
        let moved = Section(title: TextLine("largest \(NetworkPane.changeRows)d changes", style: .role(.title)),
                            lines: changes.map(entryLine))
        let information = Section(title: TextLine("MI highest in its year", style: .role(.title)),
                                  lines: snapshot.highestInformation.map(informationLine))
        let ordered: [Section] = switch kind {
        case .change: [moved, strongest]
        case .mutualInformation: [information, strongest]
        default: [strongest, moved]
        }
        // Each section: its title, then entries; a blank row between the two.
        let usable = rows - 1
        var out: [Section] = []
        var left = usable
        for (k, var section) in ordered.enumerated() {
            let share = k == 0 ? min(most, section.lines.count, max(1, (usable - 2) / 2 + (usable - 2) % 2))
                               : min(most, section.lines.count, left - 1)
            guard share >= 1, left >= 2 else { break }
            section.lines = Array(section.lines.prefix(share))
            out.append(section)
            left -= share + 2
        }
        return out
    }

    /// `RTY-ZN +0.45 (+0.30 in 20d)`, each number in its sign's colour.
    func entryLine(_ e: NetworkSnapshot.Entry) -> TextLine {
        let name = e.pair.name.padding(toLength: snapshot.nameWidth, withPad: " ", startingAt: 0)
        return TextLine([
            Span(name + " ", style: .role(.text)),
            Span(e.correlation.text, style: signStyle(e.correlation)),
            Span(" (", style: .role(.dim)),
            Span(e.change.text, style: signStyle(e.change)),
            Span(" in \(NetworkPane.changeRows)d)", style: .role(.dim)),
        ])
    }

    /// `RTY-ZN 0.41 nats pct 97`, the percentile in the MI's scale.
    func informationLine(_ e: NetworkSnapshot.Entry) -> TextLine {
        let name = e.pair.name.padding(toLength: snapshot.nameWidth, withPad: " ", startingAt: 0)
        let pct = e.percentile.value.map(NetworkScale.percentile.style) ?? .role(.dim)
        return TextLine([
            Span(name + " ", style: .role(.text)),
            Span(e.mutualInformation.text + " nats", style: .role(.text)),
            Span(" pct ", style: .role(.dim)),
            Span(e.percentile.text, style: pct),
        ])
    }

    private func signStyle(_ v: NetworkSnapshot.Value) -> Style {
        guard let x = v.value, let role = v.format.signRole(x) else { return .role(.dim) }
        return .role(role)
    }
}
