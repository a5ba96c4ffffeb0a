import ArgumentParser
import Foundation
import RotorConfig
import RotorCore
import RotorUI

/// `rotor alerts`: the backtest of the alerts. It replays the history session by
/// session exactly as the dashboard does (the same `AlertTracker` steps) and prints
/// every firing, built-ins included.
struct AlertsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "Replay the history and print every alert firing (built-ins and [[alerts]]).",
        discussion: """
        Example: rotor alerts --data Samples/demo --from 2025-01-01
        An alert fires on a session where its condition is true and was false on the session before, \
        then waits until its clear condition holds (default: the condition is false) to fire again. \
        CSV columns: date,name,expression,value; rows by date, then name. --from/--to limit the rows \
        printed, not the history replayed.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json
    }

    @OptionGroup var source: DataOptions

    @OptionGroup var range: DateRangeOptions

    @Option(help: "Output format.")
    var format: Format = .csv

    @Flag(help: "Live data (Samples/live.toml unless --config): fetch every feed once, through the cache.")
    var live = false

    func run() async throws {
        let (fromDay, toDay) = try range.days()
        let options = try source.withLive(live)
        let (config, path) = try options.loadConfig()
        try DataOptions.requireFeeds(live, config, path)
        let model: DashboardModel
        if options.isLive(config), let settings = try StoreConfigReading.settings(db: nil, config: config, configPath: path) {
            // `[store]`: what the collector wrote, nothing fetched.
            let session = try await LiveSession.reading(settings, config: config, configPath: path)
            for (_, message) in session.missingFromStore(settings) { writeError("rotor: warning: " + message) }
            model = session.model(session.store.snapshot().market)
        } else if options.isLive(config) {
            let session = try LiveSession(config: config, configPath: path, log: { _ in })
            _ = await session.fetchAllOnce(cachedNote: "using cached data")
            model = session.model(session.store.snapshot().market)
        } else {
            model = try options.load().model()
        }
        let book = AlertBook(panes: model.panes, rules: config.alerts)
        let firings = AlertTracker.history(book, model, dates: model.dates)
            .filter { f in fromDay.map { f.date >= $0 } ?? true && toDay.map { f.date <= $0 } ?? true }
            .sorted(by: AlertFiring.ordered)
        switch format {
        case .csv:
            writeOutput(([AlertFiring.csvHeader] + firings.map(\.csvRow)).joined(separator: "\n") + "\n")
        case .json:
            writeOutput("[\n" + firings.map { $0.jsonObject() }.joined(separator: ",\n") + (firings.isEmpty ? "" : "\n") + "]\n")
        }
    }
}
