import Foundation
import RotorCore

/// Which custom flags were raised on which dates, remembered for the model's life:
/// a chart marks its pane's flags on every date of its lookback, and a custom flag
/// (a reversal) is asked with a reader at each date, so without this each frame
/// would ask it 252 times for a year; with it, moving the replay cursor one date
/// asks once. The data behind a model never changes (new bars make a new model and
/// a new history), so an answer never goes stale.
final class FlagHistory: @unchecked Sendable {
    struct Key: Hashable {
        /// The pane's name and the flag's place in its list.
        var flag: String
        var date: Day
        var sessions: Int
    }

    private let lock = NSLock()
    /// The mark role of the flag on the date: nil inside when it was not raised.
    private var answers: [Key: StyleRole?] = [:]

    /// The answer remembered for `key`, or `compute`'s, remembered.
    func role(_ key: Key, _ compute: () -> StyleRole?) -> StyleRole? {
        lock.lock()
        let known = answers[key]
        lock.unlock()
        if let known { return known }
        let answer = compute()
        lock.lock()
        answers[key] = .some(answer)
        lock.unlock()
        return answer
    }
}
