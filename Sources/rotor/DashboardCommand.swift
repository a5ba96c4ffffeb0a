import ArgumentParser
import Foundation
import RotorConfig
import RotorCore
import RotorData
import RotorStore
import RotorTerminal
import RotorUI

/// `rotor` (the default command): the dashboard, replaying a folder of CSV files
/// (the bundled demo unless --data) one session per second from about a year
/// before its end.
struct DashboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "The dashboard (the default): replays --data, or the bundled demo."
    )

    @OptionGroup var source: DataOptions
    @OptionGroup var look: ThemeOptions

    @Option(help: ArgumentHelp("Start the replay at this date (default: the config's, else a year before the end).",
                               valueName: "date"))
    var at: String?

    @Option(help: "Replay speed in sessions per second (default: the config's, else 1).")
    var speed: Double?

    @Option(help: ArgumentHelp("Folder for the `s` snapshots (default: the config's, else the current directory).",
                               valueName: "dir"))
    var snapshotDir: String?

    @Option(help: ArgumentHelp("Replay the config's [[episodes]] of this name: from its first date, ending at its last.",
                               valueName: "name"))
    var episode: String?

    @Flag(help: "Print the config's [[episodes]] (name, from, to, note) and exit.")
    var listEpisodes = false

    func validate() throws {
        if let speed, !(speed > 0 && speed <= 1000) { throw ValidationError("--speed must be above 0 and at most 1000") }
        if episode != nil, at != nil { throw ValidationError("--episode starts the replay at the episode's first date: leave out --at") }
        if episode != nil, live { throw ValidationError("--episode replays history: it cannot be used with --live") }
    }

    @Flag(help: "Live data: the bundled Samples/live.toml (Yahoo chart + FRED) unless --config names another.")
    var live = false

    /// On the main actor: the terminal loop blocks its thread in `getch` (see `DashboardLoop`).
    @MainActor
    func run() async throws {
        if listEpisodes {
            let (config, path) = try source.withLive(live).loadConfig()
            writeOutput(EpisodeList.text(config.episodes, configPath: path))
            return
        }
        // A TERM that cannot draw is refused first: before any data is read or fetched,
        // and before the screen is touched.
        do {
            try Terminal.checkTerm()
        } catch {
            throw CommandFailure.usage("\(error)")
        }
        let options = try source.withLive(live)
        let (config, path) = try options.loadConfig()
        try DataOptions.requireFeeds(live, config, path)
        let log = LogFile.open()
        let model: DashboardModel, report: FeedReport, feed: DashboardState.Feed
        let live: LivePolling?
        let description: String
        if options.isLive(config), let settings = try StoreConfigReading.settings(db: nil, config: config, configPath: path) {
            // `[store]`: the collector polls; this dashboard follows the shared store.
            let session = try LiveSession(config: config, configPath: path, log: { log.write($0) }, usingCache: false)
            let follower = StoreFollower(store: SharedStore(settings), live: session.store) { event in
                if case let .lost(error, retryIn) = event { log.write("store: \(error); retry in \(retryIn)") }
            }
            let polling = LivePolling(session: session, follower: follower)
            polling.setPolling(true)
            // The first frame has the store's data when it answers promptly; a store
            // that does not opens the dashboard anyway, showing the link as it is.
            await follower.firstRead(within: .seconds(2))
            let cursor: LiveCursor
            (model, report, cursor) = polling.initial(now: Date())
            feed = .live(cursor)
            live = polling
            description = "live: \(session.feeds.count) feeds from the store \(settings) (config \(path ?? "-"))"
        } else if options.isLive(config) {
            let session = try LiveSession(config: config, configPath: path, log: { log.write($0) })
            for warning in session.warnings { writeError("rotor: warning: \(warning)") }
            let polling = LivePolling(session: session)
            let cursor: LiveCursor
            (model, report, cursor) = polling.initial(now: Date())
            polling.setPolling(true)
            feed = .live(cursor)
            live = polling
            description = "live: \(session.feeds.count) feeds from \(path ?? "the config")"
        } else {
            let loaded = try options.load()
            model = loaded.model()
            let speed = speed ?? config.replaySpeed
            var replay = ReplayCursor(model: model, speed: speed)
            if let name = episode {
                let chosen = try EpisodeList.episode(name, config, path, data: model.dates)
                replay.seek(to: chosen.from)
                replay.end(at: chosen.to)
            } else if let start = try at.map({ try parseDay($0, option: "--at") }) ?? config.replayStart {
                replay.seek(to: start)
            }
            guard replay.current != nil else { throw CommandFailure.usage("\(loaded.folder): no data to replay") }
            report = FeedReport(summary: loaded.market.replayDescription)
            feed = .replay(replay)
            live = nil
            description = "replaying \(loaded.folder) from \(replay.current?.iso ?? "-") at \(speed) sessions/s"
                + (episode.map { " (episode \($0), to \(replay.dates[replay.endIndex].iso))" } ?? "")
        }
        defer { live?.stop() }
        // Closed on the way out: PostgresNIO requires it of a connection.
        let sharedStore = live?.follower?.store
        let (themes, firstTheme) = try look.load(config: config, configPath: path)
        // Firings beyond the screen and the log: `alerts.jsonl`, `run` commands, the
        // live state file.
        let delivery = FileAlertOutlet(log: { log.write($0) })
        let commands = delivery.runner
        // A live dashboard carries its alerts' states over from the last run, so a
        // restart does not fire again what already fired; a replay starts afresh.
        let alerts = AlertDesk(panes: model.panes, rules: config.alerts,
                               restoring: live == nil ? nil : delivery.loadState())
        // The size is the terminal's, set once it has started.
        var state = DashboardState(app: AppState(width: 0, height: 0, panes: PaneSet(model.panes, placed: config.pages)),
                                   model: model, report: report, feed: feed, alerts: alerts)
        state.app.lookback = config.lookback
        state.app.keys = config.keys
        state.app.mouse = config.mouse
        state.app.thresholds = config.thresholds
        state.app.themeNames = themes.themes.map(\.name)
        state.app.theme = firstTheme
        let loop = DashboardLoop(clock: ContinuousClock(), themes: themes.themes,
                                 snapshotDir: snapshotDir ?? config.snapshotDir ?? ".", log: { log.write($0) }, live: live,
                                 alerts: delivery)
        do {
            log.write("start: \(description), config \(path ?? "none"), theme \(themes.themes[firstTheme].name)")
            let signal = try Terminal.run { terminal in
                if terminal.isASCII { log.write("no UTF-8 locale (LANG, LC_ALL, LC_CTYPE): drawing in ASCII") }
                let size = terminal.size
                state.app.width = size.columns
                state.app.height = size.rows
                terminal.setMouse(config.mouse)
                return loop.run(&state, on: terminal)
            }
            await commands.stopAll()
            live?.stop()
            await sharedStore?.close()
            // Ended by a signal: say so in the exit status, as a shell would (128 + N),
            // now that the terminal is restored.
            if let signal {
                log.write("quit (signal \(signal))")
                Foundation.exit(128 + signal)
            }
            log.write("quit")
        } catch let error as TerminalError {
            live?.stop()
            await sharedStore?.close()
            throw CommandFailure.runtime("\(error)")
        }
    }
}
