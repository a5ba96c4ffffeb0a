public import RotorCore

/// One pane on screen: its box (number, title, lookback and data date, focus), then
/// inside it, from the top, the headline readings, flag rows, what is missing, the
/// table and the chart. Rows are given out in that order, so in a small pane the
/// chart shrinks and goes first and the headline numbers stay; zoomed, the extra
/// readings appear and the chart takes the rest of the screen.
public struct PaneView: Widget {
    /// The key that focuses it on its page (1-9), shown before the title.
    public let number: Int
    public let title: String
    public let content: PaneContent
    public let reader: PaneReader
    public let isFocused: Bool
    public let isZoomed: Bool
    public let feeds: FeedReport

    /// Data this many calendar days older than the replay date is stale (a long
    /// weekend is 4).
    public static let staleAfterDays = 4

    public init(number: Int, title: String, content: PaneContent, reader: PaneReader, isFocused: Bool,
                isZoomed: Bool = false, feeds: FeedReport = FeedReport(summary: "")) {
        self.feeds = feeds
        self.number = number
        self.title = title
        self.content = content
        self.reader = reader
        self.isFocused = isFocused
        self.isZoomed = isZoomed
    }

    public func render(into canvas: inout Canvas, area: Rect) {
        let missing = missingSymbols
        let dataDate = content.expressions.compactMap(reader.lastDate).max()
        let stale = dataDate.map { Int(reader.asOf.ordinal - $0.ordinal) > Self.staleAfterDays } ?? false
        let feedProblems = feeds.problems(for: content.expressions)
        let lookback = reader.lookback.label
        // The data date with its year (`1Y 2026-11-20`), without it when the title
        // leaves too little room (`1Y 11-20`), else the lookback alone.
        let box = Box(title: "\(number) \(title)",
                      note: dataDate.map { lookback + " " + $0.iso } ?? lookback,
                      fallbackNotes: (dataDate.map { [lookback + " " + DateLabelFormat.monthDay.format($0)] } ?? []) + [lookback],
                      isFocused: isFocused,
                      isWarning: !missing.isEmpty || stale || !feedProblems.isEmpty)
        canvas.render(box, area: area)
        let inner = box.inner(of: area)
        guard !inner.isEmpty else { return }

        // A failing feed comes first: the numbers below it may be old.
        // Each row with its rank when the pane is short of rows: flags (0) stay
        // before everything; then the first row of readings, failing feeds and
        // missing data (1); then the other readings and loads (2); sparkline rows (3)
        // go first. Rows keep their order on screen.
        var text: [(line: TextLine, rank: Int)] = feedProblems.prefix(2).map {
            (TextLine("⚠ \($0) (f: feeds)", style: .role(.warn)), 1)
        }
        if feedProblems.count > 2 {
            text.append((TextLine("⚠ \(feedProblems.count - 2) more feeds failing (f: feeds)", style: .role(.warn)), 1))
        }
        text += feeds.progress(for: content.expressions).map { (TextLine($0, style: .role(.dim)), 2) }
        let readings = packed((content.readings + (isZoomed ? content.detail : [])).map(\.line), width: inner.width)
        text += readings.enumerated().map { ($1, $0 > 0 ? 2 : 1) }
        text += content.flags.map { ($0.row(width: inner.width), 0) }
        text += content.rows.map { ($0, 3) }
        if stale, let dataDate {
            text.append((TextLine("stale: last data \(dataDate.iso)", style: .role(.warn)), 1))
        }
        for symbol in missing {
            text.append((TextLine("no data for \(symbol): add \(symbol).csv or map \(symbol) in the config",
                                  style: .role(.warn)), 1))
        }
        while text.count > inner.height, let worst = text.map(\.rank).max(), worst > 0,
              let last = text.lastIndex(where: { $0.rank == worst }) {
            text.remove(at: last)
        }
        var y = inner.y
        for (line, _) in text.prefix(inner.height) {
            _ = canvas.write(line, x: inner.x, y: y, clip: inner)
            y += 1
        }

        if let table = content.table?(inner.width), inner.maxY - y >= 2 {
            let rows = min(table.rows.count + 1, inner.maxY - y)
            canvas.render(table, area: Rect(x: inner.x, y: y, width: inner.width, height: rows))
            y += rows
        }

        guard let chart = content.chart, inner.maxY - y >= 3 else { return }
        if var legend = content.legend, inner.maxY - y >= 6 {
            // A legend too wide loses its last parts (the key hint) rather than being cut mid-word.
            while legend.width > inner.width, legend.spans.count > 1 { legend.spans.removeLast() }
            _ = canvas.write(legend, x: inner.x, y: y, clip: inner)
            y += 1
        }
        canvas.render(chart, area: Rect(x: inner.x, y: y, width: inner.width, height: inner.maxY - y))
    }

    /// Readings side by side when they fit, one per row otherwise.
    private func packed(_ lines: [TextLine], width: Int) -> [TextLine] {
        var rows: [TextLine] = []
        var current: [Span] = []
        var used = 0
        for line in lines {
            let w = line.width
            if !current.isEmpty, used + 3 + w <= width {
                current.append(Span("   "))
                current += line.spans
                used += 3 + w
            } else {
                if !current.isEmpty { rows.append(TextLine(current)) }
                current = line.spans
                used = w
            }
        }
        if !current.isEmpty { rows.append(TextLine(current)) }
        return rows
    }

    /// Symbols and universes the pane needs that the data does not have.
    private var missingSymbols: [String] {
        var out: [String] = []
        for e in content.expressions {
            let name: String
            switch reader.failure(e)?.kind {
            case let .unknownSymbol(symbol): name = symbol
            case let .unknownUniverse(universe): name = "@" + universe
            default: continue
            }
            if !out.contains(name) { out.append(name) }
        }
        return out
    }
}
