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

    @Option(help: ArgumentHelp("First date to print (YYYY-MM-DD).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Last date to print (YYYY-MM-DD).", valueName: "date"))
    var to: String?

    @Option(help: "Output format.")
    var format: Format = .csv

    @Flag(help: "Live data (Samples/live.toml unless --config): fetch every feed once, through the cache.")
    var live = false

    func run() async throws {
        let fromDay = try from.map { try parseDay($0, option: "--from") }
        let toDay = try to.map { try parseDay($0, option: "--to") }
        if let f = fromDay, let t = toDay, t < f {
            throw CommandFailure.usage("--to \(t.iso) is before --from \(f.iso)")
        }
        let options = try source.withLive(live)
        let (config, path) = try options.loadConfig()
        try DataOptions.requireFeeds(live, config, path)
        let model: DashboardModel
        if options.isLive(config) {
            let session = try LiveSession(config: config, configPath: path, log: { _ in })
            for warning in session.warnings { writeError("rotor: warning: \(warning)") }
            let progress = ProgressLine()
            let failures = await session.fetchOnce(progress: progress.universeProgress)
            progress.clear()
            for (feed, error) in failures where session.store.lastDate(feed) != nil {
                writeError("rotor: warning: \(feed.label): \(error); using cached data")
            }
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
