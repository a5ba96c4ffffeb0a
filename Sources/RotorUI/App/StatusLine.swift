public import RotorCore

/// What the status bar says, left to right: mode, replay speed, date, PAUSED, the
/// next event (`CPI in 2d`; on the day, its label), the page and focused pane, the
/// lookback, the alert strip, a notice, the feeds' health and loads; `? help` on
/// the right.
///
/// What gives way first on a narrow terminal (`Rank`, last gives way first): loads
/// in progress, a healthy feeds summary, the next event, the help hint, the replay
/// speed, the page (`page 1/2 · 3:VOL PREMIUM` becomes `1/2 3:VOL PREMIUM`, then
/// `3:VOL PREMIUM`), then the strip's words (it keeps its count `⚑ 3`), the lookback, the focus, a
/// feed problem; the mode, date (with the date cursor's), PAUSED and the flag count
/// stay. A notice (the answer to `s`) takes the room it needs after the flag count,
/// cut to fit, for as long as it shows. At 80 columns the replay's feeds summary is
/// the first to go; the flags are named in full as long as they fit beside the focus
/// and lookback.
public struct StatusLine: Sendable {
    public var mode: String
    public var asOf: Day?
    /// Sessions per second of a running replay (nil: live, or not replaying).
    public var speed: Double?
    public var strip: AlertStrip
    public var feeds: FeedReport
    /// The date cursor's date, when it is shown: said beside the date, with it.
    public var cursor: Day?
    /// The events the segment after the date counts down to (`CPI in 2d`).
    public var events = EventCalendar()

    public init(mode: String, asOf: Day?, speed: Double? = nil, strip: AlertStrip, feeds: FeedReport,
                cursor: Day? = nil) {
        self.mode = mode
        self.asOf = asOf
        self.speed = speed
        self.strip = strip
        self.feeds = feeds
        self.cursor = cursor
    }

    /// Who gives way first: the higher the later (`StatusBar` places ranks in order).
    enum Rank: Int {
        case mode, date, paused, flagCount, notice, feedProblems, focus, lookback, flagWords, page, speed, help,
             event, feeds, progress
    }

    public func bar(_ state: AppState) -> StatusBar {
        typealias Segment = StatusBar.Segment
        var left: [Segment] = [Segment(Span(mode, style: .role(.title).reversed()), rank: Rank.mode.rawValue)]
        if let speed, !state.paused {
            left.append(Segment(Span(Self.speedLabel(speed), style: .role(.dim)), rank: Rank.speed.rawValue))
        }
        if let asOf { left.append(Segment(dateLine(asOf), rank: Rank.date.rawValue)) }
        if state.paused { left.append(Segment(Span("PAUSED", style: .role(.warn)), rank: Rank.paused.rawValue)) }
        // From the date on screen: the cursor's when it is shown, so an event day under
        // the cursor shows its label.
        if let day = cursor ?? asOf, let segment = Self.eventSegment(day, events) { left.append(segment) }
        let (focusShort, focusLong) = focusForms(state)
        left.append(Segment(stages: [.init(rank: Rank.focus.rawValue) { room in focusShort.first { $0.width <= room } },
                                     .init(rank: Rank.page.rawValue) { room in focusLong.first { $0.width <= room } }]))
        left.append(Segment(Span(state.lookback.label), rank: Rank.lookback.rawValue))
        if !strip.isEmpty {
            let strip = strip
            left.append(Segment(stages: [
                .init(rank: Rank.flagCount.rawValue) { room in strip.minimal.width <= room ? strip.minimal : nil },
                .init(rank: Rank.flagWords.rawValue) { strip.line(width: $0) },
            ]))
        }
        if let notice = state.notice {
            // The answer to what the user just did (`s`): cut to the room left rather than left out.
            let line = TextLine(notice, style: .role(.dim))
            left.append(Segment(stages: [.init(rank: Rank.notice.rawValue) { room in
                room >= min(line.width, 12) ? line.truncated(to: room) : nil
            }]))
        }
        if !feeds.summary.isEmpty {
            let failing = !feeds.problems.isEmpty
            left.append(Segment(Span(feeds.summary, style: failing ? .role(.warn) : .role(.dim)),
                                rank: (failing ? Rank.feedProblems : Rank.feeds).rawValue))
        }
        for (name, note) in feeds.progress.sorted(by: { $0.key < $1.key }) {
            left.append(Segment(Span("\(name) \(note)", style: .role(.dim)), rank: Rank.progress.rawValue))
        }
        let help = Segment(Span("? help", style: .role(.dim)), rank: Rank.help.rawValue, side: .right)
        return StatusBar(segments: left + [help])
    }

    /// The date, and with the date cursor shown its date after it, in the chart
    /// marker's style (`2025-01-10 · CURSOR 2024-07-17`): one segment, so the two
    /// stay together and neither gives way, or the panes' date could be mistaken
    /// for now.
    func dateLine(_ asOf: Day) -> TextLine {
        guard let cursor else { return TextLine(asOf.iso) }
        return TextLine([Span(asOf.iso), Span(" · ", style: .role(.dim)),
                         Span("CURSOR " + cursor.iso, style: LineChart.cursorStyle.reversed())])
    }

    /// The focused pane, with its page when there are several: first its short forms
    /// (`3:VOL PREMIUM`, `3:VOL…`, `3`), then, once the flags are named, with the page
    /// (`page 1/2 · 3:VOL PREMIUM`, else `1/2 3:VOL PREMIUM`). The page gives way to
    /// the flags' words: at 80 columns a flag of the page's panes is worth more than
    /// the page number, which the pages' own titles and `}` make plain.
    func focusForms(_ state: AppState) -> (short: [TextLine], long: [TextLine]) {
        let place = "\(state.focus + 1)"
        let title = state.focusedPane.map { state.panes.panes[$0].title } ?? ""
        let pane = title.isEmpty ? place : place + ":" + title
        var short: [String] = [], long: [String] = []
        if state.panes.pages.count > 1 {
            let page = "\(state.page + 1)/\(state.panes.pages.count)"
            long = ["page \(page) · \(pane)", "\(page) \(pane)"]
        }
        short.append(pane)
        if !title.isEmpty { short += [8, 6].map { Truncation.clip(pane, width: $0) }.filter { $0 != pane } }
        short.append(place)
        func lines(_ forms: [String]) -> [TextLine] { forms.map { TextLine($0, style: .role(.title)) } }
        return (lines(short), lines(long))
    }

    /// `1x`, `2.5x`, `0.25x`: sessions per second.
    static func speedLabel(_ speed: Double) -> String {
        let whole = speed.rounded()
        if abs(speed - whole) < 1e-9, whole < 1e6 { return "\(Int(whole))x" }
        var text = NumberLabel.fixed(speed, decimals: speed < 1 ? 2 : 1)
        while text.hasSuffix("0") { text.removeLast() }
        return text + "x"
    }
}
