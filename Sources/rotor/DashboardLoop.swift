import Foundation
import RotorConfig
import RotorTerminal
import RotorUI

/// What the loop needs of a screen: the terminal, or a test's scripted one.
protocol DashboardScreen: AnyObject {
    var size: (rows: Int, columns: Int) { get }
    @discardableResult func draw(_ canvas: Canvas, palette: Palette) -> Int
    /// Sleeps until a key, a resize, a quit signal or the timeout.
    func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent
    /// Rings the terminal bell.
    func bell()
}

extension Terminal: DashboardScreen {}

/// The dashboard's thin shell: on each wake it sends a tick (the time on `clock`)
/// and the event to `update`, runs the effects returned (their results are messages
/// again), draws the state and sleeps until the next key or the state's next tick.
/// It runs on the main actor because `getch` blocks its thread for up to a second;
/// the cooperative pool (two threads on a two-core machine) stays free for the poller.
@MainActor
struct DashboardLoop<C: Clock> where C.Duration == Duration {
    let clock: C
    /// The wall clock, for the live status bar's time and the feeds' ages.
    var wallClock: () -> Date = { Date() }
    let themes: [Theme]
    let snapshotDir: String
    let log: (String) -> Void
    let live: LivePolling?
    /// Where firings go beside the screen and the log (nil: nowhere else).
    var alerts: (any AlertOutlet)?

    /// Runs until `q` (nil) or a quit signal (its number).
    func run(_ state: inout DashboardState, on screen: some DashboardScreen) -> Int32? {
        let start = clock.now
        var shown = Canvas(width: 0, height: 0)
        func send(_ msg: DashboardMsg) {
            for effect in update(&state, msg) {
                for result in perform(effect, state: state, shown: shown, screen: screen) { send(result) }
            }
        }
        var event = TerminalEvent.timeout
        while true {
            send(.tick(at: start.duration(to: clock.now), clock: FeedStatusReading.clock.string(from: wallClock())))
            switch event {
            case let .key(key): send(.key(key))
            // At the time of the tick just sent: double clicks are told by loop time.
            case let .mouse(event): send(.app(.mouse(event, at: state.now)))
            case let .resize(rows, columns): send(.app(.resize(width: columns, height: rows)))
            case .timeout: break
            case let .quit(signal): return signal
            }
            if state.app.quitting { return nil }
            shown = view(state)
            screen.draw(shown, palette: themes[state.app.theme].palette)
            event = screen.nextEvent(timeoutMilliseconds: Self.milliseconds(state.wait))
        }
    }

    /// Runs one effect; returns the messages it answers with.
    private func perform(_ effect: Effect, state: DashboardState, shown: Canvas,
                         screen: some DashboardScreen) -> [DashboardMsg] {
        switch effect {
        case .saveSnapshot:
            // The frame on screen when the key was pressed.
            do {
                return [.snapshotSaved(try SnapshotFile.save(shown.lines(), in: snapshotDir))]
            } catch let failure as CommandFailure {
                return [.snapshotFailed(failure.message)]
            } catch {
                return [.snapshotFailed("\(error)")]
            }
        case .refreshFeeds:
            live?.refresh()
        case let .setPolling(on):
            live?.setPolling(on)
        case let .readFeeds(version, rebuild):
            return live?.read(modelVersion: version, rebuild: rebuild, model: state.model, now: wallClock()) ?? []
        case let .log(line):
            log(line)
        case .nextTheme, .moveCursor:
            break // `update` turns them into a theme change and a cursor move before they get here
        case .bell:
            screen.bell()
        case let .deliverAlert(firing):
            log("alert \(firing.name) on \(firing.date.iso): \(firing.condition), value \(firing.value)")
            alerts?.deliver(firing, mode: state.alertMode, time: wallClock())
        case let .saveAlertState(saved):
            alerts?.saveState(saved)
        }
        return []
    }

    /// A wait as ncurses' timeout: whole milliseconds, 0 to 1000.
    static func milliseconds(_ wait: Duration) -> Int {
        let (seconds, attoseconds) = wait.components
        return max(0, min(1000, Int(seconds * 1000 + attoseconds / 1_000_000_000_000_000)))
    }
}
