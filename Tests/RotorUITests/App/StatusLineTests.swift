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

    /// What gives way, from 200 columns down to the narrowest dashboard (60).
    @Test func whatGivesWayFirst() {
        #expect(bar(200).hasPrefix(" REPLAY  1x  2025-04-08  1:RTY/ES  1Y  ⚑ RTY/ES EXTREME leading · BREADTH EXTREME LOW · VIX IV<RV  replay 26 symbols, @universe"))
        #expect(bar(200).hasSuffix("  ? help"))
        // The feeds summary went first, then (at 80) the speed and the help hint, and
        // the flags shortened; at 60 two are counted.
        #expect(bar(120) == " REPLAY  1x  2025-04-08  1:RTY/ES  1Y  ⚑ RTY/ES EXTREME leading · BREADTH EXTREME LOW · VIX IV<RV"
            + String(repeating: " ", count: 16) + "? help")
        #expect(bar(80) == " REPLAY  2025-04-08  1:RTY/ES  1Y  ⚑ RTY/ES EXTREME · BREADTH EXTREME LOW +1")
        #expect(bar(60) == " REPLAY  1x  2025-04-08  1:RTY/ES  1Y  ⚑ RTY/ES EXTREME +2")
    }

    @Test func pagesFocusLookbackAndPause() {
        let two = PaneSet(PaneRegistry.builtins() + [PaneDeclaration(name: "zn", title: "ZN 10Y NOTE").spec])
        #expect(bar(120, flags: []) { $0.panes = two; $0.page = 1; $0.lookback = .months3 }
            == " REPLAY  1x  2025-04-08  page 2/2 · 1:ZN 10Y NOTE  3M  replay 26 symbols, @universe" + String(repeating: " ", count: 30) + "? help")
        // Narrow, the word `page` goes before the flags' words.
        #expect(bar(80, flags: flags) { $0.panes = two; $0.focus = 2 } == " REPLAY  2025-04-08  page 1/2 · 3:VOL PREMIUM  1Y  ⚑ RTY/ES EXTREME leading +2")
        #expect(bar(60, flags: flags) { $0.panes = two; $0.focus = 2 } == " REPLAY  2025-04-08  1/2 3:VOL PREMIUM  1Y  ⚑ EXTREME +2")
        #expect(bar(80, flags: []) { $0.paused = true; $0.focus = 4 }
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
        #expect(bar(120, speed: nil).hasPrefix(" REPLAY  2025-04-08  1:RTY/ES"))
    }
}
