import Testing
@testable import RotorUI

/// Every key of DESIGN.md's table, through `update`.
@Suite struct UpdateTests {
    func run(_ keys: [Key], from state: AppState = AppState(width: 120, height: 40)) -> (AppState, [Effect]) {
        var s = state
        var effects: [Effect] = []
        for key in keys { effects += update(&s, .key(key)) }
        return (s, effects)
    }

    @Test func tabAndShiftTabCycleFocus() {
        #expect(run([.tab]).0.focus == .mag7)
        #expect(run([.tab, .tab, .tab, .tab, .tab]).0.focus == .rotation)
        #expect(run([.backTab]).0.focus == .rates)
    }

    @Test func hjklAndArrowsMoveOnScreen() {
        #expect(run([.character("l")]).0.focus == .mag7)
        #expect(run([.right, .down]).0.focus == .rates)
        #expect(run([.character("j"), .character("l"), .character("k")]).0.focus == .rotation)
        #expect(run([.left]).0.focus == .rotation) // at the edge: stays
        #expect(run([.down, .up]).0.focus == .rotation)
    }

    @Test func digitsFocusPanes() {
        for pane in PaneID.allCases {
            #expect(run([.character(Character(String(pane.rawValue)))]).0.focus == pane)
        }
        #expect(run([.character("6")]).0.focus == .rotation)
    }

    @Test func zoomToggleAndEscape() {
        #expect(run([.character("3"), .enter]).0.zoomed == .volPremium)
        #expect(run([.character("z"), .character("z")]).0.zoomed == nil)
        #expect(run([.enter, .escape]).0.zoomed == nil)
        // Moving focus while zoomed shows the next pane zoomed.
        let (s, _) = run([.enter, .tab])
        #expect(s.focus == .mag7 && s.zoomed == .mag7)
        #expect(run([.enter, .character("4")]).0.zoomed == .breadth)
        #expect(run([.enter, .right]).0.zoomed == .mag7)
    }

    @Test func lookbackStepsAndStops() {
        #expect(run([.character("[")]).0.lookback == .months6)
        #expect(run([.character("]")]).0.lookback == .years2)
        #expect(run(Array(repeating: .character("["), count: 9)).0.lookback == .month1)
        #expect(run(Array(repeating: .character("]"), count: 9)).0.lookback == .years5)
        #expect(Lookback.allCases.map(\.label) == ["1M", "3M", "6M", "1Y", "2Y", "5Y"])
    }

    @Test func vCyclesTheVolPairOnlyWhenTheVolPaneHasFocus() {
        #expect(run([.character("3"), .character("v"), .character("v")]).0.volPair == 2)
        #expect(run([.character("v")]).0.volPair == 0)
    }

    @Test func tAsksForTheNextTheme() {
        #expect(run([.character("t")]).1 == [.nextTheme])
    }

    /// A config's key map moves actions to other keys, and the help says so.
    @Test func remappedKeys() {
        var state = AppState(width: 120, height: 40)
        state.keys = KeyMap.standard.rebinding([.zoom: [.character("x")], .quit: [.character("Q")]])
        #expect(run([.character("x")], from: state).0.zoomed == .rotation)
        #expect(run([.character("z")], from: state).0.zoomed == nil)
        #expect(!run([.character("q")], from: state).0.quitting)
        #expect(run([.character("Q")], from: state).0.quitting)
        #expect(run([.control("c")], from: state).0.quitting)
        #expect(state.keys.helpLines.contains { $0.hasPrefix("x ") && $0.hasSuffix("zoom the focused pane; again to return") })
        // A key taken by another action leaves the old one.
        let moved = KeyMap.standard.rebinding([.help: [.character("p")]])
        #expect(moved.action(for: .character("p")) == .help && moved.bindings[.pause] == [.character(" ")])
    }

    @Test func keyNamesAsTheConfigWritesThem() {
        #expect(KeyMap.parseKey("space") == .character(" "))
        #expect(KeyMap.parseKey("Shift-Tab") == .backTab)
        #expect(KeyMap.parseKey("ctrl-x") == .control("x"))
        #expect(KeyMap.parseKey("F5") == .function(5))
        #expect(KeyMap.parseKey("[") == .character("["))
        #expect(KeyMap.parseKey("qq") == nil && KeyMap.parseKey("f13") == nil && KeyMap.parseKey("") == nil)
    }

    @Test func pauseSnapshotRefresh() {
        #expect(run([.character(" ")]).0.paused)
        #expect(!run([.character("p"), .character("p")]).0.paused)
        #expect(run([.character("s")]).1 == [.saveSnapshot])
        #expect(run([.character("r")]).1 == [.refreshFeeds])
    }

    @Test func helpTakesTheKeyboardUntilClosed() {
        let (open, _) = run([.character("?")])
        #expect(open.showingHelp)
        let (stillOpen, effects) = run([.tab, .character("s"), .enter], from: open)
        #expect(stillOpen.showingHelp && stillOpen.focus == .rotation && stillOpen.zoomed == nil && effects.isEmpty)
        #expect(!run([.escape], from: open).0.showingHelp)
        #expect(!run([.character("?")], from: open).0.showingHelp)
        #expect(run([.character("q")], from: open).0.quitting)
        // One line per action, each with its keys.
        let help = KeyMap.standard.helpLines
        #expect(help.count == Action.allCases.count)
        #expect(help.contains { $0.hasPrefix("v ") } && help.contains { $0.hasPrefix("q Ctrl-C") })
    }

    @Test func quitKeys() {
        #expect(run([.character("q")]).0.quitting)
        #expect(run([.control("c")]).0.quitting)
        #expect(!run([.character("x"), .function(5)]).0.quitting)
    }

    @Test func resizeAndNotices() {
        var s = AppState(width: 120, height: 40)
        _ = update(&s, .resize(width: 40, height: 10))
        #expect(s.layout == .tooSmall(message: "terminal too small (need 60x16)"))
        _ = update(&s, .notice("saved rotor-20261120-143205.txt"))
        #expect(s.notice == "saved rotor-20261120-143205.txt")
    }
}
