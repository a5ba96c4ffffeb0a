public import Foundation
import RotorCore

/// Polls every feed on `PollSchedule`'s terms and puts what arrives in the store
/// and the cache; a failure marks the feed's health and never stops the others.
///
/// Time comes in from outside: `monotonic` (seconds, for the schedule), `wall` (the
/// calendar, for session dates and health), and `sleep`, so tests run the real loop
/// fast. A wall clock that jumps against the monotonic one (a laptop waking up)
/// triggers one refresh of everything, paced by the budget.
public actor Poller {
    public struct Clocks: Sendable {
        public var monotonic: @Sendable () -> Double
        public var wall: @Sendable () -> Date
        public var sleep: @Sendable (Double) async -> Void
        public var jitter: @Sendable () -> Double

        public init(monotonic: @escaping @Sendable () -> Double, wall: @escaping @Sendable () -> Date,
                    sleep: @escaping @Sendable (Double) async -> Void, jitter: @escaping @Sendable () -> Double) {
            self.monotonic = monotonic
            self.wall = wall
            self.sleep = sleep
            self.jitter = jitter
        }

        /// The machine's clocks.
        public static let system: Clocks = {
            let start = ContinuousClock.now
            return Clocks(
                monotonic: { let d = ContinuousClock.now - start; return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 },
                wall: { Date() },
                sleep: { seconds in try? await Task.sleep(for: .milliseconds(Int(seconds * 1000))) },
                jitter: { Double.random(in: 0...1) })
        }()
    }

    private var schedule: PollSchedule
    private let store: LiveStore
    private let cache: FeedCache?
    private let providers: @Sendable (FeedSpec) -> any Provider
    private let clocks: Clocks
    private let log: @Sendable (String) -> Void
    /// The longest the loop sleeps, so a refresh or a clock jump is seen promptly.
    static let maximumNap = 1.0
    static let wallClockJump = 120.0

    public init(store: LiveStore, cache: FeedCache?, providers: @escaping @Sendable (FeedSpec) -> any Provider,
                clocks: Clocks = .system, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.store = store
        self.cache = cache
        self.providers = providers
        self.clocks = clocks
        self.log = log
        schedule = PollSchedule(feeds: store.feeds, now: clocks.monotonic())
    }

    /// Polls until the task is cancelled.
    public func run() async {
        var lastWall = clocks.wall(), lastMonotonic = clocks.monotonic()
        var running: [Task<Void, Never>] = []
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
                running.removeAll { $0.isCancelled }
                running.append(Task { await self.fetch(i, feed) })
            case let .wait(until):
                await clocks.sleep(min(Poller.maximumNap, max(0.001, until - now)))
            }
        }
        for task in running { task.cancel() }
    }

    /// The `r` key: every feed due now, within the budget.
    public func refresh() {
        schedule.refreshAll(now: clocks.monotonic())
    }

    private func fetch(_ i: Int, _ feed: FeedSpec) async {
        let result = await Poller.fetchOnce(feed, provider: providers(feed), store: store, cache: cache,
                                            now: clocks.wall, log: log)
        switch result {
        case let .success(marketOpen):
            schedule.completed(i, marketOpen: marketOpen, now: clocks.monotonic())
        case let .failure(error):
            log("feed \(feed.label): \(error)")
            schedule.failed(i, error, now: clocks.monotonic(), jitter: clocks.jitter())
        }
    }

    /// One fetch of a feed from where the store's data ends: new bars go into the
    /// store and the cache, the outcome into the feed's health. Returns whether the
    /// market is open (success) or why the fetch failed.
    public static func fetchOnce(_ feed: FeedSpec, provider: any Provider, store: LiveStore, cache: FeedCache?,
                                 now: @Sendable () -> Date, log: (String) -> Void = { _ in })
        async -> Result<Bool?, FeedError>
    {
        do {
            let bars = try await provider.fetch(feed.ticker, since: store.lastDate(feed), now: now())
            store.merge(feed, bars.series)
            if let cache {
                do {
                    try cache.store(feed.cacheKey, bars.series)
                    store.record(feed) { $0.cacheWrite(failed: nil, at: now()) }
                } catch {
                    log("cache: \(feed.label): \(error)")
                    store.record(feed) { $0.cacheWrite(failed: error.description, at: now()) }
                }
            }
            store.record(feed) { $0.succeeded(at: now()) }
            return .success(bars.marketOpen)
        } catch {
            store.record(feed) { $0.failed(error, at: now()) }
            return .failure(error)
        }
    }

    /// Fills the store from the cache before the first fetch, so the panes have data
    /// at once; returns how many feeds had cached data, and the warning to show when
    /// invalid rows were skipped (`FeedCache.load`).
    public static func loadCache(_ cache: FeedCache, into store: LiveStore, now: Date = Date())
        throws(FeedCache.Failure) -> (feeds: Int, warning: String?)
    {
        let cached = try cache.load(store.feeds.map(\.cacheKey), now: now)
        var count = 0
        for feed in store.feeds {
            if let s = cached.histories[feed.cacheKey], !s.isEmpty {
                store.merge(feed, s)
                count += 1
            }
        }
        return (count, cached.warning)
    }
}
