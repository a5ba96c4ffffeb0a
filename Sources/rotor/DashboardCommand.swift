import ArgumentParser
import Foundation
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

    @Option(help: ArgumentHelp("Start the replay at this date (default: a year before the end).", valueName: "date"))
    var at: String?

    @Option(help: "Replay speed in sessions per second.")
    var speed = 1.0

    @Option(help: ArgumentHelp("Folder for the `s` snapshots (default: the current directory).", valueName: "dir"))
    var snapshotDir = "."

    func validate() throws {
        guard speed > 0, speed <= 1000 else { throw ValidationError("--speed must be above 0 and at most 1000") }
    }

    func run() throws {
        let folder = try source.folder()
        let market = try source.load()
        let model = DashboardModel(data: market)
        var replay = Replay(model: model)
        if let at { replay.seek(to: try parseDay(at, option: "--at")) }
        guard replay.current != nil else { throw CommandFailure.usage("\(folder): no data to replay") }
        do {
            let log = LogFile.open()
            log.write("start: replaying \(folder) from \(replay.current?.iso ?? "-") at \(speed) sessions/s")
            let signal = try Terminal.run { terminal in
                try loop(terminal, model: model, replay: &replay, feeds: market.replayDescription,
                         clock: ContinuousClock(), log: log)
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
                                clock: C, log: LogFile) throws -> Int32? where C.Duration == Duration {
        let size = terminal.size
        var state = AppState(width: size.columns, height: size.rows)
        let step = Duration.milliseconds(Int(1000 / speed))
        var nextStep = clock.now.advanced(by: step)
        while !state.quitting {
            let mode = replay.atEnd ? "REPLAY END" : "REPLAY"
            let canvas = view(state, model: model, asOf: replay.current, mode: mode, feeds: feeds)
            terminal.draw(canvas)
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
                            notice = "saved " + (try SnapshotFile.save(canvas.lines(), in: snapshotDir))
                        } catch let failure as CommandFailure {
                            notice = "snapshot failed: " + failure.message
                        }
                        log.write(notice)
                        _ = update(&state, .notice(notice))
                    case .refreshFeeds:
                        _ = update(&state, .notice("replay: nothing to refresh"))
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
