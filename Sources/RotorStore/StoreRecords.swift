public import Foundation
public import RotorCore
public import RotorData

/// One fetch as the collector writes it: its bars (one history, or one per part of a
/// cftc feed) and the feed's health after it, written in one transaction.
public struct FetchRecord: Sendable {
    /// The feed whose health this is: `FeedSpec.cacheKey`.
    public var feed: CacheKey
    /// New bars: empty for a failed fetch, which writes only its health.
    public var histories: [(key: CacheKey, series: Series)]
    public var health: FeedHealth
    /// When the collector wrote it (the heartbeat dashboards show).
    public var at: Date

    public init(feed: CacheKey, histories: [(key: CacheKey, series: Series)], health: FeedHealth, at: Date) {
        self.feed = feed
        self.histories = histories
        self.health = health
        self.at = at
    }
}

/// What a read of histories found, as `FeedCache.Contents` says it: good rows per
/// history, and the rows skipped by `CachedRowCheck` (counted, the first one named).
/// Unlike the cache, the store is not changed by a read: readers may have no right to
/// write, and the collector's next fetch of those days replaces them.
public struct StoreContents: Sendable {
    public var histories: [CacheKey: Series] = [:]
    public var invalidRows: [CacheKey: Int] = [:]
    public var firstProblem: String?
    /// The store's redacted URL, for the warning.
    public let place: String

    public init(place: String) { self.place = place }

    public var invalidCount: Int { invalidRows.values.reduce(0, +) }

    /// Takes one history's stored rows (days in order, as the reads aggregate them),
    /// each checked with `check`: a good row joins the history, a bad one is counted
    /// and, when it is the read's first, named.
    mutating func add(_ key: CacheKey, days: [Int32], closes: [Double], check: CachedRowCheck) {
        var dates: [Day] = [], values: [Double] = []
        dates.reserveCapacity(days.count)
        values.reserveCapacity(days.count)
        for (day, close) in zip(days, closes) {
            if let problem = check.problem(day: Int64(day), close: close, provider: key.provider) {
                invalidRows[key, default: 0] += 1
                if firstProblem == nil { firstProblem = "\(key) \(Day(ordinal: day).iso): \(problem)" }
            } else {
                dates.append(Day(ordinal: day))
                values.append(close)
            }
        }
        if !dates.isEmpty { histories[key] = Series(dates: dates, values: values) }
    }

    /// The line to say once when rows were skipped, else nil.
    public var warning: String? {
        guard invalidCount > 0 else { return nil }
        let counts = invalidRows.keys.sorted { $0.description < $1.description }
            .map { "\($0) \(invalidRows[$0]!)" }.joined(separator: ", ")
        return "\(place): skipped \(invalidCount) invalid stored row\(invalidCount == 1 ? "" : "s") (\(counts))"
            + (firstProblem.map { "; first: \($0)" } ?? "")
    }
}

/// Every feed's health in the store, by `FeedSpec.cacheKey`, and the rows that could
/// not be read as one (skipped, each with why).
public struct StoredHealth: Sendable {
    public var feeds: [CacheKey: FeedHealth] = [:]
    /// When each feed's row was last written (the fetch's time): what a follower
    /// compares to find the feeds with new bars.
    public var updated: [CacheKey: Date] = [:]
    public var problems: [String] = []

    public init() {}
}

/// The collector's heartbeat: its last write, and which process wrote it.
public struct CollectorBeat: Sendable, Equatable {
    public var lastWrite: Date
    public var host: String
    public var pid: Int

    public init(lastWrite: Date, host: String, pid: Int) {
        self.lastWrite = lastWrite
        self.host = host
        self.pid = pid
    }
}

/// A `NOTIFY` of new data: which feed's fetch was written (`ES|yahoo|ES=F`), and
/// whether it brought bars or only health.
public struct StoreNotification: Sendable, Equatable {
    public var feed: String
    public var hasBars: Bool

    public init(feed: String, hasBars: Bool) {
        self.feed = feed
        self.hasBars = hasBars
    }

    var payload: String { (hasBars ? "bars " : "health ") + feed }

    init(payload: String) {
        if payload.hasPrefix("bars ") {
            self.init(feed: String(payload.dropFirst(5)), hasBars: true)
        } else {
            self.init(feed: payload.hasPrefix("health ") ? String(payload.dropFirst(7)) : payload, hasBars: false)
        }
    }
}
