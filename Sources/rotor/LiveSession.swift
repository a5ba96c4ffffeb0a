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
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure.usage("\(path): cannot read the universe's member file")
        }
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
        DashboardModel(data: market, roles: config.roles, thresholds: config.thresholds)
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
    func report(_ snapshot: LiveStore.Snapshot, now: Date) -> FeedReport {
        var lines: [String] = [], problems: [String: String] = [:]
        var ok = 0, main = 0
        var memberStates: [String: (failing: Int, total: Int, error: String?)] = [:]
        for (feed, health) in snapshot.health {
            let state = health.state(now: now, interval: feed.interval(marketOpen: false))
            if let u = feed.universe {
                memberStates[u, default: (0, 0, nil)].total += 1
                if state == .failing {
                    memberStates[u]!.failing += 1
                    memberStates[u]!.error = health.lastError.map { "\($0)" }
                }
                continue
            }
            main += 1
            var line = feed.label.padding(toLength: max(feed.label.count, 26), withPad: " ", startingAt: 0) + " "
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
                let error = health.lastError.map { "\($0)" } ?? "failing"
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
        let summary = problems.isEmpty ? "feeds ok \(ok)/\(main)" : "feeds \(ok)/\(main) ok, \(problems.count) with problems"
        return FeedReport(summary: summary, lines: lines, problems: problems, progress: progress)
    }
}

extension LiveSession {
    /// One fetch of each feed that `wanted` accepts (nil: all), two a second, into
    /// the store and the cache; universe members already cached are not fetched
    /// again (a refresh of 500 members is the dashboard's slow job). Returns the
    /// feeds that failed and why; their cached data stays in the store.
    func fetchOnce(refetchingCachedMembers: Bool = false, _ wanted: ((FeedSpec) -> Bool)? = nil) -> [(FeedSpec, FeedError)] {
        let store = self.store, cache = self.cache
        let chosen = feeds.filter { wanted?($0) ?? true }
            .filter { refetchingCachedMembers || $0.universe == nil || store.lastDate($0) == nil }
        let providers = self.providers
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            var failures: [(FeedSpec, FeedError)] = []
            for (n, feed) in chosen.enumerated() {
                if n > 0 { try? await Task.sleep(for: .milliseconds(500)) } // the poller's budget: 2 a second
                let result = await Poller.fetchOnce(feed, provider: providers(feed), store: store, cache: cache,
                                                    now: { Date() })
                if case let .failure(error) = result { failures.append((feed, error)) }
            }
            box.set(failures)
            done.signal()
        }
        done.wait()
        return box.value
    }
}

/// Carries the result of a detached task back to a synchronous command.
private final class ResultBox: @unchecked Sendable {
    // @unchecked: written once before the semaphore is signalled, read after.
    private(set) var value: [(FeedSpec, FeedError)] = []
    func set(_ v: [(FeedSpec, FeedError)]) { value = v }
}
