public import RotorCore

extension StatusLine {
    /// The next event from `day` in the status bar, the first segment to give way
    /// on a narrow bar: nil when no event is left in the calendar.
    public static func eventSegment(_ day: Day, _ calendar: EventCalendar) -> StatusBar.Segment? {
        let forms = eventForms(day, calendar)
        guard !forms.isEmpty else { return nil }
        return StatusBar.Segment(forms: forms, rank: Rank.event.rawValue)
    }

    /// The segment's forms, widest first: on an event day its label (`FOMC rate
    /// decision`), else `FOMC today`; before one, `CPI in 2d` in calendar days (two
    /// kinds on one day: `FOMC+CPI in 2d`), in the first event's colour.
    public static func eventForms(_ day: Day, _ calendar: EventCalendar) -> [TextLine] {
        let next = calendar.next(onOrAfter: day)
        guard let first = next.first else { return [] }
        let style = Style.role(first.kind.role)
        let kinds = next.map(\.kind.name).joined(separator: "+")
        let days = Int(first.date.ordinal - day.ordinal)
        guard days == 0 else { return [TextLine("\(kinds) in \(days)d", style: style)] }
        let labels = next.map { $0.label + ($0.isScheduled ? " (scheduled)" : "") }.joined(separator: " · ")
        let label = TextLine(labels, style: style), short = TextLine("\(kinds) today", style: style)
        return label == short ? [short] : [label, short]
    }
}
