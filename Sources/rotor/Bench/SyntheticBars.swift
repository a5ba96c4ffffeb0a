import Foundation
import RotorCore
import RotorData
import RotorDemo

/// Seeded synthetic daily bars for the benches that fill a feed cache or the shared
/// store as a first start leaves it: every main feed `mainRows` weekdays ending
/// today, every universe member the last `memberRows` of them (the two years a
/// member's first fetch stores). The same seed gives the same bars on every run.
struct SyntheticBars {
    let sessions: [Day]
    let memberRows: Int
    private var random: SplitMix64

    init(mainRows: Int, memberRows: Int, seed: UInt64) {
        sessions = Self.businessDays(mainRows)
        self.memberRows = memberRows
        random = SplitMix64(seed: seed)
    }

    /// The next feed's bars: a price as a geometric walk from 100 (up to ±1.5 % a
    /// day), a FRED yield as an arithmetic one from 4 (up to ±0.05 a day), in cents.
    mutating func series(for feed: FeedSpec) -> Series {
        let dates = feed.universe == nil ? sessions : Array(sessions.suffix(memberRows))
        let yield = feed.kind == .fred
        var x = yield ? 4.0 : 100.0
        let values = dates.map { _ -> Double in
            let u = unit() - 0.5
            x = yield ? x + 0.1 * u : x * (1 + 0.03 * u)
            return (x * 100).rounded() / 100
        }
        return Series(dates: dates, values: values)
    }

    /// A number in 0..<1 (the top 53 bits).
    private mutating func unit() -> Double { Double(random.next() >> 11) / Double(1 << 53) }

    /// The last `count` weekdays up to today (UTC).
    static func businessDays(_ count: Int) -> [Day] {
        var day = Day(ordinal: Int32(Date().timeIntervalSince1970 / 86_400))
        var out: [Day] = []
        while out.count < count {
            if (1...5).contains(day.weekday) { out.append(day) }
            day = day.adding(days: -1)
        }
        return out.reversed()
    }
}
