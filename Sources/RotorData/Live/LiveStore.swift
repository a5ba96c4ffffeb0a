import Foundation
public import RotorCore

/// The live market as the poller fills it and the screen reads it: every series
/// (cached, then refreshed), each feed's health, and a version that changes with
/// them. Shared between the poller's task and the UI loop, behind a lock; the UI
/// takes a snapshot and never waits on the network.
public final class LiveStore: @unchecked Sendable {
    // @unchecked: every stored property is read and written under `lock`.
    private let lock = NSLock()
    private var symbols: [String: Series] = [:]
    private var members: [String: [String: Series]] = [:]
    private var health: [FeedSpec: FeedHealth] = [:]
    private var version = 0
    /// Symbols (and `@universe`s) with new bars since the last `takeSnapshot`.
    private var changed = Set<String>()
    public let feeds: [FeedSpec]

    public init(feeds: [FeedSpec]) {
        self.feeds = feeds
        for f in feeds { health[f] = FeedHealth() }
    }

    /// What the screen needs, copied out at once.
    public struct Snapshot: Sendable {
        public let version: Int
        public let market: MarketData
        public let health: [(feed: FeedSpec, health: FeedHealth)]
        /// Universe -> (members with data, members in the universe).
        public let progress: [String: (loaded: Int, total: Int)]
    }

    public func snapshot() -> Snapshot {
        lock.lock()
        defer { lock.unlock() }
        return makeSnapshot()
    }

    /// A snapshot and the names whose bars changed since the last call: what the
    /// model must evaluate again.
    public func takeSnapshot() -> (snapshot: Snapshot, changed: Set<String>) {
        lock.lock()
        defer { lock.unlock() }
        let names = changed
        changed = []
        return (makeSnapshot(), names)
    }

    private func makeSnapshot() -> Snapshot {
        var universes: [String: Universe] = [:]
        var progress: [String: (Int, Int)] = [:]
        for f in feeds {
            guard let u = f.universe else { continue }
            progress[u, default: (0, 0)].1 += 1
            if members[u]?[f.symbol] != nil { progress[u]!.0 += 1 }
        }
        for (u, m) in members where !m.isEmpty {
            universes[u] = Universe(name: u, members: m.keys.sorted().map { ($0, m[$0]!) })
        }
        return Snapshot(version: version, market: MarketData(symbols: symbols, universes: universes),
                        health: feeds.map { ($0, health[$0] ?? FeedHealth()) }, progress: progress)
    }

    public var currentVersion: Int {
        lock.lock()
        defer { lock.unlock() }
        return version
    }

    /// The latest date held for a feed: where its next fetch starts (for a feed of
    /// several parts, the latest of any part).
    public func lastDate(_ feed: FeedSpec) -> Day? {
        lock.lock()
        defer { lock.unlock() }
        guard !feed.kind.parts.isEmpty else { return series(of: feed)?.last?.date }
        return feed.kind.parts.compactMap { symbols[feed.symbol(part: $0)]?.last?.date }.max()
    }

    /// The latest date held for one part of a feed (`RTY_AM`).
    public func lastDate(_ feed: FeedSpec, part: String) -> Day? {
        lock.lock()
        defer { lock.unlock() }
        return symbols[feed.symbol(part: part)]?.last?.date
    }

    private func series(of feed: FeedSpec) -> Series? {
        feed.universe.map { members[$0]?[feed.symbol] } ?? symbols[feed.symbol]
    }

    /// New bars for a feed, merged into what is held: a bar of a date already held
    /// replaces it (the live bar of today changes on every poll).
    public func merge(_ feed: FeedSpec, _ bars: Series) {
        lock.lock()
        defer { lock.unlock() }
        let merged = LiveStore.merge(series(of: feed) ?? Series(), bars)
        if let u = feed.universe { members[u, default: [:]][feed.symbol] = merged } else { symbols[feed.symbol] = merged }
        changed.insert(feed.name)
        version += 1
    }

    /// New bars for one part of a feed (`RTY_AM` of the cftc feed `RTY`), merged as
    /// `merge(_:_:)` does.
    public func merge(_ feed: FeedSpec, part: String, _ bars: Series) {
        lock.lock()
        defer { lock.unlock() }
        let symbol = feed.symbol(part: part)
        symbols[symbol] = LiveStore.merge(symbols[symbol] ?? Series(), bars)
        changed.insert(symbol)
        version += 1
    }

    /// One feed's health now.
    public func health(_ feed: FeedSpec) -> FeedHealth {
        lock.lock()
        defer { lock.unlock() }
        return health[feed] ?? FeedHealth()
    }

    public func record(_ feed: FeedSpec, _ change: (inout FeedHealth) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        change(&health[feed, default: FeedHealth()])
        version += 1
    }

    static func merge(_ old: Series, _ new: Series) -> Series {
        guard let first = new.first?.date else { return old }
        guard old.last.map({ $0.date >= first }) == true else {
            return Series(dates: old.dates + new.dates, values: old.values + new.values)
        }
        var byDay: [Day: Double] = [:]
        for (d, v) in zip(old.dates, old.values) { byDay[d] = v }
        for (d, v) in zip(new.dates, new.values) { byDay[d] = v }
        let days = byDay.keys.sorted()
        return Series(dates: days, values: days.map { byDay[$0]! })
    }
}
