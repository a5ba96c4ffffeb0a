import ArgumentParser
import Foundation
import RotorConfig
import RotorCore
import RotorData
import RotorTerminal
import RotorUI

/// `rotor` (the default command): the dashboard, replaying a folder of CSV files
/// (the bundled demo unless --data) one session per second from about a year
/// before its end.
struct DashboardCommand: ParsableCommand {
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

    func validate() throws {
        if let speed, !(speed > 0 && speed <= 1000) { throw ValidationError("--speed must be above 0 and at most 1000") }
    }

    @Flag(help: "Live data: the bundled Samples/live.toml (Yahoo chart + FRED) unless --config names another.")
    var live = false

    func run() throws {
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
        let dashboardSource: any DashboardSource
        let description: String
        if options.isLive(config) {
            let session = try LiveSession(config: config, configPath: path, log: { log.write($0) })
            for warning in session.warnings { writeError("rotor: warning: \(warning)") }
            dashboardSource = LiveSource(session: session)
            description = "live: \(session.feeds.count) feeds from \(path ?? "the config")"
        } else {
            let loaded = try options.load()
            let model = loaded.model()
            var replay = Replay(model: model)
            if let start = try at.map({ try parseDay($0, option: "--at") }) ?? config.replayStart { replay.seek(to: start) }
            guard replay.current != nil else { throw CommandFailure.usage("\(loaded.folder): no data to replay") }
            dashboardSource = ReplaySource(model: model, replay: replay, speed: speed ?? config.replaySpeed,
                                           description: loaded.market.replayDescription)
            description = "replaying \(loaded.folder) from \(replay.current?.iso ?? "-") at \(speed ?? config.replaySpeed) sessions/s"
        }
        let (themes, firstTheme) = try look.load(config: config, configPath: path)
        let settings = Settings(snapshotDir: snapshotDir ?? config.snapshotDir ?? ".", themes: themes.themes,
                                theme: firstTheme, config: config)
        defer { dashboardSource.stop() }
        do {
            log.write("start: \(description), config \(path ?? "none"), theme \(themes.themes[firstTheme].name)")
            let signal = try Terminal.run { terminal in
                if terminal.isASCII { log.write("no UTF-8 locale (LANG, LC_ALL, LC_CTYPE): drawing in ASCII") }
                return try loop(terminal, source: dashboardSource, settings: settings, log: log)
            }
            // Ended by a signal: say so in the exit status, as a shell would (128 + N),
            // now that the terminal is restored.
            if let signal {
                log.write("quit (signal \(signal))")
                Foundation.exit(128 + signal)
            }
            log.write("quit")
        } catch let error as TerminalError {
            throw CommandFailure.runtime("\(error)")
        }
    }

    /// The event loop, until `q` (nil) or a quit signal (its number). It sleeps until
    /// the next key or the source's next tick, so a paused screen costs nothing.
    private func loop(_ terminal: Terminal, source: any DashboardSource, settings: Settings,
                      log: LogFile) throws -> Int32? {
        let size = terminal.size
        var state = AppState(width: size.columns, height: size.rows)
        state.lookback = settings.config.lookback
        state.keys = settings.config.keys
        var theme = settings.theme
        while !state.quitting {
            _ = source.tick(paused: state.paused)
            // Until there is any data the panes are empty: show why (the feeds overlay).
            var shown = state
            if source.asOf == nil && !state.showingHelp { shown.showingFeeds = true }
            let canvas = view(shown, model: source.model, asOf: source.asOf, mode: source.mode, feeds: source.report)
            terminal.draw(canvas, palette: settings.themes[theme].palette)
            switch terminal.nextEvent(timeoutMilliseconds: source.sleepMilliseconds(paused: state.paused)) {
            case let .key(key):
                let wasPaused = state.paused
                for effect in update(&state, .key(key)) {
                    switch effect {
                    case .saveSnapshot:
                        let notice: String
                        do {
                            notice = "saved " + (try SnapshotFile.save(canvas.lines(), in: settings.snapshotDir))
                        } catch let failure as CommandFailure {
                            notice = "snapshot failed: " + failure.message
                        }
                        log.write(notice)
                        _ = update(&state, .notice(notice))
                    case .refreshFeeds:
                        _ = update(&state, .notice(source.refresh()))
                    case .nextTheme:
                        theme = (theme + 1) % settings.themes.count
                        log.write("theme \(settings.themes[theme].name)")
                        _ = update(&state, .notice("theme \(settings.themes[theme].name)"))
                    }
                }
                if state.paused != wasPaused { source.pauseChanged(state.paused) }
            case let .resize(rows, columns):
                _ = update(&state, .resize(width: columns, height: rows))
            case .timeout:
                break
            case let .quit(signal):
                return signal
            }
        }
        return nil
    }
}

/// What the loop needs from the command line and the config.
struct Settings {
    let snapshotDir: String
    let themes: [Theme]
    let theme: Int
    let config: RotorConfig
}

/// The replay cursor: the dates of the data, one session at a time.
struct Replay {
    let dates: [Day]
    private(set) var index: Int

    init(model: DashboardModel) {
        dates = DateAlignment.unionDates(model.series.values.map(\.dates))
        index = max(0, dates.count - 1 - 252)
    }

    var current: Day? { dates.isEmpty ? nil : dates[index] }
    var atEnd: Bool { index >= dates.count - 1 }

    mutating func advance() { if !atEnd { index += 1 } }

    mutating func seek(to day: Day) {
        index = min(max(0, dates.firstIndex { $0 >= day } ?? dates.count - 1), max(0, dates.count - 1))
    }
}
