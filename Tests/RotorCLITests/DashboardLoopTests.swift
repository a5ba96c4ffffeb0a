import Foundation
import RotorConfig
import RotorCore
import RotorData
import RotorTerminal
import RotorUI
import Testing
@testable import rotor

/// A clock that moves only when told (the scripted screen moves it by each wait), so
/// the loop's replay stepping is tested with no real time passing.
final class ManualClock: Clock, @unchecked Sendable {
    // @unchecked: `current` is read and written under `lock`.
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (a: Instant, b: Instant) -> Bool { a.offset < b.offset }
    }

    private let lock = NSLock()
    private var current = Instant(offset: .seconds(1000))

    var now: Instant { lock.withLock { current } }
    var minimumResolution: Duration { .nanoseconds(1) }

    func advance(by duration: Duration) { lock.withLock { current = current.advanced(by: duration) } }

    /// Sleeping moves the clock to the deadline at once.
    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        lock.withLock { current = max(current, deadline) }
    }
}

/// A terminal that plays a script: a `.timeout` takes the whole wait the loop asked
/// for, any other event comes 10 ms into it; the frames drawn are kept.
final class ScriptedScreen: DashboardScreen {
    let size = (rows: 40, columns: 120)
    let clock: ManualClock
    var script: [TerminalEvent]
    private(set) var frames: [(canvas: Canvas, palette: Palette)] = []
    private(set) var waits: [Int] = []
    /// How many times the loop rang the bell.
    private(set) var bells = 0

    init(clock: ManualClock, script: [TerminalEvent]) {
        self.clock = clock
        self.script = script
    }

    func draw(_ canvas: Canvas, palette: Palette) -> Int {
        frames.append((canvas, palette))
        return 0
    }

    func bell() { bells += 1 }

    func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent {
        waits.append(timeoutMilliseconds)
        guard !script.isEmpty else { return .quit(signal: SIGTERM) } // the script ran out
        let event = script.removeFirst()
        clock.advance(by: .milliseconds(event == .timeout ? timeoutMilliseconds : 10))
        return event
    }
}

/// The dashboard's shell, `DashboardLoop`, on a scripted screen and a manual clock:
/// the replay steps with the clock, pause holds it, `t` changes the palette drawn,
/// `s` writes the frame on screen, `q` and signals end the loop.
@MainActor
@Suite struct DashboardLoopTests {
    static let demo = try? DataFolder.load(RotorProcess.repositoryRoot.appendingPathComponent("Samples/demo").path)
    static let night = Theme(name: "night", palette: Palette([.title: Style(foreground: .red)]))

    func replayState() throws -> DashboardState {
        let model = DashboardModel(data: try #require(Self.demo))
        return DashboardState(app: AppState(width: 120, height: 40), model: model, report: FeedReport(summary: "demo"),
                              feed: .replay(ReplayCursor(model: model, speed: 1)))
    }

    func index(_ state: DashboardState) -> Int? {
        if case let .replay(cursor) = state.feed { cursor.index } else { nil }
    }

    @Test func theReplayStepsPausesThemesAndSnapshotsOnTheInjectedClock() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rotor-loop-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var state = try replayState()
        state.app.themeNames = ["default", "night"]
        let start = try #require(index(state))
        let clock = ManualClock()
        let screen = ScriptedScreen(clock: clock, script: [
            .timeout, .timeout, .timeout,               // three sessions, a second each
            .key(.character("p")), .timeout, .timeout,  // paused: two seconds, no step
            .key(.character("p")), .timeout,            // resumed: a full step later, one session
            .key(.character("t")), .key(.character("s")), .key(.character("q")),
        ])
        var logged: [String] = []
        let loop = DashboardLoop(clock: clock, themes: [.standard, Self.night], snapshotDir: folder,
                                 log: { logged.append($0) }, live: nil)
        #expect(loop.run(&state, on: screen) == nil)
        #expect(index(state) == start + 4)
        #expect(state.app.theme == 1 && !state.app.paused && state.app.quitting)
        // Waits as ncurses timeouts: up to the next step, a second while paused.
        #expect(screen.waits == [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 990, 980])
        // Each frame shows the session the clock has reached.
        let dates = ReplayCursor(model: state.model, speed: 1).dates
        for k in 0..<4 { #expect(screen.frames[k].canvas.lines().last!.contains(dates[start + k].iso)) }
        // `t`: the next frame is drawn in the next theme.
        #expect(screen.frames[8].palette == .standard && screen.frames[9].palette == Self.night.palette)
        // `s`: the frame that was on screen is in the file, and the status bar says so.
        let saved = try #require(logged.last)
        // (Alerts that fire on the way are logged too: AlertReplayTests.)
        #expect(logged.filter { !$0.hasPrefix("alert ") } == ["theme night", saved] && saved.hasPrefix("saved "))
        let path = String(saved.dropFirst("saved ".count))
        #expect(path.hasPrefix(folder + "/rotor-"))
        let file = try String(contentsOfFile: path, encoding: .utf8)
        #expect(file == screen.frames[9].canvas.lines().joined(separator: "\n") + "\n")
        #expect(screen.frames[10].canvas.lines().last!.contains("saved " + folder.prefix(20)))
    }

    @Test func aQuitSignalEndsTheLoopWithItsNumber() throws {
        var state = try replayState()
        let clock = ManualClock()
        let screen = ScriptedScreen(clock: clock, script: [.timeout, .quit(signal: SIGINT)])
        let loop = DashboardLoop(clock: clock, themes: [.standard], snapshotDir: ".", log: { _ in }, live: nil)
        #expect(loop.run(&state, on: screen) == SIGINT)
        #expect(screen.frames.count == 2)
    }

    @Test func waitsAreWholeMillisecondsUpToASecond() {
        #expect(DashboardLoop<ManualClock>.milliseconds(.milliseconds(1500)) == 1000)
        #expect(DashboardLoop<ManualClock>.milliseconds(.microseconds(2999)) == 2)
        #expect(DashboardLoop<ManualClock>.milliseconds(.seconds(-1)) == 0)
    }
}
