import RotorCore
import Testing
@testable import RotorUI

/// The dashboard as messages: replay stepping, pause and resume, themes, live data
/// arrival, refresh and snapshots, each driven by ticks that carry their time; no
/// clock runs and nothing sleeps.
@Suite struct DashboardUpdateTests {
    static let days = (0..<400).map { Day(year: 2025, month: 1, day: 2)!.adding(days: $0) }
    static let empty = DashboardModel(data: MarketData())

    /// A replay a year before the end of 400 sessions, one session a second.
    static func replay(speed: Double = 1) -> DashboardState {
        DashboardState(app: AppState(width: 120, height: 40), model: empty, report: FeedReport(summary: "replay"),
                       feed: .replay(ReplayCursor(dates: days, speed: speed)))
    }

    static func live(version: Int = 3) -> DashboardState {
        DashboardState(app: AppState(width: 120, height: 40), model: empty, report: FeedReport(summary: "feeds ok 0/0"),
                       feed: .live(LiveCursor(version: version)))
    }

    func cursor(_ state: DashboardState) throws -> ReplayCursor {
        guard case let .replay(cursor) = state.feed else { throw Failure("not a replay") }
        return cursor
    }

    func liveCursor(_ state: DashboardState) throws -> LiveCursor {
        guard case let .live(cursor) = state.feed else { throw Failure("not live") }
        return cursor
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ d: String) { description = d }
    }

    @discardableResult
    func tick(_ state: inout DashboardState, _ seconds: Double, clock: String = "14:02:11") -> [Effect] {
        update(&state, .tick(at: .milliseconds(Int(seconds * 1000)), clock: clock))
    }

    @Test func replayStepsOneSessionPerStepOfTime() throws {
        var s = Self.replay()
        let start = try cursor(s).index
        #expect(start == 400 - 1 - 252 && s.asOf == Self.days[start] && s.mode == "REPLAY")
        #expect(tick(&s, 0.5).isEmpty)
        #expect(try cursor(s).index == start) // not due yet
        #expect(s.wait == .milliseconds(500))
        tick(&s, 1)
        #expect(try cursor(s).index == start + 1)
        tick(&s, 1.2)
        #expect(try cursor(s).index == start + 1 && s.wait == .milliseconds(800))
        tick(&s, 2)
        #expect(try cursor(s).index == start + 2)
        // A late wake steps once, not a burst to catch up; the next is a step later.
        tick(&s, 10)
        #expect(try cursor(s).index == start + 3 && s.wait == .seconds(1))
        tick(&s, 10.9)
        #expect(try cursor(s).index == start + 3)
        tick(&s, 11)
        #expect(try cursor(s).index == start + 4)
    }

    @Test func speedSetsTheStep() throws {
        var s = Self.replay(speed: 4)
        let start = try cursor(s).index
        for t in stride(from: 0.25, through: 2.0, by: 0.25) { tick(&s, t) }
        #expect(try cursor(s).index == start + 8)
    }

    @Test func theReplayStopsAtTheEnd() throws {
        var s = Self.replay(speed: 1000)
        for n in 1...300 { tick(&s, Double(n) / 1000) }
        #expect(try cursor(s).atEnd && s.asOf == Self.days.last && s.mode == "REPLAY END")
        #expect(s.wait == .seconds(1))
    }

    @Test func pauseStopsTheReplayAndResumesAFullStepLater() throws {
        var s = Self.replay()
        let start = try cursor(s).index
        tick(&s, 0.9)
        #expect(update(&s, .key(.character("p"))).isEmpty) // a replay has no poller to stop
        #expect(s.app.paused && s.wait == .seconds(1))
        for t in [1.0, 2, 3, 4.5] { tick(&s, t) }
        #expect(try cursor(s).index == start)
        #expect(update(&s, .key(.character(" "))).isEmpty)
        #expect(!s.app.paused && s.wait == .seconds(1))
        tick(&s, 5.4)
        #expect(try cursor(s).index == start) // due at 5.5, a step after the resume
        tick(&s, 5.5)
        #expect(try cursor(s).index == start + 1)
    }

    @Test func pauseStopsAndStartsLivePolling() {
        var s = Self.live()
        #expect(update(&s, .key(.character("p"))) == [.setPolling(false)])
        #expect(update(&s, .key(.character("p"))) == [.setPolling(true)])
        // A key that does not change the pause says nothing about polling.
        #expect(update(&s, .key(.tab)).isEmpty)
        // Behind the help overlay the pause key does nothing, so polling is untouched.
        _ = update(&s, .key(.character("?")))
        #expect(update(&s, .key(.character("p"))).isEmpty && !s.app.paused)
    }

    @Test func themesCycleInTheState() {
        var s = Self.replay()
        s.app.themeNames = ["default", "paper", "night"]
        s.app.theme = 1
        #expect(update(&s, .key(.character("t"))) == [.log("theme night")])
        #expect(s.app.theme == 2 && s.app.notice == "theme night")
        #expect(update(&s, .key(.character("t"))) == [.log("theme default")])
        #expect(s.app.theme == 0)
        // One theme: t stays on it, and says so.
        var one = Self.replay()
        #expect(update(&one, .key(.character("t"))) == [.log("theme standard")] && one.app.theme == 0)
    }

    @Test func liveTicksReadTheFeedsAndRebuildAtMostOnceASecond() throws {
        var s = Self.live(version: 3)
        #expect(tick(&s, 0.2) == [.readFeeds(modelVersion: 3, rebuild: true)])
        #expect(s.mode == "LIVE 14:02:11")
        let arrived = DashboardModel(data: MarketData(symbols: ["ES": Series(dates: [Self.days[0]], values: [5000])]))
        // The first model with data starts the alerts: their state is saved, nothing fires.
        #expect(update(&s, .dataArrived(arrived, version: 4)).allSatisfy {
            if case .saveAlertState = $0 { true } else { false }
        })
        #expect(try liveCursor(s) == LiveCursor(version: 4, rebuiltAt: .milliseconds(200), clock: "14:02:11"))
        #expect(s.model.series.count == arrived.series.count && s.asOf == arrived.lastDate)
        // Within a second of the rebuild: the report only.
        #expect(tick(&s, 1.1, clock: "14:02:12") == [.readFeeds(modelVersion: 4, rebuild: false)])
        #expect(s.mode == "LIVE 14:02:12")
        #expect(tick(&s, 1.2) == [.readFeeds(modelVersion: 4, rebuild: true)])
        // A live tick asks even while paused: ages and states move with time.
        _ = update(&s, .key(.character("p")))
        #expect(tick(&s, 5) == [.readFeeds(modelVersion: 4, rebuild: true)])
        #expect(s.wait == .seconds(1))
    }

    @Test func feedHealthChangesReplaceTheReport() {
        var s = Self.live()
        let report = FeedReport(summary: "feeds 1/2 ok, 1 with problems", lines: ["a", "b"], problems: ["ES": "HTTP 503 since 14:00:00"])
        #expect(update(&s, .feedsChanged(report)).isEmpty)
        #expect(s.report == report)
    }

    @Test func refreshFetchesLiveFeedsAndSaysSoInAReplay() {
        var r = Self.replay()
        #expect(update(&r, .key(.character("r"))).isEmpty)
        #expect(r.app.notice == "replay: nothing to refresh")
        var l = Self.live()
        #expect(update(&l, .key(.character("r"))) == [.refreshFeeds])
        #expect(l.app.notice == "refreshing every feed")
    }

    @Test func snapshotsAreAnEffectAndTheirOutcomeAMessage() {
        var s = Self.replay()
        #expect(update(&s, .key(.character("s"))) == [.saveSnapshot])
        #expect(update(&s, .snapshotSaved("rotor-20261120-143205.txt")) == [.log("saved rotor-20261120-143205.txt")])
        #expect(s.app.notice == "saved rotor-20261120-143205.txt")
        #expect(update(&s, .snapshotFailed("/ro: Permission denied")) == [.log("snapshot failed: /ro: Permission denied")])
        #expect(s.app.notice == "snapshot failed: /ro: Permission denied")
    }

    @Test func quitAndResizeAreTheScreensMessages() {
        var s = Self.replay()
        _ = update(&s, .app(.resize(width: 90, height: 30)))
        #expect(s.app.width == 90 && s.app.height == 30)
        _ = update(&s, .key(.character("q")))
        #expect(s.app.quitting)
    }

    /// Until there is any data the panes are empty: the frame shows the feeds overlay.
    @Test func noDataShowsTheFeedsOverlay() {
        let text = view(Self.live()).lines().joined(separator: "\n")
        #expect(text.contains("feeds (f or Esc closes)") && text.contains("no live feeds: feeds ok 0/0"))
        var help = Self.live()
        _ = update(&help, .key(.character("?")))
        #expect(!view(help).lines().joined().contains("feeds (f or Esc closes)"))
    }

    @Test func timeNeverRunsBackwards() throws {
        var s = Self.replay()
        tick(&s, 3)
        tick(&s, 1) // a message from before: the state keeps the later time
        #expect(s.now == .seconds(3))
    }
}
