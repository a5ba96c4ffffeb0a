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

    func run() throws {
        let loaded = try source.load()
        let (themes, firstTheme) = try look.load(loaded)
        let model = loaded.model()
        var replay = Replay(model: model)
        if let start = try at.map({ try parseDay($0, option: "--at") }) ?? loaded.config.replayStart {
            replay.seek(to: start)
        }
        guard replay.current != nil else { throw CommandFailure.usage("\(loaded.folder): no data to replay") }
        let settings = Settings(speed: speed ?? loaded.config.replaySpeed,
                                snapshotDir: snapshotDir ?? loaded.config.snapshotDir ?? ".",
                                themes: themes.themes, theme: firstTheme, config: loaded.config)
        do {
            let log = LogFile.open()
            log.write("start: replaying \(loaded.folder) from \(replay.current?.iso ?? "-") at \(settings.speed) sessions/s"
                      + ", config \(loaded.configPath ?? "none"), theme \(themes.themes[firstTheme].name)")
            let signal = try Terminal.run { terminal in
                try loop(terminal, model: model, replay: &replay, feeds: loaded.market.replayDescription,
                         settings: settings, clock: ContinuousClock(), log: log)
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

    /// The event loop, until `q` (nil) or a quit signal (its number). The clock is a
    /// parameter so replay timing does not depend on the machine's wall clock.
    private func loop<C: Clock>(_ terminal: Terminal, model: DashboardModel, replay: inout Replay, feeds: String,
                                settings: Settings, clock: C, log: LogFile) throws -> Int32? where C.Duration == Duration {
        let size = terminal.size
        var state = AppState(width: size.columns, height: size.rows)
        state.lookback = settings.config.lookback
        state.keys = settings.config.keys
        var theme = settings.theme
        let step = Duration.milliseconds(max(1, Int(1000 / settings.speed)))
        var nextStep = clock.now.advanced(by: step)
        while !state.quitting {
            let mode = replay.atEnd ? "REPLAY END" : "REPLAY"
            let canvas = view(state, model: model, asOf: replay.current, mode: mode, feeds: feeds)
            terminal.draw(canvas, palette: settings.themes[theme].palette)
            // Sleep until the next key or the next session. Paused or at the end, wake
            // once a second anyway: a SIGWINCH delivered to another thread is only
            // seen by ncurses on its next read, and a resize must not wait for a key.
            let waiting = state.paused || replay.atEnd
            let remaining = clock.now.duration(to: nextStep)
            let timeout = waiting ? 1000 : max(0, min(1000, Int(remaining.components.seconds * 1000
                + remaining.components.attoseconds / 1_000_000_000_000_000)))
            switch terminal.nextEvent(timeoutMilliseconds: timeout) {
            case let .key(key):
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
                        _ = update(&state, .notice("replay: nothing to refresh"))
                    case .nextTheme:
                        theme = (theme + 1) % settings.themes.count
                        log.write("theme \(settings.themes[theme].name)")
                        _ = update(&state, .notice("theme \(settings.themes[theme].name)"))
                    }
                }
                if !state.paused && !replay.atEnd && clock.now >= nextStep { nextStep = clock.now.advanced(by: step) }
            case let .resize(rows, columns):
                _ = update(&state, .resize(width: columns, height: rows))
            case .timeout:
                if !state.paused, clock.now >= nextStep {
                    replay.advance()
                    nextStep = nextStep.advanced(by: step)
                    if clock.now > nextStep { nextStep = clock.now.advanced(by: step) } // never a burst to catch up
                }
            case let .quit(signal):
                return signal
            }
        }
        return nil
    }
}

/// What the loop needs from the command line and the config.
struct Settings {
    let speed: Double
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
        dates = Alignment.unionDates(model.series.values.map(\.dates))
        index = max(0, dates.count - 1 - 252)
    }

    var current: Day? { dates.isEmpty ? nil : dates[index] }
    var atEnd: Bool { index >= dates.count - 1 }

    mutating func advance() { if !atEnd { index += 1 } }

    mutating func seek(to day: Day) {
        index = min(max(0, dates.firstIndex { $0 >= day } ?? dates.count - 1), max(0, dates.count - 1))
    }
}
