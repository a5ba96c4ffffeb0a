public import RotorCore

/// A move of the date cursor that a key asks for. `update` for the screen cannot
/// make it (it knows neither the model's dates nor the date on screen), so it asks
/// with `Effect.moveCursor`, which the dashboard's `update` makes, as with `t`.
public enum CursorMove: Equatable, Sendable {
    /// Show the cursor on now (the replay's session, or the live data's last date).
    case show
    /// This many sessions on (positive) or back (negative); a hidden cursor starts on now.
    case step(Int)
    /// The first session of the data.
    case first
    /// Now.
    case last
}

/// How the date cursor moves over sessions: the model's dates (the ones a replay
/// steps), never before the first and never past now, so it only ever shows data
/// the screen has reached. It stays on its date while the replay or the live data
/// moves on underneath it.
public enum DateCursor {
    /// Sessions `H`, `L` and the shifted arrows step at once: about a month.
    public static let jump = 20

    /// Where `move` takes `cursor` (nil: hidden) on `dates` (ascending) with `now`
    /// on screen; nil when no date is on or before now (there is nothing to show).
    public static func moved(_ cursor: Day?, _ move: CursorMove, dates: [Day], now: Day) -> Day? {
        guard let nowIndex = dates.lastIndex(onOrBefore: now) else { return nil }
        // A cursor between sessions (or before the first) counts as on the one before.
        let from = cursor.map { min(nowIndex, dates.lastIndex(onOrBefore: $0) ?? 0) } ?? nowIndex
        let to: Int = switch move {
        case .show: from
        case let .step(n): from + n
        case .first: 0
        case .last: nowIndex
        }
        return dates[max(0, min(nowIndex, to))]
    }
}

extension [Day] {
    /// The index of the last date on or before `day` in these ascending dates
    /// (binary search); nil when every date is later.
    func lastIndex(onOrBefore day: Day) -> Int? {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid] <= day { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? nil : lo - 1
    }
}
