import RotorCore
import Testing
@testable import RotorUI

/// The help overlay as `view` draws it at the three sizes, and its scrolling keys
/// through `update`.
@Suite struct HelpTests {
    static let sizes = [(80, 24), (120, 40), (200, 60)]

    func opened(_ width: Int, _ height: Int) -> AppState {
        var s = AppState(width: width, height: height)
        _ = update(&s, .key(.character("?")))
        return s
    }

    func screen(_ s: AppState) -> [String] {
        view(s, model: DashboardModel(data: MarketData()), asOf: nil, mode: "REPLAY").lines()
    }

    /// Every line of the help, from top to bottom, a page at a time.
    func everything(_ width: Int, _ height: Int) -> String {
        var s = opened(width, height)
        var seen = screen(s).joined(separator: "\n")
        while true {
            let before = s.helpScroll
            _ = update(&s, .key(.pageDown))
            if s.helpScroll == before { return seen }
            seen += "\n" + screen(s).joined(separator: "\n")
        }
    }

    @Test(arguments: sizes) func closeAndQuitAlwaysShowAndTheStatusBarStays(width: Int, height: Int) {
        var s = opened(width, height)
        for key: Key in [.home, .pageDown, .pageDown, .end] {
            _ = update(&s, .key(key))
            let lines = screen(s)
            #expect(lines.count == height)
            #expect(lines.contains { $0.contains("Esc ? close   q Ctrl-C quit") }, "\(width)x\(height) after \(key)")
            #expect(lines.last!.hasPrefix(" REPLAY") && lines.last!.hasSuffix("? help"))
            // Nothing in the help is cut: definitions wrap instead.
            #expect(!lines.dropLast().contains { $0.contains("…") })
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= width })
        }
    }

    @Test func eightyByTwentyFourScrollsWithAHint() {
        var s = opened(80, 24)
        let layout = s.help.layout(in: s.helpArea)
        #expect(layout.columns == 1 && layout.maxScroll > 0)
        #expect(screen(s)[21].hasSuffix("↓ \(layout.maxScroll) more ┃"))
        _ = update(&s, .key(.character("j")))
        _ = update(&s, .key(.down))
        #expect(s.helpScroll == 2)
        _ = update(&s, .key(.character("k")))
        _ = update(&s, .key(.up))
        _ = update(&s, .key(.up))
        #expect(s.helpScroll == 0)
        _ = update(&s, .key(.pageDown))
        #expect(s.helpScroll == layout.rows - 1)
        _ = update(&s, .key(.character("}")))
        #expect(s.helpScroll == 2 * (layout.rows - 1))
        _ = update(&s, .key(.pageUp))
        #expect(s.helpScroll == layout.rows - 1)
        _ = update(&s, .key(.end))
        #expect(s.helpScroll == layout.maxScroll)
        _ = update(&s, .key(.pageDown))
        _ = update(&s, .key(.character("j")))
        #expect(s.helpScroll == layout.maxScroll)
        #expect(screen(s)[21].hasSuffix("↑ \(layout.maxScroll) above ┃"))
        _ = update(&s, .key(.home))
        #expect(s.helpScroll == 0)
        // The scroll keys leave the panes alone, and reopening starts at the top.
        #expect(s.focus == .rotation && s.lookback == .year1 && !s.paused)
        _ = update(&s, .key(.end))
        _ = update(&s, .key(.escape))
        _ = update(&s, .key(.character("?")))
        #expect(s.showingHelp && s.helpScroll == 0)
    }

    @Test func aResizeKeepsTheScrollInRange() {
        // To a screen that holds the whole help: the scroll goes back to the top.
        var s = opened(80, 24)
        _ = update(&s, .key(.end))
        _ = update(&s, .resize(width: 200, height: 80))
        #expect(s.help.layout(in: s.helpArea).maxScroll == 0)
        #expect(screen(s).contains { $0.contains("keys") })
        // One key up from the end at the new size is the top, not a long way back.
        _ = update(&s, .key(.character("k")))
        #expect(s.helpScroll == 0)
        // To a larger screen that still scrolls (200x60): it shows the end of the new
        // layout, and one key up goes from there.
        var t = opened(80, 24)
        _ = update(&t, .key(.end))
        _ = update(&t, .resize(width: 200, height: 60))
        let wide = t.help.layout(in: t.helpArea)
        #expect(wide.maxScroll > 0 && wide.hidden(scroll: t.helpScroll) == (wide.maxScroll, 0))
        _ = update(&t, .key(.character("k")))
        #expect(t.helpScroll == wide.maxScroll - 1)
    }

    /// Wide screens use as many columns as fit at a readable width: three at 200
    /// columns (where a tall enough screen shows it all at once), two at 120. With the
    /// two built-in pages and their glossary the help is longer than three columns of
    /// 200x60 (four would be narrower than `minimumColumn`), so there it scrolls.
    @Test func wideScreensUseColumns() {
        let wide = opened(200, 60)
        #expect(wide.help.layout(in: wide.helpArea).columns == HelpOverlay.maximumColumns)
        let tall = opened(200, 80)
        let whole = tall.help.layout(in: tall.helpArea)
        #expect(whole.columns == HelpOverlay.maximumColumns && whole.maxScroll == 0)
        let mid = opened(120, 40)
        #expect(mid.help.layout(in: mid.helpArea).columns == 2)
    }

    /// Every term the issue names, and every unit, is explained at every size.
    @Test(arguments: sizes) func theGlossaryExplainsEveryTermOnScreen(width: Int, height: Int) {
        let text = everything(width, height)
        for term in ["pct", "percentile rank of the last 252 sessions", "z-score", "bp", "basis point", "pts", "MI",
                     "nats", "%/100bp", "RV20", "IV/RV", "IV<RV", "A/D", "McClellan", "NH-NL", "dispersion", "2s10s",
                     "bull", "bear", "steepener", "flattener", "flat", "EXTREME", "EXTREME HIGH", "REVERSING", "stale",
                     "MI spike", "corr20", "corr60", "net adv", "% > 50d", "10d spread", "spread z", "50d avg", "⚑",
                     "+N more", "session", "click", "double click", "wheel", "COR1M", "RC20", "CORR HIGH"] {
            #expect(text.contains(term), "\(term) at \(width)x\(height)")
        }
    }

    /// The flags' words quote the thresholds in force.
    @Test func theGlossaryQuotesTheConfiguredThresholds() {
        var s = opened(200, 60)
        s.thresholds.breadthHigh = 97.5
        s.thresholds.rotationZ = 1.5
        s.thresholds.reversalRows = 3
        let text = s.help.sections.flatMap(\.entries).map(\.text).joined(separator: "\n")
        #expect(text.contains("pct 97.5 or above") && text.contains("at or above +1.5, lagging at or below -1.5"))
        #expect(text.contains("previous 3 sessions") && text.contains("EXTREME LOW: at pct 5 or below"))
    }

    @Test func mouseLinesOnlyWhenTheMouseIsOn() {
        var s = opened(200, 60)
        #expect(screen(s).joined().contains("double click"))
        s.mouse = false
        #expect(!screen(s).joined().contains("double click"))
    }

    /// A remapped close or quit key is the one the footer names.
    @Test func theFooterFollowsTheKeyMap() {
        var s = AppState(width: 80, height: 24)
        s.keys = KeyMap.standard.rebinding([.help: [.function(1)], .quit: [.character("x")]])
        _ = update(&s, .key(.function(1)))
        #expect(screen(s).contains { $0.contains("Esc F1 close   x quit") })
    }
}
