/// One alert's state from row to row: the edge-triggered rule of issue 14.
///
/// A condition alert fires on a row where its condition is true and was false on the
/// row before (both known), then stays fired until its clear condition holds, then
/// re-arms. A words alert (the curve regime) fires on every row whose words differ
/// from the row before's (both known).
///
/// The same machine runs in a replay (one step per session), in `rotor alerts` (one
/// step per row of the whole history) and live (one step per poll, where today's row
/// moves: a condition that turns true intraday fires once and re-arms only after it
/// clears). It is `Codable` so live states survive a restart.
public struct AlertMachine: Sendable, Codable, Equatable {
    /// False from a firing until the clear condition holds.
    public private(set) var armed = true
    /// The condition on the last row stepped, if it was known.
    public private(set) var previous: Bool?
    /// A words alert's words on the last row stepped, if known.
    public private(set) var previousWords: String?

    public init() {}

    /// Steps a condition alert one row; true when it fires on this row.
    /// `clear` nil means the default: the condition is false.
    public mutating func step(when now: Bool?, clear: Bool? = nil) -> Bool {
        defer { previous = now }
        var fired = false
        if armed, now == true, previous == false {
            fired = true
            armed = false
        }
        if !armed, !fired {
            let clears = clear ?? now.map { !$0 } ?? false
            if clears { armed = true }
        }
        return fired
    }

    /// Steps a words alert one row; true when its words changed on this row.
    public mutating func step(words now: String?) -> Bool {
        defer { previousWords = now }
        guard let now, let before = previousWords else { return false }
        return now != before
    }

    /// Fired and not yet cleared: what the alerts overlay calls active.
    public var isFired: Bool { !armed }
}
