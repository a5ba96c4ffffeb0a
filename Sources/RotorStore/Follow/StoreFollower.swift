public import Foundation
import RotorCore
public import RotorData

/// Keeps a dashboard's `LiveStore` in step with the shared store, in place of the
/// poller: the collector polls the sources, the follower only reads PostgreSQL.
///
/// One round: `LISTEN` on the store's channel (its own connection), read what
/// changed since the last read at once (catching up on anything written while not
/// listening), then read again on every notification, every `checkEvery` when none
/// come (a lost notification, or a collector whose `NOTIFY` never reaches us), and on
/// `refresh()`. Wake-ups coalesce: a burst of notifications while a read is running
/// costs one more read, not one each. A read takes the feeds whose health row was
/// written since the last read and only their bars from the last day held on.
///
/// A failure (the database down, the connection cut, the schema gone) ends the
/// round: the link is `lost` (since when, why, the next try), the data held stays on
/// screen, and the next round starts after the poller's backoff (5 s doubling to
/// 10 min, jittered), so a database that is down costs one attempt per backoff.
public final class StoreFollower: @unchecked Sendable {
    // @unchecked: the mutable state (`link`, `known`, `failures`, `wake`) is read and
    // written under `lock`; the rest is set once in init.
    /// How the follower tells time and waits: the machine's clocks, or a test's.
    public struct Pace: Sendable {
        public var wall: @Sendable () -> Date
        /// Waits this long, or less when the task is cancelled (then it returns at once).
        public var sleep: @Sendable (Duration) async -> Void
        /// A number in 0...1 that spreads the backoff, as the poller's does.
        public var jitter: @Sendable () -> Double

        public init(wall: @escaping @Sendable () -> Date, sleep: @escaping @Sendable (Duration) async -> Void,
                    jitter: @escaping @Sendable () -> Double) {
            self.wall = wall
            self.sleep = sleep
            self.jitter = jitter
        }

        public static let system = Pace(wall: { Date() }, sleep: { try? await Task.sleep(for: $0) },
                                        jitter: { Double.random(in: 0...1) })
    }

    /// What happened, for tests and the log: a read that worked (how many feeds had
    /// new data), and a failure with the wait before the next round.
    public enum Event: Sendable, Equatable {
        case read(feeds: Int)
        case lost(String, retryIn: Duration)
    }

    public let store: SharedStore
    public let live: LiveStore
    public let checkEvery: Duration
    private let pace: Pace
    private let events: @Sendable (Event) -> Void

    private let lock = NSLock()
    private var linkState = StoreLink()
    /// Each feed's health row time as last read: a later one means new data.
    private var known: [CacheKey: Date] = [:]
    private var failures = 0
    private var wake: AsyncStream<Void>.Continuation?
    /// Finished at the first read or the first failure: what `firstRead` waits for.
    private let settled: AsyncStream<Void>
    private let settle: AsyncStream<Void>.Continuation

    public init(store: SharedStore, live: LiveStore, checkEvery: Duration = .seconds(30), pace: Pace = .system,
                events: @escaping @Sendable (Event) -> Void = { _ in }) {
        self.store = store
        self.live = live
        self.checkEvery = checkEvery
        self.pace = pace
        self.events = events
        (settled, settle) = AsyncStream.makeStream(of: Void.self)
    }

    /// Returns at the first read or failure of `run`, or after `limit`: a dashboard
    /// opens with the store's data when it answers promptly, and at once anyway.
    public func firstRead(within limit: Duration) async {
        let settled = self.settled
        await withTaskGroup(of: Void.self) { group in
            group.addTask { for await _ in settled {} }
            group.addTask { try? await Task.sleep(for: limit) }
            await group.next()
            group.cancelAll()
        }
    }

    /// The link now.
    public var link: StoreLink { lock.withLock { linkState } }

    /// Reads again at once (the dashboard's `r`); nothing while not connected, when
    /// the next round's first read comes at its retry.
    public func refresh() {
        _ = lock.withLock { wake }?.yield()
    }

    /// Follows the store until the task is cancelled.
    public func run() async {
        while !Task.isCancelled {
            do {
                try await store.withNotifications { notes in try await self.follow(notes) }
            } catch {
                if Task.isCancelled { break }
                let wait = lostRound(error)
                events(.lost(link.lastError ?? "", retryIn: wait))
                await pace.sleep(wait)
            }
        }
        lock.withLock { wake = nil }
    }

    /// One connected round: returns only by throwing (a failure) or when cancelled.
    private func follow(_ notes: StoreNotifications) async throws {
        guard try await store.schemaVersion() > 0 else {
            throw StoreError("\(store.name): schema \(store.settings.schema) has no rotor tables yet: "
                             + "is `rotor collect` running?")
        }
        let (wakes, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        lock.withLock { self.wake = wake }
        defer { lock.withLock { self.wake = nil } }
        wake.yield() // the catch-up read
        let pace = self.pace, every = checkEvery, name = store.name
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for try await _ in notes { wake.yield() }
                if !Task.isCancelled { throw StoreError("\(name): the server ended the notifications") }
            }
            group.addTask {
                while !Task.isCancelled {
                    await pace.sleep(every)
                    wake.yield()
                }
            }
            group.addTask {
                for await _ in wakes { try await self.read() }
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    /// Reads the feeds whose health changed since the last read: their health, their
    /// bars from the last day held on, and the collector's heartbeat.
    public func read() async throws {
        let now = pace.wall()
        let health = try await store.health()
        let known = lock.withLock { self.known }
        let changed = live.feeds.filter { feed in
            guard let updated = health.updated[feed.cacheKey] else { return false }
            return known[feed.cacheKey] != updated
        }
        var whole: [CacheKey] = [], recent: [CacheKey: Day] = [:]
        for feed in changed {
            for (key, part) in zip(feed.cacheKeys, feed.kind.parts.isEmpty ? [nil] : feed.kind.parts.map(Optional.some)) {
                let held = part.map { live.lastDate(feed, part: $0) } ?? live.lastDate(feed)
                if let held { recent[key] = held } else { whole.append(key) }
            }
        }
        // A feed not held yet comes whole (one query for all of them), the rest from
        // their last day.
        var contents = try await store.load(whole, now: now)
        let newer = try await store.load(recent: recent, now: now)
        contents.histories.merge(newer.histories) { $1 }
        contents.invalidRows.merge(newer.invalidRows) { $0 + $1 }
        if contents.firstProblem == nil { contents.firstProblem = newer.firstProblem }
        let beat = try await store.lastWrite()
        _ = Poller.fill(live, from: contents.histories)
        for feed in changed {
            if let stored = health.feeds[feed.cacheKey] { live.record(feed) { $0 = stored } }
        }
        let read = pace.wall()
        lock.withLock {
            for feed in changed { self.known[feed.cacheKey] = health.updated[feed.cacheKey] }
            failures = 0
            linkState.state = .ok
            linkState.lostSince = nil
            linkState.retryAt = nil
            linkState.lastRead = read
            linkState.collector = beat
            if let warning = contents.warning { linkState.warning = warning }
        }
        settle.finish()
        events(.read(feeds: changed.count))
    }

    /// Marks the link lost; returns the wait before the next round.
    private func lostRound(_ error: any Error) -> Duration {
        let now = pace.wall()
        // The link names the store already: its words without the URL in front.
        var words = (error as? StoreError)?.description ?? store.settings.redacting("\(error)")
        if words.hasPrefix(store.name + ": ") { words.removeFirst(store.name.count + 2) }
        let wait = lock.withLock { () -> Duration in
            failures += 1
            let seconds = PollSchedule.backoff(failures: failures, jitter: pace.jitter())
            linkState.state = .lost
            if linkState.lostSince == nil { linkState.lostSince = now }
            linkState.lastError = words
            linkState.retryAt = now.addingTimeInterval(seconds)
            return .milliseconds(Int64((seconds * 1000).rounded()))
        }
        settle.finish()
        return wait
    }
}
