/// The matrix of one view of the network: a row and a column per symbol, the
/// diagonal `·`. Correlations and their changes fill both triangles (they are
/// symmetric); the MI view puts the MI (nats) above the diagonal and its percentile
/// in its year below. With room, each cell holds its number in its band's style;
/// without, a shade (`NetworkScale`). A legend row follows the matrix.
struct NetworkHeatmap: Widget {
    enum Content: Sendable {
        case correlation, change, mutualInformation
    }

    let snapshot: NetworkSnapshot
    let content: Content
    let numbers: Bool
    /// Columns a cell takes (its number or shades, then a space): at least
    /// `numberCell` or `shadeCell`, wider in a roomy pane.
    var cell: Int
    /// Rows from one symbol's row to the next: 2 spaces them out in a tall pane.
    var rowStep = 1

    init(snapshot: NetworkSnapshot, content: Content, numbers: Bool, cell: Int? = nil, rowStep: Int = 1) {
        self.snapshot = snapshot
        self.content = content
        self.numbers = numbers
        self.cell = cell ?? (numbers ? Self.numberCell : Self.shadeCell)
        self.rowStep = max(1, rowStep)
    }

    /// Columns of a cell: a number (`+0.45`) and a space, or three shades and a space.
    static let numberCell = 6
    static let shadeCell = 4

    /// The label column: the widest symbol and a space.
    static func labelWidth(_ symbols: [String]) -> Int { (symbols.map { DisplayWidth.of($0) }.max() ?? 0) + 1 }

    /// The columns the matrix takes.
    static func width(_ symbols: [String], numbers: Bool, cell: Int? = nil) -> Int {
        labelWidth(symbols) + symbols.count * (cell ?? (numbers ? numberCell : shadeCell)) - 1
    }

    /// Its rows: the header, a row per symbol (`rowStep` apart), the legend.
    static func height(_ symbols: [String], rowStep: Int = 1) -> Int { rowStep * (symbols.count + 1) + 1 }

    var scale: NetworkScale {
        switch content {
        case .correlation: .correlation
        case .change: .change
        case .mutualInformation: .percentile
        }
    }

    /// What cell (row, column) shows, and the value its style follows.
    func value(_ row: Int, _ column: Int) -> (shown: NetworkSnapshot.Value, styledBy: Double?)? {
        guard let e = snapshot.entry(row, column) else { return nil }
        switch content {
        case .correlation: return (e.correlation, e.correlation.value)
        case .change: return (e.change, e.change.value)
        case .mutualInformation:
            return (column > row ? e.mutualInformation : e.percentile, e.percentile.value)
        }
    }

    func render(into canvas: inout Canvas, area: Rect) {
        let symbols = snapshot.symbols
        let label = Self.labelWidth(symbols)
        let clip = area
        // The header: each symbol over its column, right-aligned as the numbers are.
        for (c, s) in symbols.enumerated() {
            let name = String(s.prefix(cell - 1))
            let x = area.x + label + c * cell + (cell - 1 - DisplayWidth.of(name))
            canvas.write(name, x: x, y: area.y, style: .role(.title), clip: clip)
        }
        for (r, s) in symbols.enumerated() {
            let y = area.y + rowStep + r * rowStep
            guard y < area.maxY else { return }
            canvas.write(s, x: area.x, y: y, style: .role(.title), clip: clip)
            for c in symbols.indices {
                let x = area.x + label + c * cell
                // A mark without a number sits under the digits' end, or mid-shade.
                let mark = numbers ? x + cell - 2 : x + (cell - 1) / 2
                guard let (shown, styledBy) = value(r, c) else {
                    canvas.write("·", x: mark, y: y, style: .role(.dim), clip: clip)
                    continue
                }
                if numbers {
                    let text = shown.text
                    let style = styledBy.map(scale.style) ?? .role(.dim)
                    canvas.write(text, x: x + cell - 1 - DisplayWidth.of(text), y: y, style: style, clip: clip)
                } else if let v = styledBy {
                    let (glyph, style) = scale.shade(v)
                    // A negative cell starts with `-`: the sign must not rest on colour
                    // alone (monochrome themes, ASCII, a pasted snapshot).
                    let negative = scale.diverging && v < 0 && scale.level(v) > 0
                    let text = (negative ? "-" : "") + String(repeating: glyph, count: cell - 1 - (negative ? 1 : 0))
                    for row in y..<min(y + rowStep, area.maxY) {
                        canvas.write(text, x: x, y: row, style: style, clip: clip)
                    }
                } else {
                    canvas.write(NumberFormatKind.absent, x: mark, y: y, style: .role(.dim), clip: clip)
                }
            }
        }
        let legendY = area.y + rowStep * (symbols.count + 1)
        guard legendY < area.maxY else { return }
        canvas.write(legend, x: area.x, y: legendY, clip: clip)
    }

    /// What the colours mean, and (MI) what each triangle holds.
    var legend: TextLine {
        guard content == .mutualInformation else { return scale.legend(shaded: !numbers) }
        var line = TextLine(numbers ? "below: pct 1y " : "MI pct 1y ", style: .role(.dim))
        line.spans += scale.legend(shaded: !numbers).spans
        if numbers { line.spans.append(Span("  above: MI nats", style: .role(.dim))) }
        return line
    }
}
