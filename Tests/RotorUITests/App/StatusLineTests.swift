import RotorCore
import Testing
@testable import RotorUI

@Suite struct StatusLineTests {
    let day = Day(year: 2025, month: 4, day: 8)!
    let flags = [ActiveFlag(.alert, "EXTREME", brief: "leading", subject: "RTY/ES"),
                 ActiveFlag(.alert, "EXTREME LOW", subject: "BREADTH"),
                 ActiveFlag(.warn, "IV<RV", subject: "VIX")]

    func bar(_ width: Int, speed: Double? = 1, flags: [ActiveFlag]? = nil, feeds: String = "replay 26 symbols, @universe",
             _ configure: (inout AppState) -> Void = { _ in }) -> String {
        var state = AppState(width: width, height: 24)
        configure(&state)
        let line = StatusLine(mode: "REPLAY", asOf: day, speed: speed, strip: AlertStrip(flags ?? self.flags),
                              feeds: FeedReport(summary: feeds))
        return Canvas.rendering(line.bar(state), width: width, height: 1).lines()[0]
    }

    /// What gives way, from 200 columns down to the narrowest dashboard (60), on the
    /// built-ins' two pages.
    @Test func whatGivesWayFirst() {
        #expect(bar(200).hasPrefix(" REPLAY  1x  2025-04-08  page 1/2 · 1:RTY/ES  1Y  ⚑ RTY/ES EXTREME leading · BREADTH EXTREME LOW · VIX IV<RV  replay 26 symbols, @universe"))
        #expect(bar(200).hasSuffix("  ? help"))
        // The feeds summary went first, then (at 80) the speed, the help hint and the
        // page, and the flags shortened; at 60 two are counted, and the short page
        // `1/2` takes the room the flags leave (the speed gives way before it).
        #expect(bar(120) == " REPLAY  1x  2025-04-08  page 1/2 · 1:RTY/ES  1Y  ⚑ RTY/ES EXTREME leading · BREADTH EXTREME LOW · VIX IV<RV"
            + String(repeating: " ", count: 5) + "? help")
        #expect(bar(80) == " REPLAY  2025-04-08  1:RTY/ES  1Y  ⚑ RTY/ES EXTREME · BREADTH EXTREME LOW +1")
        #expect(bar(60) == " REPLAY  2025-04-08  1/2 1:RTY/ES  1Y  ⚑ RTY/ES EXTREME +2")
        // On a single page there is no page to show: the speed takes that room at 60.
        #expect(bar(60) { $0.panes = Self.onePage } == " REPLAY  1x  2025-04-08  1:RTY/ES  1Y  ⚑ RTY/ES EXTREME +2")
        #expect(bar(120) { $0.panes = Self.onePage } == " REPLAY  1x  2025-04-08  1:RTY/ES  1Y  ⚑ RTY/ES EXTREME leading · BREADTH EXTREME LOW · VIX IV<RV"
            + String(repeating: " ", count: 16) + "? help")
    }

    /// Page 1's five built-ins as the only page.
    static let onePage: PaneSet = {
        let first = Array(PaneRegistry.builtins().prefix(PaneRegistry.builtinPageSizes[0]))
        return PaneSet(first, builtinPageSizes: [first.count])
    }()

    @Test func pagesFocusLookbackAndPause() {
        // The built-ins' two pages, then a user pane on page 3.
        let three = PaneSet(PaneRegistry.builtins() + [PaneDeclaration(name: "zn", title: "ZN 10Y NOTE").spec])
        #expect(bar(120, flags: []) { $0.panes = three; $0.page = 2; $0.lookback = .months3 }
            == " REPLAY  1x  2025-04-08  page 3/3 · 1:ZN 10Y NOTE  3M  replay 26 symbols, @universe" + String(repeating: " ", count: 30) + "? help")
        // The flags' words come before the page: at 80 the strip takes what it can
        // (the next flag's words would not fit) and the page shows in the room left;
        // at 60 the page gives way so the strip keeps the flag's subject.
        #expect(bar(80, flags: flags) { $0.panes = three; $0.focus = 2 } == " REPLAY  2025-04-08  page 1/3 · 3:VOL PREMIUM  1Y  ⚑ RTY/ES EXTREME leading +2")
        #expect(bar(60, flags: flags) { $0.panes = three; $0.focus = 2 } == " REPLAY  2025-04-08  3:VOL PREMIUM  1Y  ⚑ RTY/ES EXTREME +2")
        #expect(bar(80, flags: []) { $0.paused = true; $0.focus = 4 }
            == " REPLAY  2025-04-08  PAUSED  page 1/2 · 5:RATES x EQUITIES  1Y" + String(repeating: " ", count: 11) + "? help")
        // One page: no page number at all.
        #expect(bar(80, flags: []) { $0.panes = Self.onePage; $0.paused = true; $0.focus = 4 }
            == " REPLAY  2025-04-08  PAUSED  5:RATES x EQUITIES  1Y" + String(repeating: " ", count: 22) + "? help")
    }

    /// A notice (the answer to `s`) is cut to fit, never left out, and the flag count stays.
    @Test func aNoticeIsCutNotDropped() {
        let notice = "snapshot failed: cannot write a snapshot in /tmp/rotor-snapshots-0123456789: File too large"
        let line = bar(80) { $0.notice = notice }
        #expect(line.hasPrefix(" REPLAY  2025-04-08  ⚑ 3  snapshot failed: cannot write a snapshot in"), "\(line)")
        #expect(line.hasSuffix("…"))
    }

    @Test func speedLabels() {
        #expect(StatusLine.speedLabel(1) == "1x")
        #expect(StatusLine.speedLabel(2.5) == "2.5x")
        #expect(StatusLine.speedLabel(0.25) == "0.25x")
        #expect(StatusLine.speedLabel(1000) == "1000x")
        #expect(bar(120, speed: nil).hasPrefix(" REPLAY  2025-04-08  page 1/2 · 1:RTY/ES"))
    }
}
