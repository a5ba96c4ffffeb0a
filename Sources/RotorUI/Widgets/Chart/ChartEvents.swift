public import RotorCore

/// How an event kind looks on a chart's time axis and in its legend: FOMC and CPI
/// each their own glyph and colour role, every other kind (a user's `EARNINGS`) a
/// shared one. The glyphs have ASCII stand-ins (`ASCIIFallback`): `F`, `C`, `*`.
extension EventKind {
    public var glyph: Character {
        switch self {
        case .fomc: "◆"
        case .cpi: "●"
        default: "◇"
        }
    }

    public var role: StyleRole {
        switch self {
        case .fomc: .series3
        case .cpi: .series5
        default: .text
        }
    }
}

extension LineChart {
    /// An event on the time axis at position `index` of the axis (the first axis
    /// date on or after the event's day, so a release on a holiday marks the next
    /// session), in its kind's glyph and style.
    public struct EventMark: Sendable, Equatable {
        public var index: Int
        public var kind: EventKind

        public init(index: Int, kind: EventKind) {
            self.index = index
            self.kind = kind
        }
    }

    /// The events of `calendar` from the axis's first date through its last, at
    /// their axis positions; of two on one position the known kind shows.
    public static func eventMarks(_ calendar: EventCalendar, on axis: [Day]) -> [EventMark] {
        guard let first = axis.first, let last = axis.last else { return [] }
        var marks: [EventMark] = []
        var position = 0
        for event in calendar.between(first, last) {
            while position < axis.count, axis[position] < event.date { position += 1 }
            guard position < axis.count else { break }
            marks.append(EventMark(index: position, kind: event.kind))
        }
        // Drawn in order: a user's kind first, so FOMC and CPI win a shared cell.
        return marks.filter { !$0.kind.isKnown } + marks.filter(\.kind.isKnown)
    }

    /// Each event's glyph in the cell of its column on the first of `rows` (the
    /// date row, then the flags' marks row when the chart has one) where the cell is
    /// blank or holds another event, and is not next to a date label: a date label
    /// or a flag's mark is never overwritten nor run into, and the plot is left
    /// alone. A chart too small for a date row marks no events.
    func drawEvents(into canvas: inout Canvas, x: Int, width: Int, rows: [Int], dotColumns: Int) {
        guard !events.isEmpty, width > 0 else { return }
        let count = pointCount
        let glyphs = Set(EventKind.known.map(\.glyph) + [EventKind("USER")!.glyph])
        for event in events where event.index >= 0 && event.index < count {
            let column = x + LineChart.dotColumn(event.index, count: count, columns: dotColumns) / 2
            guard column < x + width else { continue }
            for y in rows where y >= canvas.area.y && y < canvas.area.maxY {
                let cell = canvas[column, y]
                guard cell == .blank || glyphs.contains(cell.symbol) else { continue }
                // Not touching a date label either: `2024-06-20●` would read as one word.
                let touchesText = [column - 1, column + 1].contains { beside in
                    guard beside >= x, beside < x + width else { return false }
                    let beside = canvas[beside, y]
                    return beside != .blank && !glyphs.contains(beside.symbol) && beside.symbol != LineChart.markGlyph
                }
                guard !touchesText else { continue }
                canvas.put(event.kind.glyph, x: column, y: y, style: .role(event.kind.role))
                break
            }
        }
    }
}

extension LineChart {
    /// The legend's entries for the kinds among `events` (`  ◆ FOMC  ● CPI`), known
    /// kinds first: empty when the chart marks none.
    public static func eventLegend(_ events: [EventMark]) -> [Span] {
        let present = Set(events.map(\.kind))
        let kinds = EventKind.known.filter(present.contains) + present.filter { !$0.isKnown }.sorted()
        return kinds.enumerated().flatMap { i, kind in
            [Span(i == 0 ? "   " : "  "), Span("\(kind.glyph) \(kind.name)", style: .role(kind.role))]
        }
    }
}
