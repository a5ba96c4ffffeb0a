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
        for pane in Int.standardPlaces {
            #expect(run([.character(Character(String(pane + 1)))]).0.focus == pane)
        }
        #expect(run([.character("6")]).0.focus == .rotation)
    }

    @Test func zoomToggleAndEscape() {
        #expect(run([.character("3"), .enter]).0.zoomedPane == .volPremium)
        #expect(run([.character("z"), .character("z")]).0.zoomedPane == nil)
        #expect(run([.enter, .escape]).0.zoomedPane == nil)
        // Moving focus while zoomed shows the next pane zoomed.
        let (s, _) = run([.enter, .tab])
        #expect(s.focus == .mag7 && s.zoomedPane == .mag7)
        #expect(run([.enter, .character("4")]).0.zoomedPane == .breadth)
        #expect(run([.enter, .right]).0.zoomedPane == .mag7)
    }

    @Test func lookbackStepsAndStops() {
        #expect(run([.character("[")]).0.lookback == .months6)
        #expect(run([.character("]")]).0.lookback == .years2)
        #expect(run(Array(repeating: .character("["), count: 9)).0.lookback == .month1)
        #expect(run(Array(repeating: .character("]"), count: 9)).0.lookback == .years5)
        #expect(Lookback.allCases.map(\.label) == ["1M", "3M", "6M", "1Y", "2Y", "5Y"])
    }

    @Test func vCyclesTheVolPairOnlyWhenTheVolPaneHasFocus() {
        #expect(run([.character("3"), .character("v"), .character("v")]).0.views["vol"] == 2)
        #expect(run([.character("v")]).0.views["vol"] == nil)
    }

    @Test func tAsksForTheNextTheme() {
        #expect(run([.character("t")]).1 == [.nextTheme])
    }

    /// A config's key map moves actions to other keys, and the help says so.
    @Test func remappedKeys() {
        var state = AppState(width: 120, height: 40)
        state.keys = KeyMap.standard.rebinding([.zoom: [.character("x")], .quit: [.character("Q")]])
        #expect(run([.character("x")], from: state).0.zoomedPane == .rotation)
        #expect(run([.character("z")], from: state).0.zoomedPane == nil)
        #expect(!run([.character("q")], from: state).0.quitting)
        #expect(run([.character("Q")], from: state).0.quitting)
        #expect(run([.control("c")], from: state).0.quitting)
        #expect(state.keys.helpLines(for: state.panes).contains { $0.hasPrefix("x ") && $0.hasSuffix("zoom the focused pane; again to return") })
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
        #expect(stillOpen.showingHelp && stillOpen.focus == .rotation && stillOpen.zoomedPane == nil && effects.isEmpty)
        #expect(!run([.escape], from: open).0.showingHelp)
        #expect(!run([.character("?")], from: open).0.showingHelp)
        #expect(run([.character("q")], from: open).0.quitting)
        // One line per action that does something on the five panes of one page,
        // each with its keys: focus 6-9 and the page keys are left out.
        let firstPage = Array(PaneRegistry.builtins().prefix(PaneRegistry.builtinPageSizes[0]))
        let onePage = KeyMap.standard.helpLines(for: PaneSet(firstPage, builtinPageSizes: [firstPage.count]))
        #expect(onePage.count == Action.allCases.count - 4 - 11)
        // The built-ins' two pages (five panes, then two): next, previous, F1 and F2
        // join them; focus 6-9 and F3-F9 are still left out.
        let helpLines = KeyMap.standard.helpLines(for: .standard)
        #expect(helpLines.count == Action.allCases.count - 4 - 7)
        #expect(helpLines.contains { $0.hasPrefix("v ") } && helpLines.contains { $0.hasPrefix("q Ctrl-C") })
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
