import ArgumentParser
import Foundation
import RotorConfig
import RotorCore
import RotorData
import RotorStore
import RotorUI

/// `rotor line`: one line for tmux's `status-right`, the headline numbers and the
/// alerts active now (or on `--at`). Live, it reads only the feed cache (what the last
/// `rotor --live` stored): it never fetches, so tmux can run it every few seconds.
struct LineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "line",
        abstract: "Print one status line: headline numbers and the active alerts (for tmux's status-right).",
        discussion: """
        Example, in ~/.tmux.conf: set -g status-right '#(rotor line --live --format tmux)'
        The numbers: RTY/ES spread z, VIX premium, % above the 50-day average, 2s10s and the curve regime \
        (from the config's roles), the macro regime (named by the config's [regimes]), then the flags up and the [[alerts]] fired and not cleared. With --live \
        (or a config with [[feeds]]) only the feed cache is read, or with [store] the shared store the collector \
        writes: nothing is fetched.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case plain, tmux
    }

    @OptionGroup var source: DataOptions

    @Option(help: ArgumentHelp("The date to read (YYYY-MM-DD; default: the last date of the data).", valueName: "date"))
    var at: String?

    @Option(help: "Output format: plain text, or tmux's #[fg=...] styles.")
    var format: Format = .plain

    @Flag(help: "Live data (Samples/live.toml unless --config), from the feed cache only.")
    var live = false

    @OptionGroup var theme: ThemeOptions

    func run() async throws {
        let day = try at.map { try parseDay($0, option: "--at") }
        let input = try await LineInput.fromStore(source, live: live) ?? LineInput.load(source, live: live)
        for warning in input.warnings { writeError("rotor: warning: \(warning)") }
        let reading = input.reading
        let text = reading.text(reading.model(input.market, thresholds: input.config.thresholds), at: day)
        switch format {
        case .plain:
            writeOutput(text.plain + "\n")
        case .tmux:
            let (catalog, current) = try theme.load(config: input.config, configPath: input.configPath)
            writeOutput(text.tmux(catalog.themes[current].palette) + "\n")
        }
    }
}

/// What `rotor line` reads: the config, and the market from the data folder or,
/// live, from the feed cache alone (no provider, no poller, no network).
struct LineInput {
    let config: RotorConfig
    let configPath: String?
    let market: MarketData
    /// Said on stderr: files skipped, a cache moved aside, no cache yet.
    let warnings: [String]

    var reading: StatusLineReading {
        StatusLineReading(panes: config.paneSpecs, roles: config.roles, rules: config.alerts)
    }

    static func load(_ options: DataOptions, live: Bool,
                     environment: [String: String] = ProcessInfo.processInfo.environment) throws -> LineInput {
        let options = try options.withLive(live)
        let (config, path) = try options.loadConfig()
        try DataOptions.requireFeeds(live, config, path)
        guard options.isLive(config) else {
            let loaded = try options.load()
            return LineInput(config: config, configPath: path, market: loaded.market, warnings: [])
        }
        let (market, warnings) = try cachedMarket(config, configPath: path, environment: environment)
        return LineInput(config: config, configPath: path, market: market, warnings: warnings)
    }

    /// A live config with `[store]`: the bars the collector wrote (nil: no store).
    static func fromStore(_ options: DataOptions, live: Bool) async throws -> LineInput? {
        let options = try options.withLive(live)
        let (config, path) = try options.loadConfig()
        guard options.isLive(config),
              let settings = try StoreConfigReading.settings(db: nil, config: config, configPath: path) else { return nil }
        let session = try await LiveSession.reading(settings, config: config, configPath: path)
        return LineInput(config: config, configPath: path, market: session.store.snapshot().market,
                         warnings: session.missingFromStore(settings).map(\.message))
    }

    /// The config's feeds as the cache has them, read into a store as a live session
    /// does at start, but opened to read only: no integrity check or migration (most
    /// of a full open's time), no file made. No cache yet, or one that cannot be read:
    /// no data, said once (the dashboard, which owns the file, checks and repairs it).
    static func cachedMarket(_ config: RotorConfig, configPath: String?, environment: [String: String]) throws
        -> (market: MarketData, warnings: [String]) {
        let feeds = try FeedList.specs(config, configPath: configPath, environment: environment)
        let store = LiveStore(feeds: feeds)
        let path = FeedCache.defaultPath(environment: environment)
        guard FileManager.default.fileExists(atPath: path) else {
            return (store.snapshot().market, ["no feed cache at \(path) yet: run rotor --live to fill it"])
        }
        do {
            let loaded = try Poller.loadCache(try FeedCache(readingOnly: path), into: store)
            return (store.snapshot().market, loaded.warning.map { [$0] } ?? [])
        } catch {
            return (LiveStore(feeds: feeds).snapshot().market, ["cannot read the feed cache: \(error.description); run rotor --live to repair it"])
        }
    }
}
