import ArgumentParser
import Foundation
import RotorConfig
import RotorCore
import RotorData
import RotorStore
import RotorUI

/// `rotor export`: evaluate METRICS.md expressions over a data folder and print them.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Evaluate metric expressions and print them as CSV or JSON.",
        discussion: """
        Example: rotor export --data Samples/demo --from 2026-01-01 'ratio(RTY,ES)' 'zscore(spread(RTY,ES,10),252)'
        --pane NAME adds every expression that pane reads (rotation, mag7, vol, breadth, rates, or a \
        config's [[panes]] name), so any number on any pane can be checked.
        Rows are the union of the expressions' dates; a cell is empty (CSV) or null (JSON) where an \
        expression has no value. --from/--to limit the rows printed, not the history used to compute them.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json
    }

    @OptionGroup var source: DataOptions

    @OptionGroup var range: DateRangeOptions

    @Option(help: "Output format.")
    var format: Format = .csv

    @Flag(help: "Live data (Samples/live.toml unless --config): fetch the feeds the expressions need, through the cache.")
    var live = false

    @Option(help: ArgumentHelp("Every expression this pane reads, then any given, each once (rotation, mag7, vol, breadth, rates, or a [[panes]] name).",
                               valueName: "name"))
    var pane: String?

    @Argument(help: ArgumentHelp("Expressions such as 'ratio(RTY,ES)'.", valueName: "expr"))
    var given: [String] = []

    func validate() throws {
        guard !given.isEmpty || pane != nil else { throw ValidationError("export: give at least one expression or --pane") }
    }

    func run() async throws {
        let (fromDay, toDay) = try range.days()
        let options = try source.withLive(live)
        let (config, path) = try options.loadConfig()
        try DataOptions.requireFeeds(live, config, path)
        let expressions = try paneExpressions(config) + given
        let market = try options.isLive(config)
            ? await liveMarket(config: config, path: path, expressions: expressions) : options.load().market
        var evaluator = Evaluator(data: market)
        evaluator.prepare(expressions)
        var columns: [(header: String, series: Series)] = []
        for text in expressions {
            do {
                columns.append((text, try evaluator.evaluate(text)))
            } catch {
                // The error names the column; a huge expression is not repeated whole.
                let shown = text.count > 80 ? text.prefix(77) + "..." : text
                throw CommandFailure.usage("in '\(shown)': \(error)")
            }
        }
        if pane != nil {
            // A pane reads some expressions more than once (a table and a reading): one column each.
            var seen = Set<String>()
            columns = columns.filter { seen.insert($0.header).inserted }
        }
        let table = ExportTable(columns: columns, from: fromDay, to: toDay)
        let output = format == .csv ? table.csv() : table.json()
        writeOutput(output)
    }

    /// The symbols the expressions name, fetched once; a failed feed answers from the
    /// cache, and stderr says it is stale. A symbol with neither fresh nor cached data
    /// ends the export (exit 1) with why, rather than an "unknown symbol" later.
    /// The expressions of `--pane`, found by name or title, case-insensitively.
    private func paneExpressions(_ config: RotorConfig) throws -> [String] {
        guard let pane else { return [] }
        let specs = config.paneSpecs
        let wanted = pane.lowercased()
        guard let spec = specs.first(where: { $0.name == wanted }) ?? specs.first(where: { $0.title.lowercased() == wanted }) else {
            throw CommandFailure.usage("--pane \(pane.escapingControlCharacters): no such pane; panes: "
                                       + specs.map(\.name).joined(separator: ", "))
        }
        return spec.expressions
    }

    private func liveMarket(config: RotorConfig, path: String?, expressions: [String]) async throws -> MarketData {
        if let settings = try StoreConfigReading.settings(db: nil, config: config, configPath: path) {
            return try await storeMarket(settings, config: config, path: path, expressions: expressions)
        }
        let session = try LiveSession(config: config, configPath: path, log: { _ in })
        for warning in session.warnings { writeError("rotor: warning: \(warning)") }
        let names = expressions.reduce(into: Set<String>()) { $0.formUnion((try? Parser.parse($1).names) ?? []) }
        let progress = ProgressLine()
        let failures = await session.fetchOnce(progress: progress.universeProgress, where: { $0.names.contains(where: names.contains) })
        progress.clear()
        for (feed, error) in failures {
            guard let last = session.store.lastDate(feed) else { continue }
            writeError("rotor: warning: \(feed.label): \(error); using cached data up to \(last.iso) (stale)")
        }
        let missing = session.missingData(after: failures).filter { names.contains($0.name) }
        if !missing.isEmpty {
            for (_, message) in missing { writeError("rotor: " + message) }
            throw ExitCode(1)
        }
        return session.store.snapshot().market
    }

    /// `[store]`: the bars the collector wrote, nothing fetched.
    private func storeMarket(_ settings: StoreSettings, config: RotorConfig, path: String?, expressions: [String]) async throws -> MarketData {
        let session = try await LiveSession.reading(settings, config: config, configPath: path)
        let names = expressions.reduce(into: Set<String>()) { $0.formUnion((try? Parser.parse($1).names) ?? []) }
        let missing = session.missingFromStore(settings, names: names)
        if !missing.isEmpty {
            for (_, message) in missing { writeError("rotor: " + message) }
            throw ExitCode(1)
        }
        return session.store.snapshot().market
    }
}
