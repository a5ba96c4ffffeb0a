public import Foundation
public import RotorCore

/// Polls every feed on `PollSchedule`'s terms and puts what arrives in the store
/// and the cache; a failure marks the feed's health and never stops the others.
///
/// Time comes in from outside: `monotonic` (seconds, for the schedule), `wall` (the
/// calendar, for session dates and health), and `sleep`, so tests and `rotor soak`
/// run the real loop on a `VirtualClock`. A wall clock that jumps against the
/// monotonic one (a laptop waking up) triggers one refresh of everything, paced by
/// the budget.
///
/// Why this is safe to leave running for weeks:
/// - Each fetch is a child task of one discarding task group owned by `run`: a task
///   is released as soon as its fetch ends (nothing is kept per fetch), cancelling
///   `run` cancels every fetch, and `run` returns only after the last one has ended.
/// - Fetches of different feeds run concurrently (a stalled feed holds only its own
///   task), but never two of the same feed: the schedule marks a feed in flight when
///   it hands it out and hands it out again only after its outcome is recorded.
/// - Everything a fetch does besides waiting for its provider happens on this actor:
///   `fetchOnce` inherits the caller's isolation, so the store, the cache and `log`
///   are called from here one fetch at a time, and only `Provider.fetch` (the network
///   wait) runs off the actor, concurrently. The poller does not rely on the cache
///   having one owner: its writes are serialised here, and the cache serialises its
///   own besides. The store is shared with the UI thread behind its own lock.
public actor Poller {
    public struct Clocks: Sendable {
        public var monotonic: @Sendable () -> Double
        public var wall: @Sendable () -> Date
        public var sleep: @Sendable (Double) async -> Void
        public var jitter: @Sendable () -> Double
        /// Told when a fetch starts (before its task exists) and when it has ended
        /// (its outcome in the schedule): a `VirtualClock` moves time only when every
        /// fetch has ended or waits on that clock. Nothing on the system clocks.
        public var fetchStarted: @Sendable () -> Void
        public var fetchEnded: @Sendable () -> Void

        public init(monotonic: @escaping @Sendable () -> Double, wall: @escaping @Sendable () -> Date,
                    sleep: @escaping @Sendable (Double) async -> Void, jitter: @escaping @Sendable () -> Double,
                    fetchStarted: @escaping @Sendable () -> Void = {}, fetchEnded: @escaping @Sendable () -> Void = {}) {
            self.monotonic = monotonic
            self.wall = wall
            self.sleep = sleep
            self.jitter = jitter
            self.fetchStarted = fetchStarted
            self.fetchEnded = fetchEnded
        }

        /// The machine's clocks.
        public static let system: Clocks = {
            let start = ContinuousClock.now
            return Clocks(
                monotonic: { let d = ContinuousClock.now - start; return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 },
                wall: { Date() },
                sleep: { seconds in
                    // The loop asks for 0.001...1 s; anything else is bounded rather than trapped on.
                    let ms = seconds.isFinite ? Int(min(3_600_000, max(1, seconds * 1000))) : 1000
                    try? await Task.sleep(for: .milliseconds(ms))
                },
                jitter: { Double.random(in: 0...1) })
        }()

        /// Clocks on `clock`'s virtual time, with a fixed jitter (in 0...1).
        public static func virtual(_ clock: VirtualClock, jitter: Double = 0.5) -> Clocks {
            Clocks(monotonic: { clock.now }, wall: { clock.wall }, sleep: { await clock.sleep($0) },
                   jitter: { jitter }, fetchStarted: { clock.began() }, fetchEnded: { clock.ended() })
        }
    }

    /// Counts of the fetches this poller started and ended: what `rotor soak` and the
    /// tests check for bounded work (a fetch in flight is the only thing kept per fetch).
    public struct Statistics: Sendable, Equatable {
        public var started = 0
        public var ended = 0
        /// The most fetches that were in flight at once.
        public var mostInFlight = 0
        public var inFlight: Int { started - ended }
    }

    private var schedule: PollSchedule
    private let store: LiveStore
    private let cache: FeedCache?
    private let sink: (any FetchSink)?
    private let providers: @Sendable (FeedSpec) -> any Provider
    private let clocks: Clocks
    private let log: @Sendable (String) -> Void
    public private(set) var statistics = Statistics()
    /// The longest the loop sleeps, so a refresh, a clock jump or a fetch that ended is
    /// seen promptly.
    static let maximumNap = 1.0
    static let wallClockJump = 120.0

    /// `sink`: where each fetch is written besides the store and the cache (the
    /// shared PostgreSQL store of `rotor collect`).
    public init(store: LiveStore, cache: FeedCache?, sink: (any FetchSink)? = nil,
                providers: @escaping @Sendable (FeedSpec) -> any Provider,
                clocks: Clocks = .system, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.store = store
        self.cache = cache
        self.sink = sink
        self.providers = providers
        self.clocks = clocks
        self.log = log
        schedule = PollSchedule(feeds: store.feeds, now: clocks.monotonic())
    }

    /// Polls until the task is cancelled; returns once every fetch it started has
    /// ended (a cancelled provider must return, as `Task.sleep` and AsyncHTTPClient do).
    public func run() async {
        await withDiscardingTaskGroup { group in
            var lastWall = clocks.wall(), lastMonotonic = clocks.monotonic()
            while !Task.isCancelled {
                let now = clocks.monotonic(), wall = clocks.wall()
                if abs(wall.timeIntervalSince(lastWall) - (now - lastMonotonic)) > Poller.wallClockJump {
                    log("wall clock jumped by \(Int(wall.timeIntervalSince(lastWall) - (now - lastMonotonic))) s: refreshing every feed")
                    schedule.refreshAll(now: now)
                }
                (lastWall, lastMonotonic) = (wall, now)
                switch schedule.next(now: now) {
                case let .fetch(i):
                    let feed = schedule.entries[i].spec
                    statistics.started += 1
                    statistics.mostInFlight = max(statistics.mostInFlight, statistics.inFlight)
                    clocks.fetchStarted()
                    // addTask, not addTaskUnlessCancelled: the task must run so that
                    // the fetch is ended (in the schedule and the clock) even when the
                    // group is being cancelled.
                    group.addTask { await self.fetch(i, feed) }
                case let .wait(until):
                    await clocks.sleep(min(Poller.maximumNap, max(0.001, until - now)))
                }
            }
            group.cancelAll()
        }
    }

    /// The `r` key: every feed due now, within the budget.
    public func refresh() {
        schedule.refreshAll(now: clocks.monotonic())
    }

    /// One fetch, on the actor but for the provider's wait (see `fetchOnce`).
    private func fetch(_ i: Int, _ feed: FeedSpec) async {
        defer {
            statistics.ended += 1
            clocks.fetchEnded()
        }
        let result = await Poller.fetchOnce(feed, provider: providers(feed), store: store, cache: cache, sink: sink,
                                            now: clocks.wall, log: log)
        switch result {
        case let .success(marketOpen):
            let wait = feed.waitForRelease(now: clocks.wall(), latest: store.lastDate(feed))
            schedule.completed(i, marketOpen: marketOpen, now: clocks.monotonic(), wait: wait)
        case let .failure(error):
            log("feed \(feed.label): \(error)")
            schedule.failed(i, error, now: clocks.monotonic(), jitter: clocks.jitter())
        }
    }

    /// One fetch of a feed from where the store's data ends: new bars go into the
    /// store and the cache, the outcome into the feed's health; then the bars and
    /// the health go to the sink, if any (a failed fetch writes its health only). Returns whether the
    /// market is open (success) or why the fetch failed (a `Retry-After` bounded by
    /// `PollSchedule.retryDelay`, so no later message or wait meets nan or 1e300).
    ///
    /// Runs on the caller's actor (`isolation`) except while it awaits the provider:
    /// called from the poller, the store, cache and `log` calls are serialised on it.
    public static func fetchOnce(_ feed: FeedSpec, provider: any Provider, store: LiveStore, cache: FeedCache?,
                                 sink: (any FetchSink)? = nil, now: @Sendable () -> Date, log: (String) -> Void = { _ in },
                                 isolation: isolated (any Actor)? = #isolation)
        async -> Result<Bool?, FeedError>
    {
        do {
            let bars = try await provider.fetch(feed.ticker, since: store.lastDate(feed), now: now())
            let histories = feed.histories(bars)
            for h in histories {
                if let part = h.part { store.merge(feed, part: part, h.series) } else { store.merge(feed, h.series) }
            }
            if let cache {
                do {
                    for h in histories { try cache.store(h.key, h.series) }
                    store.record(feed) { $0.cacheWrite(failed: nil, at: now()) }
                } catch {
                    log("cache: \(feed.label): \(error)")
                    store.record(feed) { $0.cacheWrite(failed: error.description, at: now()) }
                }
            }
            store.record(feed) { $0.succeeded(at: now()) }
            await write(feed, histories.map { ($0.key, $0.series) }, to: sink, store: store, now: now, log: log)
            return .success(bars.marketOpen)
        } catch {
            let error = bounded(error)
            store.record(feed) { $0.failed(error, at: now()) }
            await write(feed, [], to: sink, store: store, now: now, log: log)
            return .failure(error)
        }
    }

    /// Hands a fetch to the sink with the feed's health as it now is, less any
    /// earlier write error (this write is what would clear it); a write that fails is
    /// kept in the health as a cache write failure is, and logged.
    private static func write(_ feed: FeedSpec, _ histories: [(key: CacheKey, series: Series)], to sink: (any FetchSink)?,
                              store: LiveStore, now: @Sendable () -> Date, log: (String) -> Void,
                              isolation: isolated (any Actor)? = #isolation) async {
        guard let sink else { return }
        var health = store.health(feed)
        health.cacheError = nil
        let failure = await sink.write(feed, histories: histories, health: health, at: now())
        if let failure { log("store: \(feed.label): \(failure)") }
        store.record(feed) { $0.cacheWrite(failed: failure, at: now()) }
    }

    /// The error with its `Retry-After` bounded (nan and negatives dropped, at most an hour).
    static func bounded(_ error: FeedError) -> FeedError {
        guard case let .rateLimited(after) = error else { return error }
        return .rateLimited(retryAfter: PollSchedule.retryDelay(after))
    }

    /// Fills the store from the cache before the first fetch, so the panes have data
    /// at once; returns how many feeds had cached data, and the warning to show when
    /// invalid rows were skipped (`FeedCache.load`).
    public static func loadCache(_ cache: FeedCache, into store: LiveStore, now: Date = Date())
        throws(FeedCache.Failure) -> (feeds: Int, warning: String?)
    {
        let cached = try cache.load(store.feeds.flatMap(\.cacheKeys), now: now)
        return (fill(store, from: cached.histories), cached.warning)
    }

    /// Merges stored histories (by `FeedSpec.cacheKeys`) into the store: the SQLite
    /// cache's or the shared store's. Returns how many feeds had any.
    public static func fill(_ store: LiveStore, from histories: [CacheKey: Series]) -> Int {
        var count = 0
        for feed in store.feeds {
            if feed.kind.parts.isEmpty {
                if let s = histories[feed.cacheKey], !s.isEmpty {
                    store.merge(feed, s)
                    count += 1
                }
                continue
            }
            var any = false
            for part in feed.kind.parts {
                guard let s = histories[feed.cacheKey(part: part)], !s.isEmpty else { continue }
                store.merge(feed, part: part, s)
                any = true
            }
            if any { count += 1 }
        }
        return count
    }
}

extension FeedSpec {
    /// Where a fetch's bars go: the feed's one series under `cacheKey`, or each
    /// non-empty part under its own symbol and key.
    func histories(_ bars: Bars) -> [(part: String?, key: CacheKey, series: Series)] {
        guard !kind.parts.isEmpty else { return [(nil, cacheKey, bars.series)] }
        return kind.parts.compactMap { part in
            guard let s = bars.parts[part], !s.isEmpty else { return nil }
            return (part, cacheKey(part: part), s)
        }
    }
}
