/// When each feed is fetched: the whole polling policy as a value, with time as a
/// number of seconds, so hours of polling are simulated in milliseconds in tests.
///
/// - Every feed is due at its own interval after its last success.
/// - A global budget: a token bucket of `rate` requests per second holding at most
///   `burst`; nothing is fetched without a token, whatever is due.
/// - Universe members wait for the main feeds and go at most one per `memberGap`
///   seconds: 500 members are 500 requests, never fired in a burst.
/// - A failure backs off exponentially from 5 s, with ±25% jitter, capped at 10
///   minutes; `Retry-After` is honoured up to 1 hour, and a 429 pauses the whole
///   provider. Whatever number a server sends (nan, inf, 1e300, negative), no feed
///   and no provider ever waits longer than an hour.
/// - `refreshAll` (the `r` key, or the wall clock jumping after a sleep) makes every
///   feed due now; the budget still paces them.
public struct PollSchedule: Sendable {
    public enum Decision: Sendable, Equatable {
        case fetch(Int)
        /// Nothing to do before this time.
        case wait(until: Double)
    }

    public struct Entry: Sendable {
        public let spec: FeedSpec
        public fileprivate(set) var nextDue: Double
        public fileprivate(set) var failures = 0
        public fileprivate(set) var inFlight = false
        public fileprivate(set) var marketOpen: Bool?
    }

    public private(set) var entries: [Entry]
    public let rate: Double
    public let burst: Double
    public let memberGap: Double
    public static let backoffStart = 5.0
    public static let backoffCap = 600.0
    /// The longest a `Retry-After` is honoured: a server asking for more (or for
    /// infinity) is asked again after an hour.
    public static let retryAfterCap = 3600.0

    private var tokens: Double
    private var refilledAt: Double
    private var nextMemberAt: Double
    private var pausedUntil: [FeedSpec.Kind: Double] = [:]
    // Per entry, fixed: whether it is a universe member, and its provider's place
    // in `kinds` (the providers present), so `next` reads no `FeedSpec`.
    private let isMember: [Bool]
    private let kinds: [FeedSpec.Kind]
    private let kindSlot: [Int]

    public init(feeds: [FeedSpec], now: Double, rate: Double = 2, burst: Double = 3, memberGap: Double = 1.5) {
        entries = feeds.map { Entry(spec: $0, nextDue: now) }
        isMember = feeds.map { $0.universe != nil }
        var kinds: [FeedSpec.Kind] = []
        kindSlot = feeds.map { feed in
            if let slot = kinds.firstIndex(of: feed.kind) { return slot }
            kinds.append(feed.kind)
            return kinds.count - 1
        }
        self.kinds = kinds
        self.rate = rate
        self.burst = burst
        self.memberGap = memberGap
        tokens = burst
        refilledAt = now
        nextMemberAt = now
    }

    private mutating func refill(_ now: Double) {
        tokens = min(burst, tokens + max(0, now - refilledAt) * rate)
        refilledAt = max(refilledAt, now)
    }

    /// The next thing to do at `now`: fetch a feed (its token is taken), or wait.
    ///
    /// One pass over the feeds, reading only their plain fields: the collector asks
    /// this after every fetch, and with a 2000-member universe a copy of each entry
    /// (its `FeedSpec`'s strings retained and released) made it the process's
    /// busiest code.
    public mutating func next(now: Double) -> Decision {
        refill(now)
        let paused = kinds.map { pausedUntil[$0] ?? -.infinity }
        // Main feeds before members, then the longest overdue first (the first of
        // equals); `wake`: when the first feed not ready now will be.
        var best: Int?, bestIsMember = true, bestDue = Double.infinity
        var wake = Double.infinity
        for i in entries.indices where !entries[i].inFlight {
            let member = isMember[i], due = entries[i].nextDue
            var at = max(due, paused[kindSlot[i]])
            if member { at = max(at, nextMemberAt) }
            if !(at <= now) { // not `at > now`: a nan time is never ready
                wake = min(wake, at)
            } else if best == nil || (bestIsMember && !member) || (bestIsMember == member && due < bestDue) {
                (best, bestIsMember, bestDue) = (i, member, due)
            }
        }
        guard let i = best else { return .wait(until: max(wake, now)) }
        // A token short by less than a billionth is a token: the refill's floating
        // point can leave 0.99999999999999, whose wait (half of 1e-14 s) added to
        // `now` is `now` again, and a caller waiting exactly as told never moves.
        guard tokens >= 1 - 1e-9 else { return .wait(until: Swift.max(now + (1 - tokens) / rate, now.nextUp)) }
        tokens = Swift.max(0, tokens - 1)
        entries[i].inFlight = true
        if bestIsMember { nextMemberAt = now + memberGap }
        return .fetch(i)
    }

    /// Fetch `i` succeeded: due again after its interval, or after `wait` seconds when
    /// the feed's own calendar says when to look again (`FeedSpec.waitForRelease`).
    public mutating func completed(_ i: Int, marketOpen: Bool?, now: Double, wait: Double? = nil) {
        entries[i].inFlight = false
        entries[i].failures = 0
        entries[i].marketOpen = marketOpen ?? entries[i].marketOpen
        let wait = wait.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
        entries[i].nextDue = now + (wait ?? entries[i].spec.interval(marketOpen: entries[i].marketOpen))
    }

    /// Fetch `i` failed: due again after its backoff. `jitter` is a number in 0...1
    /// (random in use, fixed in tests).
    public mutating func failed(_ i: Int, _ error: FeedError, now: Double, jitter: Double) {
        entries[i].inFlight = false
        // Saturating: a feed failing for ever must not overflow the count.
        entries[i].failures = entries[i].failures == .max ? .max : entries[i].failures + 1
        let delay = PollSchedule.backoff(failures: entries[i].failures, jitter: jitter)
        var wait = delay
        if case let .rateLimited(after) = error {
            wait = max(delay, PollSchedule.retryDelay(after) ?? 0)
            let kind = entries[i].spec.kind
            // A pause already running is kept, but never past an hour from now (an
            // earlier pause may have come from before a clock jump).
            pausedUntil[kind] = min(now + PollSchedule.retryAfterCap, max(pausedUntil[kind] ?? -.infinity, now + wait))
        }
        entries[i].nextDue = now + wait
    }

    /// 5, 10, 20, ... seconds, ±25%, never above 10 minutes; any count and any jitter
    /// (nan counts as the middle) give a number in 3.75...600.
    public static func backoff(failures: Int, jitter: Double) -> Double {
        let base = backoffStart * Double(1 << (min(21, max(1, failures)) - 1))
        let spread = jitter.isNaN ? 0.5 : min(1, max(0, jitter))
        return min(backoffCap, base * (0.75 + 0.5 * spread))
    }

    /// The wait a `Retry-After` asks for, bounded: nil for none, nan or a negative
    /// number (the normal backoff applies), else at most `retryAfterCap` (so inf and
    /// 1e300 mean an hour).
    public static func retryDelay(_ retryAfter: Double?) -> Double? {
        guard let retryAfter, !retryAfter.isNaN, retryAfter >= 0 else { return nil }
        return min(retryAfterCap, retryAfter)
    }

    /// Every feed due now (a provider's Retry-After pause still holds).
    public mutating func refreshAll(now: Double) {
        for i in entries.indices where !entries[i].inFlight { entries[i].nextDue = min(entries[i].nextDue, now) }
    }
}
