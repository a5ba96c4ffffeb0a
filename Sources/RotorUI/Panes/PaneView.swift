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

    /// A pane at least this many rows tall inside keeps room for its readings' records
    /// notes (a row of readings more costs its chart little); a shorter one shows a
    /// note only where its row has room left.
    public static let roomForNotesHeight = 20

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
        // Zoomed or tall, the readings keep room for their records notes on every date.
        let readings = Self.packed(content.readings + (isZoomed ? content.detail : []), width: inner.width,
                                   reservingNotes: isZoomed || inner.height >= Self.roomForNotesHeight)
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
        // The rows of rank 2 and 3 (later readings, loads, sparklines) give way to the
        // table's rows (the rates table's three carry the small caps vs tech
        // contrast); a table still short of rows says how many it does not show.
        let table = content.table?(TableRoom(width: inner.width, isZoomed: isZoomed))
        let tableRows = table.map { $0.rows.count + ($0.showsHeader ? 1 : 0) } ?? 0
        while text.count + tableRows > inner.height, let worst = text.map(\.rank).max(), worst > 1,
              let last = text.lastIndex(where: { $0.rank == worst }) {
            text.remove(at: last)
        }
        var y = inner.y
        for (line, _) in text.prefix(inner.height) {
            _ = canvas.write(line, x: inner.x, y: y, clip: inner)
            y += 1
        }

        if let table, inner.maxY - y >= 2 {
            let rows = min(tableRows, inner.maxY - y)
            canvas.render(table, area: Rect(x: inner.x, y: y, width: inner.width, height: rows))
            y += rows
        }

        if let body = content.body, inner.maxY > y {
            canvas.render(body(TableRoom(width: inner.width, isZoomed: isZoomed)),
                          area: Rect(x: inner.x, y: y, width: inner.width, height: inner.maxY - y))
            return
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

    /// Readings side by side, each in its slot (its label and widest number, so the
    /// rows break at the same places and the readings start at the same columns on
    /// every date); a reading that joins the one before it goes to a new line with it
    /// rather than alone, when the two fit a line. With `reservingNotes`, a group (a
    /// reading and those joined to it) with records context keeps room after it for
    /// its longest note on every date and ends its row, when the group and that room
    /// fit a line; see `line` for where the notes go.
    static func packed(_ readings: [Reading], width: Int, reservingNotes: Bool = false) -> [TextLine] {
        let gap = 3
        // Runs of readings kept together: a reading and those that join it.
        var groups: [[Int]] = []
        for (i, reading) in readings.enumerated() {
            if reading.joinsPrevious, !groups.isEmpty { groups[groups.count - 1].append(i) } else { groups.append([i]) }
        }
        var slots = readings.map(\.slot)
        func span(_ group: [Int]) -> Int { group.map { slots[$0] }.reduce(0, +) + gap * (group.count - 1) }
        // The groups that keep room for their notes: each ends its row, so the room
        // (blank on most dates) is at the row's end, not a hole between readings.
        var reserved = Set<Int>()
        if reservingNotes {
            for (g, group) in groups.enumerated() {
                let room = group.map { readings[$0].recordRoom }.filter { $0 > 0 }.map { $0 + noteGap }.reduce(0, +)
                if room > 0, span(group) + room <= width {
                    slots[group.last!] += room
                    reserved.insert(g)
                }
            }
        }
        var rows: [[Int]] = []
        var used = 0
        for (g, group) in groups.enumerated() {
            let groupWidth = span(group)
            if let row = rows.last, !row.isEmpty, (used + gap + groupWidth > width && groupWidth <= width) || reserved.contains(g - 1) {
                rows.append([])
                used = 0
            }
            for i in group {
                if let row = rows.last, !row.isEmpty, used + gap + slots[i] <= width {
                    rows[rows.count - 1].append(i)
                    used += gap + slots[i]
                } else if let row = rows.last, row.isEmpty {
                    rows[rows.count - 1].append(i)
                    used = slots[i]
                } else {
                    rows.append([i])
                    used = slots[i]
                }
            }
        }
        return rows.map { line($0.map { readings[$0] }, slots: $0.map { slots[$0] }, width: width, gap: gap) }
    }

    /// Between a group's last number and its records context.
    static let noteGap = 2

    /// One row of readings, each at the column its slots give it, and each group's
    /// records context (`largest since 2011-03-02`) after the slot of its last
    /// reading, in the longest form that fits before the next reading (or the
    /// width): a note never moves a reading, so the rows look alike on every date; a
    /// note with no room is not shown (a narrow pane loses the notes first).
    static func line(_ row: [Reading], slots: [Int], width: Int, gap: Int) -> TextLine {
        var spans: [Span] = []
        var start = 0, column = 0
        var pending: [RecordNote] = []
        for (k, reading) in row.enumerated() {
            if k > 0 {
                // Padded to the slot of the reading before, so this one does not move.
                spans.append(Span(String(repeating: " ", count: start - column)))
            }
            spans += reading.line.spans
            column = start + reading.line.width
            let next = start + slots[k] + gap
            if let note = reading.record { pending.append(note) }
            if k == row.count - 1 || !row[k + 1].joinsPrevious {
                // The group ends here: its notes go after this slot, before the next reading.
                let limit = k == row.count - 1 ? width : next - gap
                var at = start + reading.slot + noteGap
                for note in pending {
                    guard let text = note.forms.first(where: { at + DisplayWidth.of($0) <= limit }) else { continue }
                    spans.append(Span(String(repeating: " ", count: at - column)))
                    spans.append(Span(text, style: .role(.title)))
                    column = at + DisplayWidth.of(text)
                    at = column + noteGap
                }
                pending = []
            }
            start = next
        }
        return TextLine(spans)
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
