import Foundation
import RotorConfig
import RotorCore
import RotorData
import RotorUI

/// The live side of a config with `[[feeds]]`: the feeds to poll (a universe's file
/// expanded to one feed per member), the store, the cache and the poller, and the
/// feed report the screen shows.
final class LiveSession: @unchecked Sendable {
    // @unchecked: every property is set once in init; the store and cache guard themselves.
    let config: RotorConfig
    let feeds: [FeedSpec]
    let store: LiveStore
    let cache: FeedCache?
    let poller: Poller
    let providers: @Sendable (FeedSpec) -> any Provider
    /// Said once at start (a cache moved aside, a cache that cannot be opened).
    let warnings: [String]

    /// Base URLs from the environment win over the config's, so a test or a proxy can
    /// redirect every feed of a provider.
    static func baseURLOverride(_ kind: FeedSpec.Kind, environment: [String: String]) -> String? {
        let name = kind == .yahoo ? "ROTOR_YAHOO_BASE_URL" : (kind == .fred ? "ROTOR_FRED_BASE_URL" : "")
        return environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    init(config: RotorConfig, configPath: String?, log: @escaping @Sendable (String) -> Void,
         environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        self.config = config
        let base = configPath.map { ($0 as NSString).deletingLastPathComponent } ?? "."
        var specs: [FeedSpec] = []
        for feed in config.feeds {
            let kind = FeedSpec.Kind(rawValue: feed.provider.rawValue)!
            let override = Self.baseURLOverride(kind, environment: environment)
            let url = override ?? feed.baseURL
            if let url, let refused = NetworkPolicy.refusal(for: url) {
                let place = override != nil ? "ROTOR_\(kind.rawValue.uppercased())_BASE_URL"
                    : "\(configPath ?? "config"):\(feed.line): base_url"
                throw CommandFailure.usage("\(place): \(refused)")
            }
            if feed.symbol.hasPrefix("@"), let file = feed.members {
                let path = file.hasPrefix("/") ? file : (base as NSString).appendingPathComponent(file)
                let members = try Self.readMembers(path)
                specs += members.map { FeedSpec(symbol: $0, kind: kind, interval: feed.interval, baseURL: url,
                                                universe: String(feed.symbol.dropFirst())) }
            } else {
                let ticker = kind == .csv && !feed.ticker.hasPrefix("/") ? (base as NSString).appendingPathComponent(feed.ticker) : feed.ticker
                specs.append(FeedSpec(symbol: feed.symbol, kind: kind, ticker: ticker, interval: feed.interval, baseURL: url))
            }
        }
        feeds = specs
        store = LiveStore(feeds: specs)
        var warnings: [String] = []
        do {
            let cache = try FeedCache(path: FeedCache.defaultPath(environment: environment))
            if let w = cache.warning { warnings.append(w) }
            if let w = try Poller.loadCache(cache, into: store).warning {
                warnings.append(w)
                log("cache: \(w)")
            }
            self.cache = cache
        } catch {
            warnings.append("cache unavailable, running without it: \(error)")
            self.cache = nil
        }
        self.warnings = warnings
        let apiKey = environment["FRED_API_KEY"].flatMap { $0.isEmpty ? nil : $0 } ?? config.fredAPIKey
        let fetcher = NetworkFetcher()
        let providers: @Sendable (FeedSpec) -> any Provider = { spec in
            switch spec.kind {
            case .yahoo: YahooChart(fetcher: fetcher, baseURL: spec.baseURL)
            case .fred: FRED(fetcher: fetcher, baseURL: spec.baseURL, apiKey: apiKey)
            case .csv: CSVFileProvider()
            }
        }
        self.providers = providers
        poller = Poller(store: store, cache: cache, providers: providers, log: log)
    }

    /// Tickers one a line; blank lines and `#` comments are skipped.
    static func readMembers(_ path: String) throws -> [String] {
        let data = try UserFile.read(path, what: "the universe's member file", limit: 16 << 20)
        var out: [String] = []
        for (n, raw) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map {
                $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard !line.isEmpty else { continue }
            guard line.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }) else {
                throw CommandFailure.usage("\(path):\(n + 1): '\(line)' is not a ticker")
            }
            out.append(line)
        }
        guard !out.isEmpty else { throw CommandFailure.usage("\(path): no member tickers") }
        return out
    }

    func model(_ market: MarketData) -> DashboardModel {
        DashboardModel(data: market, panes: config.paneSpecs, roles: config.roles, thresholds: config.thresholds)
    }

    static let clock: DateFormatter = {
        let f = DateFormatter()
        f.dateFormat = "HH:mm:ss"
        return f
    }()

    static func age(_ seconds: Double) -> String {
        let s = Int(max(0, seconds))
        if s < 120 { return "\(s) s ago" }
        if s < 7200 { return "\(s / 60) min ago" }
        if s < 172_800 { return "\(s / 3600) h ago" }
        return "\(s / 86400) days ago"
    }

    /// The status bar, the overlay and the panes' warnings, from the store's health.
    /// What came from outside (error texts quoting a server, tickers from the config)
    /// has its control characters escaped here, once for the screen and snapshots.
    func report(_ snapshot: LiveStore.Snapshot, now: Date) -> FeedReport {
        var lines: [String] = [], problems: [String: String] = [:]
        var ok = 0, main = 0
        var memberStates: [String: (failing: Int, total: Int, error: String?)] = [:]
        // Writes to the cache that failed: the data on screen is fresh, so the feed
        // stays ok, but a restart would lose it; said in the overlay and the summary.
        var unsaved: [String] = []
        for (feed, health) in snapshot.health {
            if let failure = health.cacheError {
                unsaved.append(("cache: \(feed.label) not saved since \(Self.clock.string(from: failure.since))"
                    + " (last \(Self.clock.string(from: failure.last))): \(failure.message)").escapingControlCharacters)
            }
            let state = health.state(now: now, interval: feed.interval(marketOpen: false))
            if let u = feed.universe {
                memberStates[u, default: (0, 0, nil)].total += 1
                if state == .failing {
                    memberStates[u]!.failing += 1
                    memberStates[u]!.error = health.lastError.map { "\($0)".escapingControlCharacters }
                }
                continue
            }
            main += 1
            let label = feed.label.escapingControlCharacters
            var line = label.padding(toLength: max(label.count, 26), withPad: " ", startingAt: 0) + " "
            let last = health.lastSuccess.map { "last ok \(Self.clock.string(from: $0)) (\(Self.age(now.timeIntervalSince($0))))" }
                ?? "no data yet"
            switch state {
            case .ok:
                ok += 1
                line += "ok       " + last
            case .waiting:
                line += "waiting  " + last
            case .stale:
                line += "stale    " + last
                problems[feed.symbol] = "stale, \(last)"
            case .failing:
                let since = health.failingSince.map { Self.clock.string(from: $0) } ?? "?"
                let error = health.lastError.map { "\($0)".escapingControlCharacters } ?? "failing"
                line += "FAILING  since \(since): \(error); \(last)"
                problems[feed.symbol] = "\(error) since \(since)"
            }
            lines.append(line)
        }
        var progress: [String: String] = [:]
        for (u, m) in memberStates.sorted(by: { $0.key < $1.key }) {
            let loaded = snapshot.progress[u]?.loaded ?? 0
            lines.append("@\(u): \(loaded)/\(m.total) members loaded, \(m.failing) failing" + (m.error.map { " (last: \($0))" } ?? ""))
            if loaded < m.total { progress["@" + u] = "loading \(loaded)/\(m.total)" }
            if m.failing > 0 && m.failing * 10 >= m.total { problems["@" + u] = "\(m.failing) of \(m.total) members failing" }
        }
        lines += unsaved
        var summary = problems.isEmpty ? "feeds ok \(ok)/\(main)" : "feeds \(ok)/\(main) ok, \(problems.count) with problems"
        if !unsaved.isEmpty { summary += ", \(unsaved.count) not saved to the cache (f)" }
        return FeedReport(summary: summary, lines: lines, problems: problems, progress: progress)
    }
}

extension LiveSession {
    /// One fetch of each feed that `wanted` accepts (nil: all), two a second, into
    /// the store and the cache; universe members already cached are not fetched
    /// again (a refresh of 500 members is the dashboard's slow job). Returns the
    /// feeds that failed and why; their cached data stays in the store.
    ///
    /// Offline is quick: after a provider's first connection failure in this call
    /// (see `OfflineProviders`) its other feeds are not tried; they fail at once with
    /// "offline: <first error>" and keep their cached data. The half-second spacing
    /// is kept only between real requests. `progress` hears about each universe
    /// member done: (universe, done, total).
    func fetchOnce(refetchingCachedMembers: Bool = false,
                   progress: (@Sendable (_ universe: String, _ done: Int, _ total: Int) -> Void)? = nil,
                   where wanted: ((FeedSpec) -> Bool)? = nil) -> [(FeedSpec, FeedError)] {
        let store = self.store, cache = self.cache
        let chosen = feeds.filter { wanted?($0) ?? true }
            .filter { refetchingCachedMembers || $0.universe == nil || store.lastDate($0) == nil }
        let memberTotals = chosen.reduce(into: [String: Int]()) { totals, feed in
            if let u = feed.universe { totals["@" + u, default: 0] += 1 }
        }
        let providers = self.providers
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            var failures: [(FeedSpec, FeedError)] = []
            var offline = OfflineProviders()
            var requested = false
            var membersDone: [String: Int] = [:]
            for feed in chosen {
                if let skipped = offline.failure(for: feed) {
                    store.record(feed) { $0.failed(skipped, at: Date()) }
                    failures.append((feed, skipped))
                } else {
                    if requested { try? await Task.sleep(for: .milliseconds(500)) } // the poller's budget: 2 a second
                    requested = true
                    let result = await Poller.fetchOnce(feed, provider: providers(feed), store: store, cache: cache,
                                                        now: { Date() })
                    if case let .failure(error) = result {
                        failures.append((feed, error))
                        offline.record(feed, error)
                    }
                }
                if let u = feed.universe.map({ "@" + $0 }), let progress {
                    membersDone[u, default: 0] += 1
                    progress(u, membersDone[u]!, memberTotals[u] ?? 0)
                }
            }
            box.set(failures)
            done.signal()
        }
        done.wait()
        return box.value
    }

    /// The feeds a pane reads that have no data at all after a one-shot fetch, each
    /// with why: a symbol's feed that failed with nothing cached, or a universe none
    /// of whose members has data. Empty when every pane has something to show.
    func missingData(after failures: [(FeedSpec, FeedError)]) -> [(name: String, message: String)] {
        var out: [(name: String, message: String)] = []
        var universes: [String: (withData: Int, error: FeedError?)] = [:]
        for feed in feeds {
            let error = failures.first { $0.0 == feed }?.1
            if let u = feed.universe {
                universes["@" + u, default: (0, nil)].withData += store.lastDate(feed) == nil ? 0 : 1
                if universes["@" + u]!.error == nil { universes["@" + u]!.error = error }
            } else if store.lastDate(feed) == nil {
                out.append((feed.symbol, "\(feed.symbol): no data: \(feed.kind.rawValue) \(feed.ticker) "
                                + (error.map { "\($0)" } ?? "not fetched") + ", nothing cached"))
            }
        }
        for (u, state) in universes.sorted(by: { $0.key < $1.key }) where state.withData == 0 {
            out.append((u, "\(u): no data: no member fetched" + (state.error.map { " (\($0))" } ?? "") + ", nothing cached"))
        }
        return out
    }
}

/// The one-shot commands' view of a network that is down: a provider (its kind and
/// the host of its base URL) whose connection failed once in this run (refused,
/// unreachable, timed out) is offline for the rest of the run, so its other feeds
/// fail at once instead of each waiting for its own failure. Local CSV feeds are
/// never offline. (The dashboard's poller does not use this: it retries each feed on
/// its backoff, so a network that comes back is seen.)
struct OfflineProviders {
    private var first: [String: FeedError] = [:]

    /// The provider a feed is fetched from: "yahoo query1.finance.yahoo.com"-like,
    /// or nil for a local file.
    static func key(_ feed: FeedSpec) -> String? {
        guard feed.kind != .csv else { return nil }
        let host = feed.baseURL.flatMap { URL(string: $0)?.host } ?? feed.baseURL ?? "default"
        return feed.kind.rawValue + " " + host
    }

    /// The error a feed fails with without being fetched, when its provider is offline.
    func failure(for feed: FeedSpec) -> FeedError? {
        guard let key = Self.key(feed), let error = first[key] else { return nil }
        return .connection("offline: \(error)")
    }

    /// Takes note of a failed fetch; only a connection failure or a timeout makes the
    /// provider offline (an HTTP error means the server answered).
    mutating func record(_ feed: FeedSpec, _ error: FeedError) {
        guard let key = Self.key(feed), first[key] == nil else { return }
        switch error {
        case .connection, .timeout: first[key] = error
        default: break
        }
    }
}

/// Carries the result of a detached task back to a synchronous command.
private final class ResultBox: @unchecked Sendable {
    // @unchecked: written once before the semaphore is signalled, read after.
    private(set) var value: [(FeedSpec, FeedError)] = []
    func set(_ v: [(FeedSpec, FeedError)]) { value = v }
}
