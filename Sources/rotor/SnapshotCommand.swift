import ArgumentParser
import Foundation
import RotorConfig
import RotorCore
import RotorData
import RotorStore
import RotorUI

/// `rotor snapshot`: one frame of the dashboard without a terminal, on stdout.
struct SnapshotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Render one dashboard frame as text (exactly --height lines) and print it."
    )

    @OptionGroup var source: DataOptions
    @OptionGroup var look: ThemeOptions

    @Option(help: ArgumentHelp("Show the market as of this date (default: the last date).", valueName: "date"))
    var at: String?

    @Option(help: ArgumentHelp("Show the date cursor (the c key) on this date: the panes at it, the charts on --at marking it.",
                               valueName: "date"))
    var cursor: String?

    @Option(help: "Screen width in columns.")
    var width = 120

    @Option(help: "Screen height in rows.")
    var height = 40

    @Option(help: ArgumentHelp("Focused pane: its place on the page, 1-9.", valueName: "n"))
    var focus = 1

    @Option(help: ArgumentHelp("The page shown, from 1 (the five original panes are page 1, NETWORK and POSITIONING page 2; a config's own panes follow unless its [[pages]] place them).",
                               valueName: "n"))
    var page = 1

    @Flag(help: "Zoom the focused pane.")
    var zoom = false

    @Flag(help: "Colours and attributes as ANSI escape sequences.")
    var ansi = false

    @Flag(help: "Live data (Samples/live.toml unless --config): fetch every feed once, through the cache. Exits 1, after printing the frame, when no feed has any data.")
    var live = false

    @Flag(help: "ASCII only: +-| borders and ASCII charts instead of box drawing, braille and blocks.")
    var ascii = false

    func validate() throws {
        guard (1...Action.maxIndex).contains(focus) else {
            throw ValidationError("--focus must be 1 to \(Action.maxIndex), got \(focus)")
        }
        guard (1...Action.maxIndex).contains(page) else {
            throw ValidationError("--page must be 1 to \(Action.maxIndex), got \(page)")
        }
        guard width >= 1, height >= 1, width <= 1000, height <= 1000 else {
            throw ValidationError("--width and --height must be 1 to 1000")
        }
    }

    /// `--cursor`'s session: the one on or before the date, which must be in the
    /// data up to the frame's date (the cursor never shows what the screen has not reached).
    static func cursorDay(_ text: String, model: DashboardModel, asOf: Day?) throws -> Day {
        let day = try parseDay(text, option: "--cursor")
        guard let asOf, let first = model.dates.first else { throw CommandFailure.usage("--cursor: there is no data") }
        guard day <= asOf else { throw CommandFailure.usage("--cursor \(text): after the frame's date \(asOf.iso)") }
        guard day >= first else { throw CommandFailure.usage("--cursor \(text): before the data, which starts on \(first.iso)") }
        return DateCursor.moved(day, .show, dates: model.dates, now: asOf) ?? day
    }

    func run() async throws {
        let options = try source.withLive(live)
        let (config, path) = try options.loadConfig()
        try DataOptions.requireFeeds(live, config, path)
        let (themes, current) = try look.load(config: config, configPath: path)
        let model: DashboardModel, report: FeedReport, mode: String
        var missing: [(name: String, message: String)] = []
        if options.isLive(config) {
            let session: LiveSession
            if let settings = try StoreConfigReading.settings(db: nil, config: config, configPath: path) {
                // `[store]`: what the collector wrote, nothing fetched.
                session = try await LiveSession.reading(settings, config: config, configPath: path)
                missing = session.missingFromStore(settings)
            } else {
                session = try LiveSession(config: config, configPath: path, log: { _ in })
                let failures = await session.fetchAllOnce(cachedNote: "showing cached data")
                missing = session.missingData(after: failures)
            }
            let snapshot = session.store.snapshot()
            model = session.model(snapshot.market)
            report = session.report(snapshot, now: Date())
            mode = "LIVE"
        } else {
            let loaded = try options.load()
            model = loaded.model()
            report = FeedReport(summary: loaded.market.replayDescription)
            mode = "REPLAY"
        }
        let asOf = try at.map { try parseDay($0, option: "--at") } ?? model.lastDate
        var state = AppState(width: width, height: height, panes: PaneSet(model.panes, placed: config.pages))
        state.lookback = config.lookback
        state.keys = config.keys
        state.mouse = config.mouse
        state.thresholds = config.thresholds
        guard page <= state.panes.pages.count else {
            throw CommandFailure.usage("--page \(page): the dashboard has \(state.panes.pages.count) page\(state.panes.pages.count == 1 ? "" : "s")")
        }
        state.page = page - 1
        guard focus <= state.pagePanes.count else {
            throw CommandFailure.usage("--focus \(focus): page \(page) has \(state.pagePanes.count) pane\(state.pagePanes.count == 1 ? "" : "s")")
        }
        state.focus = focus - 1
        state.zoomed = zoom
        if let cursor { state.cursor = try Self.cursorDay(cursor, model: model, asOf: asOf) }
        // No data at all (every feed failed with nothing cached): the panes would be
        // empty, so the frame shows the feeds overlay, which says what failed and why.
        let noData = model.lastDate == nil
        if noData { state.showingFeeds = true }
        // The strip as the dashboard's on that date: less the built-ins the config
        // turns off, plus the users' alerts fired and not cleared by then.
        var alerts = AlertDesk(panes: model.panes, rules: config.alerts)
        if let asOf { alerts.startReplay(model, dates: model.dates, at: asOf) }
        let drawn = view(state, model: model, asOf: asOf, mode: mode, feeds: report, alerts: alerts)
        let canvas = ascii ? drawn.asciiOnly() : drawn
        // Colours as rich as the environment allows: NO_COLOR none, COLORTERM=truecolor
        // 24-bit, a TERM naming 256 colours 256, else the eight basic ones.
        let depth = ColorDepth.detect(environment: ProcessInfo.processInfo.environment)
        let lines = ansi ? canvas.ansiLines(depth: depth, palette: themes.themes[current].palette) : canvas.lines()
        writeOutput(lines.joined(separator: "\n") + "\n")
        // The frame is printed either way (its panes, or with no data at all the feeds
        // overlay, say what is missing). Each feed without data is named on stderr; the
        // status is 1 only when there is no data at all, so the frame is only the list
        // of what failed.
        for (_, message) in missing { writeError("rotor: " + (noData ? "" : "warning: ") + message) }
        if noData && !missing.isEmpty { throw ExitCode(1) }
    }
}
