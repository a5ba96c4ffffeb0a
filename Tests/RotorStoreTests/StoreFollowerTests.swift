import Foundation
import RotorCore
import RotorData
import Testing
@testable import RotorStore

/// A dashboard's follower against the real server: the first read, a refresh on a
/// notification (its 30 s nap never woken), the 30 s check for what came without
/// one, and an outage: lost (data kept, backoff asked), then back. Time is the
/// test's: every nap the follower takes waits until the test wakes it.
@Suite(.enabled(if: TestServer.available, TestServer.skipReason))
struct StoreFollowerTests {
    let es = FeedSpec(symbol: "ES", kind: .yahoo, ticker: "ES=F")
    let us2y = FeedSpec(symbol: "US2Y", kind: .fred, ticker: "DGS2")
    let at = Date(timeIntervalSince1970: 1_751_300_000)

    func series(_ first: Int32, _ values: [Double]) -> Series {
        Series(dates: values.indices.map { Day(ordinal: first + Int32($0)) }, values: values)
    }

    func fetch(_ feed: FeedSpec, _ bars: Series, at time: Date) -> FetchRecord {
        var health = FeedHealth()
        health.succeeded(at: time)
        return FetchRecord(feed: feed.cacheKey, histories: [(feed.cacheKey, bars)], health: health, at: time)
    }

    /// The follower's events as the test awaits them, and its naps.
    final class Watch: @unchecked Sendable {
        let events: AsyncStream<StoreFollower.Event>
        let eventSink: AsyncStream<StoreFollower.Event>.Continuation
        let naps = Naps()

        init() { (events, eventSink) = AsyncStream.makeStream(of: StoreFollower.Event.self) }

        func follower(_ store: SharedStore, _ live: LiveStore, wall: Date) -> StoreFollower {
            let naps = self.naps, sink = eventSink
            return StoreFollower(store: store, live: live,
                                 pace: .init(wall: { wall }, sleep: { await naps.sleep($0) }, jitter: { 0.5 }),
                                 events: { sink.yield($0) })
        }
    }

    /// Naps that end only when the test wakes them (or their task is cancelled).
    final class Naps: @unchecked Sendable {
        // @unchecked: `pending` is read and written under `lock`.
        final class Nap: @unchecked Sendable {
            let length: Duration
            private let lock = NSLock()
            private var continuation: CheckedContinuation<Void, Never>?
            private var woken = false
            init(_ length: Duration) { self.length = length }
            func park(_ c: CheckedContinuation<Void, Never>) {
                let now = lock.withLock { () -> Bool in
                    if woken { return true }
                    continuation = c
                    return false
                }
                if now { c.resume() }
            }
            func wake() {
                let c = lock.withLock { () -> CheckedContinuation<Void, Never>? in
                    woken = true
                    defer { continuation = nil }
                    return continuation
                }
                c?.resume()
            }
        }

        let requests: AsyncStream<Nap>
        private let sink: AsyncStream<Nap>.Continuation
        init() { (requests, sink) = AsyncStream.makeStream(of: Nap.self) }

        func sleep(_ length: Duration) async {
            let nap = Nap(length)
            sink.yield(nap)
            await withTaskCancellationHandler {
                await withCheckedContinuation { nap.park($0) }
            } onCancel: {
                nap.wake()
            }
        }
    }

    /// The next nap of this length (naps of other lengths are left asleep).
    func nextNap(_ watch: Watch, of length: Duration) async -> Naps.Nap? {
        for await nap in watch.naps.requests where nap.length == length { return nap }
        return nil
    }

    func nextEvent(_ watch: Watch) async -> StoreFollower.Event? {
        for await event in watch.events { return event }
        return nil
    }

    @Test func readsWhatIsStoredThenWhatANotificationAnnounces() async throws {
        let store = try await TestServer.store()
        let reader = SharedStore(store.settings)
        try await store.write(fetch(es, series(20_000, [5000, 5010]), at: at))
        try await store.write(fetch(us2y, series(20_000, [4.1, 4.2]), at: at))
        let live = LiveStore(feeds: [es, us2y])
        let watch = Watch()
        let follower = watch.follower(reader, live, wall: at.addingTimeInterval(5))
        let running = Task { await follower.run() }

        #expect(await nextEvent(watch) == .read(feeds: 2))
        #expect(live.snapshot().market.symbols["ES"] == series(20_000, [5000, 5010]))
        #expect(follower.link.state == .ok)
        #expect(follower.link.collector?.lastWrite == at)
        #expect(live.health(es).lastSuccess == at)

        // Today's bar changes and a new one comes: the notification brings them, and
        // only ES is read again (from its last day held).
        let later = at.addingTimeInterval(60)
        try await store.write(fetch(es, series(20_001, [5020, 5030]), at: later))
        #expect(await nextEvent(watch) == .read(feeds: 1))
        #expect(live.snapshot().market.symbols["ES"] == series(20_000, [5000, 5020, 5030]))
        #expect(follower.link.collector?.lastWrite == later)

        running.cancel()
        await running.value
        await reader.close()
        await TestServer.drop(store)
    }

    @Test func theThirtySecondCheckFindsWhatCameWithoutANotification() async throws {
        let store = try await TestServer.store()
        let reader = SharedStore(store.settings)
        try await store.write(fetch(es, series(20_000, [5000]), at: at))
        let live = LiveStore(feeds: [es])
        let watch = Watch()
        let follower = watch.follower(reader, live, wall: at)
        let running = Task { await follower.run() }
        #expect(await nextEvent(watch) == .read(feeds: 1))

        // A row and its health written as the collector would, but with no NOTIFY.
        let s = store.settings.schema
        try await store.execute("INSERT INTO \(s).history VALUES ('ES', 'yahoo', 'ES=F', 20001, 5040)")
        try await store.execute("UPDATE \(s).feed_health SET updated = updated + interval '30 seconds'")
        let check = try #require(await nextNap(watch, of: .seconds(30)))
        check.wake()
        #expect(await nextEvent(watch) == .read(feeds: 1))
        #expect(live.snapshot().market.symbols["ES"] == series(20_000, [5000, 5040]))

        running.cancel()
        await running.value
        await reader.close()
        await TestServer.drop(store)
    }

    @Test func aLostDatabaseKeepsTheDataAndIsRetriedAfterTheBackoff() async throws {
        let store = try await TestServer.store()
        // A role of the follower's own: shut out and its connections ended is, to it,
        // a database that went away.
        let role = try await TestRole(for: store)
        let password = role.password
        let reader = SharedStore(role.settings)
        try await store.write(fetch(es, series(20_000, [5000, 5010]), at: at))
        let live = LiveStore(feeds: [es])
        let watch = Watch()
        let follower = watch.follower(reader, live, wall: at)
        let running = Task { await follower.run() }
        #expect(await nextEvent(watch) == .read(feeds: 1))

        try await role.shutOut()
        let backoff = Duration.milliseconds(Int64(PollSchedule.backoff(failures: 1, jitter: 0.5) * 1000))
        guard case let .lost(words, retryIn)? = await nextEvent(watch) else {
            Issue.record("no lost event")
            return
        }
        #expect(retryIn == backoff)
        #expect(follower.link.state == .lost)
        #expect(follower.link.lostSince == at)
        #expect(!words.contains(password))
        #expect(!words.hasPrefix("postgres://"), "the link names the store already: \(words)")
        #expect(live.snapshot().market.symbols["ES"] == series(20_000, [5000, 5010]), "the data held stays")

        // Still shut out at the retry: lost again, the backoff doubled, lost since the first.
        try #require(await nextNap(watch, of: backoff)).wake()
        guard case let .lost(_, second)? = await nextEvent(watch) else {
            Issue.record("no second lost event")
            return
        }
        #expect(second == .milliseconds(Int64(PollSchedule.backoff(failures: 2, jitter: 0.5) * 1000)))
        #expect(follower.link.lostSince == at)

        // Back: the next round reads again and the link is ok.
        try await role.letIn()
        try await store.write(fetch(es, series(20_002, [5020]), at: at.addingTimeInterval(90)))
        try #require(await nextNap(watch, of: second)).wake()
        #expect(await nextEvent(watch) == .read(feeds: 1))
        #expect(follower.link.state == .ok)
        #expect(follower.link.lostSince == nil)
        #expect(live.snapshot().market.symbols["ES"] == series(20_000, [5000, 5010, 5020]))

        running.cancel()
        await running.value
        await reader.close()
        try await role.drop()
        await TestServer.drop(store)
    }
}
