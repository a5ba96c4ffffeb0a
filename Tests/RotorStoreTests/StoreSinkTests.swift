import Foundation
import RotorCore
import RotorData
import Testing
@testable import RotorStore

/// The collector's sink when the database goes away between fetches: the bars of a
/// write that failed are written with the feed's next fetch, so a day fetched
/// during the outage is not lost (the poller fetches from the last day it holds).
@Suite(.enabled(if: TestServer.available, TestServer.skipReason))
struct StoreSinkTests {
    let es = FeedSpec(symbol: "ES", kind: .yahoo, ticker: "ES=F")
    let at = Date(timeIntervalSince1970: 1_751_300_000)

    func series(_ first: Int32, _ values: [Double]) -> Series {
        Series(dates: values.indices.map { Day(ordinal: first + Int32($0)) }, values: values)
    }

    @Test func barsOfAFailedWriteGoWithTheNextFetch() async throws {
        let store = try await TestServer.store()
        let role = try await TestRole(for: store, writing: true)
        let sink = StoreSink(SharedStore(role.settings))
        var health = FeedHealth()
        health.succeeded(at: at)
        #expect(await sink.write(es, histories: [(es.cacheKey, series(20_000, [5000, 5010]))], health: health, at: at) == nil)

        try await role.shutOut()
        // Day 20_001's bar changes and day 20_002 comes while the database is away.
        let failure = await sink.write(es, histories: [(es.cacheKey, series(20_001, [5011, 5020]))], health: health, at: at)
        #expect(failure?.contains("cannot") == true, "\(failure ?? "nil")")
        #expect(failure?.contains(role.password) == false)
        #expect(sink.unwritten == [es.cacheKey: series(20_001, [5011, 5020])])
        // A failed fetch meanwhile (health only) keeps them waiting too.
        #expect(await sink.write(es, histories: [], health: health, at: at) != nil)

        try await role.letIn()
        // The next fetch has only day 20_003 (the poller holds 20_002 already).
        #expect(await sink.write(es, histories: [(es.cacheKey, series(20_003, [5030]))], health: health, at: at) == nil)
        #expect(sink.unwritten.isEmpty)
        let stored = try await store.load([es.cacheKey], now: at)
        #expect(stored.histories[es.cacheKey] == series(20_000, [5000, 5011, 5020, 5030]))

        await sink.store.close()
        try await role.drop()
        await TestServer.drop(store)
    }
}
