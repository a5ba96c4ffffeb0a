import RotorCore

/// Places the story's dates on a generator's sessions.
///
/// A story date is turned into "sessions before the default end date" on the default
/// calendar, and that count is then taken back from the generator's own last session.
/// With the default end date this is the identity on dates.
struct StoryClock {
    let sessionCount: Int
    /// Sessions of the default calendar, oldest first, covering every story date.
    private let storySessions: [Day]

    init(sessionCount: Int) {
        self.sessionCount = sessionCount
        storySessions = MarketCalendar.sessions(count: 1200, endingOnOrBefore: Story.defaultEnd)
    }

    /// The session index of the first story session on or after `date` (negative when
    /// it falls before this generator's first session).
    func index(of date: Day) -> Int {
        var lo = 0, hi = storySessions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if storySessions[mid] < date { lo = mid + 1 } else { hi = mid }
        }
        let sessionsBeforeEnd = storySessions.count - 1 - lo
        return sessionCount - 1 - sessionsBeforeEnd
    }

    func index(of text: String) -> Int { index(of: Story.day(text)) }

    /// True for each session index within [from, to] (story dates, inclusive).
    func mask(_ ranges: [(from: String, to: String)]) -> [Bool] {
        var out = [Bool](repeating: false, count: sessionCount)
        for r in ranges {
            let a = max(0, index(of: r.from)), b = min(sessionCount - 1, index(of: r.to))
            if a <= b { for i in a...b { out[i] = true } }
        }
        return out
    }
}
