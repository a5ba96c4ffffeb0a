import RotorCore
import Testing
@testable import RotorUI

/// The mouse through `update`: clicks, double clicks by loop time, the wheel, and
/// the overlays and the config switch that stop them. No clock runs: each message
/// carries its time.
@Suite struct MouseUpdateTests {
    /// A cell inside the pane at `place` on the state's current layout.
    func cell(of place: Int, in state: AppState) throws -> (x: Int, y: Int) {
        guard case let .panes(rects, _) = state.layout, let r = rects[place] else { throw Missing() }
        return (r.x + r.width / 2, r.y + r.height / 2)
    }

    struct Missing: Error {}

    @discardableResult
    func press(_ button: MouseEvent.Button, on place: Int, at ms: Int, _ state: inout AppState) throws -> [Effect] {
        let (x, y) = try cell(of: place, in: state)
        return update(&state, .mouse(MouseEvent(button, x: x, y: y), at: .milliseconds(ms)))
    }

    @Test func aClickFocusesThePaneUnderIt() throws {
        var s = AppState(width: 120, height: 40)
        for place in [Int.rates, .mag7, .breadth, .rotation] {
            try press(.left, on: place, at: 1000 * place + 5000, &s)
            #expect(s.focus == place && !s.zoomed)
        }
        // The status bar is no pane: focus stays.
        _ = update(&s, .mouse(MouseEvent(.left, x: 3, y: 39), at: .seconds(20)))
        #expect(s.focus == .rotation)
        // Right and middle buttons do nothing.
        try press(.right, on: .rates, at: 30_000, &s)
        try press(.middle, on: .rates, at: 31_000, &s)
        #expect(s.focus == .rotation)
    }

    @Test func aDoubleClickZoomsAndAnotherUnzooms() throws {
        var s = AppState(width: 120, height: 40)
        try press(.left, on: .volPremium, at: 1000, &s)
        try press(.left, on: .volPremium, at: 1250, &s)
        #expect(s.zoomedPane == .volPremium)
        // Zoomed, the pane has the whole body: a double click anywhere on it returns.
        try press(.left, on: .volPremium, at: 3000, &s)
        #expect(s.zoomedPane == .volPremium)
        try press(.left, on: .volPremium, at: 3400, &s)
        #expect(s.zoomedPane == nil && s.focus == .volPremium)
        // A third quick click starts a new pair instead of zooming again.
        try press(.left, on: .volPremium, at: 3500, &s)
        #expect(s.zoomedPane == nil)
    }

    @Test func slowOrSeparateClicksAreNotADoubleClick() throws {
        var s = AppState(width: 120, height: 40)
        try press(.left, on: .breadth, at: 1000, &s)
        try press(.left, on: .breadth, at: 1401, &s)
        #expect(!s.zoomed && s.focus == .breadth)
        try press(.left, on: .rates, at: 1500, &s)
        #expect(!s.zoomed && s.focus == .rates)
        // A click on one pane then another, quickly: focus moves, no zoom.
        try press(.left, on: .mag7, at: 1600, &s)
        #expect(!s.zoomed && s.focus == .mag7)
        // Time never runs backwards in the loop; if it did, no double click.
        try press(.left, on: .rotation, at: 5000, &s)
        try press(.left, on: .rotation, at: 4900, &s)
        #expect(!s.zoomed)
    }

    /// A key between two quick clicks does not turn the double click on another pane.
    @Test func aDoubleClickZoomsThePaneClickedWhateverTheKeysDidBetween() throws {
        var s = AppState(width: 120, height: 40)
        try press(.left, on: .rotation, at: 1000, &s)
        _ = update(&s, .key(.tab))
        try press(.left, on: .rotation, at: 1200, &s)
        #expect(s.zoomedPane == .rotation)
    }

    @Test func theWheelStepsTheLookbackAndStopsAtTheEnds() throws {
        var s = AppState(width: 120, height: 40)
        try press(.wheelUp, on: .mag7, at: 0, &s)
        #expect(s.lookback == .months6 && s.focus == .rotation)
        try press(.wheelDown, on: .rates, at: 10, &s)
        try press(.wheelDown, on: .rates, at: 20, &s)
        #expect(s.lookback == .years2)
        for ms in 0..<10 { try press(.wheelDown, on: .rates, at: 30 + ms, &s) }
        #expect(s.lookback == .years5)
        for ms in 0..<10 { try press(.wheelUp, on: .rotation, at: 50 + ms, &s) }
        #expect(s.lookback == .month1)
        // Wheel over the status bar: nothing.
        _ = update(&s, .mouse(MouseEvent(.wheelDown, x: 10, y: 39), at: .seconds(1)))
        #expect(s.lookback == .month1)
    }

    @Test func theHelpTakesTheWheelAndIgnoresClicks() throws {
        var s = AppState(width: 80, height: 24)
        _ = update(&s, .key(.character("?")))
        try press(.left, on: .mag7, at: 0, &s)
        try press(.left, on: .mag7, at: 100, &s)
        #expect(s.showingHelp && s.focus == .rotation && !s.zoomed)
        _ = update(&s, .mouse(MouseEvent(.wheelDown, x: 10, y: 10), at: .seconds(1)))
        _ = update(&s, .mouse(MouseEvent(.wheelDown, x: 10, y: 10), at: .seconds(1)))
        #expect(s.helpScroll == 2 * AppState.wheelLines && s.lookback == .year1)
        _ = update(&s, .mouse(MouseEvent(.wheelUp, x: 10, y: 10), at: .seconds(1)))
        #expect(s.helpScroll == AppState.wheelLines)
        for _ in 0..<5 { _ = update(&s, .mouse(MouseEvent(.wheelUp, x: 10, y: 10), at: .seconds(1))) }
        #expect(s.helpScroll == 0)
    }

    @Test func theFeedsOverlayAndMouseOffIgnoreIt() throws {
        var feeds = AppState(width: 120, height: 40)
        feeds.showingFeeds = true
        try press(.left, on: .rates, at: 0, &feeds)
        try press(.wheelUp, on: .rates, at: 10, &feeds)
        #expect(feeds.focus == .rotation && feeds.lookback == .year1)

        var off = AppState(width: 120, height: 40)
        off.mouse = false
        try press(.left, on: .rates, at: 0, &off)
        try press(.left, on: .rates, at: 100, &off)
        try press(.wheelUp, on: .rates, at: 200, &off)
        #expect(off == { var s = AppState(width: 120, height: 40); s.mouse = false; return s }())
    }

    /// Through the dashboard's `update`, at the latest tick's time, as the loop sends it.
    @Test func theDashboardPassesClicksOn() throws {
        var state = DashboardState(app: AppState(width: 120, height: 40), model: DashboardModel(data: MarketData()),
                                   report: FeedReport(summary: ""), feed: .live(LiveCursor(version: 0)))
        let (x, y) = try cell(of: .breadth, in: state.app)
        _ = update(&state, .tick(at: .seconds(2), clock: ""))
        _ = update(&state, .app(.mouse(MouseEvent(.left, x: x, y: y), at: state.now)))
        _ = update(&state, .tick(at: .milliseconds(2300), clock: ""))
        _ = update(&state, .app(.mouse(MouseEvent(.left, x: x, y: y), at: state.now)))
        #expect(state.app.zoomedPane == .breadth)
    }
}
