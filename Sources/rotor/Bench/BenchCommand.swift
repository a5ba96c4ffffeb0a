import ArgumentParser
import Foundation
import RotorCore
import RotorDemo
import RotorData
import RotorUI

/// `rotor bench`: times the analytics core on the benchmark workload in this build.
/// Run it from a release build (`make bench`); a debug build is many times slower.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the evaluation of every pane expression on 10 years x (16 symbols + 500 members)."
    )

    @Option(help: "How many timed evaluations.")
    var iterations = 30

    @Option(help: ArgumentHelp("Also time loading this CSV folder (e.g. one written by --write-data).", valueName: "dir"))
    var data: String?

    @Option(help: ArgumentHelp("Write the workload as a CSV folder and exit.", valueName: "dir"))
    var writeData: String?

    @Flag(help: "Time the screen instead: building the pane model from the demo, and rendering a 200x60 frame.")
    var render = false

    @Flag(help: "Also time each expression alone and list the slowest.")
    var perExpression = false

    @Flag(help: "Print the pane expressions, one per line, and exit.")
    var listExpressions = false

    @Flag(help: "Time the feed cache instead: open, load 100 feeds x 2,500 bars, store 2,500 bars.")
    var cache = false

    @Flag(help: "Time a dashboard's start from the shared store instead: a schema of --db filled with the live config's main feeds (ten years each) and --members members (two years each), as a collector would; the reads, the model, the alerts, the first frames, a start as a process, memory; then the collector's request budget over that universe.")
    var store = false

    @Option(help: ArgumentHelp("With --store: the PostgreSQL server, postgres://USER@HOST:PORT/DATABASE (a schema of its own is made and dropped).",
                               valueName: "url"))
    var db: String?

    @Option(help: ArgumentHelp("With --store: the file holding the server's password (else PGPASSWORD).", valueName: "file"))
    var passwordFile: String?

    @Option(help: ArgumentHelp("With --store: universe members.", valueName: "n"))
    var members = 2000

    @Flag(help: "With --store: keep the filled schema and its config (printed), for a real dashboard to open.")
    var keep = false

    @Flag(help: "Time avgcorr instead: the Mag7 (k = 7) and with SPX (k = 8), closes and returns, on the demo and 10 years.")
    var avgcorr = false

    @Flag(help: "Time rotor line instead, phase by phase (--config and --data as rotor line takes them).")
    var line = false

    @Flag(help: "Time a live start on a long history instead: the live config's main feeds with --years of daily bars in the cache (members 2 years), then the cache read, the model and the alerts' first pass, with memory.")
    var longHistory = false

    @Option(help: ArgumentHelp("With --long-history: years of daily bars per main feed (252 sessions each).", valueName: "n"))
    var years = 40

    @Flag(help: "With --line: the live config (Samples/live.toml unless --config), its cache filled from the demo.")
    var live = false

    @Option(help: ArgumentHelp("With --line: the config file.", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("With --line --live: the last N bars of each demo series go into the cache (default 504: the two years a live feed's first fetch stores; 0: all 4 years).",
                               valueName: "n"))
    var cacheRows = 504

    /// The number of timed runs a bench can report on: at least one (a report of
    /// zero runs has no minimum or median), at most a million.
    static let iterationRange = 1...1_000_000

    func validate() throws {
        guard Self.iterationRange.contains(iterations) else {
            throw ValidationError("--iterations must be 1 to 1000000, got \(iterations)")
        }
        guard (1...120).contains(years) else { throw ValidationError("--years must be 1 to 120, got \(years)") }
        guard (1...20_000).contains(members) else { throw ValidationError("--members must be 1 to 20000, got \(members)") }
        if store && db == nil { throw ValidationError("--store needs --db URL (the PostgreSQL server to fill a schema of)") }
    }

    func run() async throws {
        if listExpressions {
            PaneRegistry.expressions().forEach { writeOutput($0 + "\n") }
            return
        }
        if render {
            try benchRender()
            return
        }
        if line {
            let options = try DataOptions.parse((config.map { ["--config", $0] } ?? []) + (data.map { ["--data", $0] } ?? []))
            try LineBench.run(iterations: iterations, options: options, live: live, cacheRows: cacheRows).forEach { writeOutput($0 + "\n") }
            return
        }
        if longHistory {
            let options = try DataOptions.parse(config.map { ["--config", $0] } ?? [])
            try LongHistoryBench.run(iterations: iterations, options: options, years: years).forEach { writeOutput($0 + "\n") }
            return
        }
        if store, let db {
            try await StoreBench.run(iterations: iterations, db: db, passwordFile: passwordFile, members: members, keep: keep)
            return
        }
        if avgcorr {
            try AverageCorrelationBench.run(iterations: iterations, demo: BundledSamples.demoData).forEach { writeOutput($0 + "\n") }
            return
        }
        if cache {
            try CacheBench.run(iterations: iterations).forEach { print($0) }
            return
        }
        let workload = BenchmarkMarket()
        if let folder = writeData {
            try workload.write(to: folder)
            writeOutput("wrote \(workload.data.symbols.count) symbols and a \(BenchmarkMarket.members)-member universe to \(folder)\n")
            return
        }
        let expressions = PaneRegistry.expressions()
        writeOutput("workload: \(BenchmarkMarket.sessions) sessions, \(workload.data.symbols.count) symbols, "
              + "\(BenchmarkMarket.members) members; \(expressions.count) pane expressions\n")
        report("evaluate all pane expressions", try time(iterations) {
            var evaluator = Evaluator(data: workload.data)
            evaluator.prepare(expressions)
            for e in expressions { _ = try evaluator.evaluate(e) }
        })
        if perExpression {
            // Each expression alone with a fresh cache, slowest first: where the time goes.
            let clock = ContinuousClock()
            let costs = try expressions.map { e -> (String, Duration) in
                var evaluator = Evaluator(data: workload.data)
                return (e, try clock.measure { _ = try evaluator.evaluate(e) })
            }
            for (e, d) in costs.sorted(by: { $0.1 > $1.1 }).prefix(10) { writeOutput("  \(d)  \(e)\n") }
        }
        if let folder = data {
            report("load CSV folder \(folder)", try time(max(3, iterations / 3)) { _ = try DataFolder.load(folder) })
        }
    }

    /// The screen's costs on the bundled demo: the model (every pane expression over
    /// the whole history, done once at start) and one full 200x60 frame.
    private func benchRender() throws {
        guard let folder = BundledSamples.demoData else { throw CommandFailure.usage("Samples/demo not found") }
        let market = try DataFolder.load(folder)
        var model: DashboardModel?
        report("build the pane model from the demo", try time(max(3, iterations / 3)) {
            model = DashboardModel(data: market)
        })
        guard let model else { return }
        // The NETWORK pane alone: 28 pairs x (corr, MI, MI's percentile).
        let network = NetworkPane.spec(Roles(), Thresholds())
        report("build the NETWORK pane's model (\(network.expressions.count) expressions)", try time(max(3, iterations / 3)) {
            _ = DashboardModel(data: market, panes: [network], roles: Roles(), thresholds: Thresholds())
        })
        var networkState = AppState(width: 200, height: 60)
        networkState.page = 1
        networkState.zoomed = true
        for kind in NetworkPane.Kind.allCases {
            networkState.views["network"] = kind.rawValue
            report("render the NETWORK pane zoomed at 200x60, \(kind.tab)", try time(iterations) {
                _ = view(networkState, model: model, asOf: model.lastDate, mode: "REPLAY")
            })
        }
        var state = AppState(width: 200, height: 60)
        state.focus = 3 // the breadth pane, as before panes were numbered from 0
        report("render a 200x60 frame", try time(iterations) {
            _ = view(state, model: model, asOf: model.lastDate, mode: "REPLAY")
        })
        // The date cursor 300 sessions back: before the 1Y window, so every chart centres on it.
        var cursorState = state
        cursorState.cursor = model.dates.dropLast(300).last
        report("render a 200x60 frame with the date cursor", try time(iterations) {
            _ = view(cursorState, model: model, asOf: model.lastDate, mode: "REPLAY")
        })
        report("the date cursor's sessions live (the model's dates, per key)", try time(iterations) {
            _ = model.dates
        })
        var previous = view(state, model: model, asOf: model.lastDate, mode: "REPLAY")
        report("render + diff against the previous frame", try time(iterations) {
            let next = view(state, model: model, asOf: model.lastDate, mode: "REPLAY")
            _ = next.diff(previous: previous)
            previous = next
        })
    }

    private func time(_ n: Int, _ body: () throws -> Void) throws -> [Double] {
        try body() // warm-up: page in code and data
        let clock = ContinuousClock()
        return try (0..<n).map { _ in
            let elapsed = try clock.measure(body)
            return Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) * 1e-15
        }.sorted()
    }

    private func report(_ label: String, _ ms: [Double]) {
        let p95 = ms[min(ms.count - 1, Int((Double(ms.count) * 0.95).rounded(.up)) - 1)]
        writeOutput(label + String(format: ": min %.2f ms, median %.2f ms, p95 %.2f ms (%d runs)\n",
                             ms[0], ms[ms.count / 2], p95, ms.count))
    }
}
