import Testing
@testable import RotorUI

private func flag(_ severity: FlagSeverity, _ subject: String, _ word: String, brief: String? = nil) -> ActiveFlag {
    ActiveFlag(severity, word, brief: brief, subject: subject)
}

@Suite struct AlertStripTests {
    /// The example, given in pane order (a warning first).
    let strip = AlertStrip([
        flag(.warn, "VIX", "IV<RV"),
        flag(.alert, "RTY/ES", "EXTREME", brief: "leading"),
        flag(.state, "RATES", "bull steepener"),
        flag(.alert, "BREADTH", "EXTREME LOW"),
    ])

    @Test func mostSevereFirstThenPaneOrderAndNoStates() {
        #expect(strip.flags.map(\.subject) == ["RTY/ES", "BREADTH", "VIX"])
        #expect(strip.line(width: 200).map(text) == "⚑ RTY/ES EXTREME leading · BREADTH EXTREME LOW · VIX IV<RV")
    }

    @Test func shortensEveryFlagBeforeLeavingOneOut() {
        // 58 columns fit all in full; one fewer drops the brief, all three stay.
        #expect(strip.line(width: 58).map(text) == "⚑ RTY/ES EXTREME leading · BREADTH EXTREME LOW · VIX IV<RV")
        #expect(strip.line(width: 57).map(text) == "⚑ RTY/ES EXTREME · BREADTH EXTREME LOW · VIX IV<RV")
        #expect(strip.line(width: 50).map(text) == "⚑ RTY/ES EXTREME · BREADTH EXTREME LOW · VIX IV<RV")
    }

    @Test func countsWhatDoesNotFit() {
        #expect(strip.line(width: 49).map(text) == "⚑ RTY/ES EXTREME leading · BREADTH EXTREME LOW +1")
        #expect(strip.line(width: 41).map(text) == "⚑ RTY/ES EXTREME · BREADTH EXTREME LOW +1")
        #expect(strip.line(width: 40).map(text) == "⚑ RTY/ES EXTREME leading +2")
        #expect(strip.line(width: 26).map(text) == "⚑ RTY/ES EXTREME +2")
        #expect(strip.line(width: 19).map(text) == "⚑ RTY/ES EXTREME +2")
        #expect(strip.line(width: 18).map(text) == "⚑ EXTREME +2")
        #expect(strip.line(width: 11).map(text) == "⚑ 3")
        #expect(strip.line(width: 3).map(text) == "⚑ 3")
        #expect(strip.line(width: 2) == nil)
        #expect(AlertStrip([]).line(width: 80) == nil)
        #expect(AlertStrip([flag(.state, "RATES", "flat")]).isEmpty)
    }

    /// Pairs of one pane flagged alike are one entry; other panes' stay apart.
    @Test func alikeFlagsOfAPaneAreOneEntry() {
        func pair(_ implied: String, pane: String = "vol") -> ActiveFlag {
            var f = flag(.warn, implied, "IV<RV")
            f.pane = pane
            return f
        }
        let strip = AlertStrip([pair("VIX"), pair("VXN"), flag(.warn, "BREADTH", "REVERSING", brief: "from HIGH"),
                                pair("RVX"), pair("ZZZ", pane: "other")])
        #expect(strip.line(width: 200).map(text) == "⚑ VIX,VXN,RVX IV<RV · BREADTH REVERSING from HIGH · ZZZ IV<RV")
        #expect(strip.line(width: 30).map(text) == "⚑ VIX,VXN,RVX IV<RV +2")
    }

    @Test func inTheColourOfItsSeverity() throws {
        let line = try #require(strip.line(width: 200))
        #expect(line.spans.first == Span("⚑ ", style: Style.role(.alert).bold()))
        #expect(line.spans.contains(Span("EXTREME", style: Style.role(.alert).bold())))
        #expect(line.spans.contains(Span("IV<RV", style: Style.role(.warn).bold())))
        #expect(line.spans.contains(Span("VIX ", style: .role(.warn))))
        let warnings = AlertStrip([flag(.warn, "VIX", "IV<RV"), flag(.warn, "VXN", "IV<RV")])
        #expect(warnings.line(width: 12)?.spans.first == Span("⚑ ", style: Style.role(.warn).bold()))
        // The count of hidden flags is in the colour of the most severe of them.
        let hidden = try #require(AlertStrip([flag(.warn, "VIX", "IV<RV"), flag(.alert, "RTY/ES", "EXTREME")]).line(width: 20))
        #expect(text(hidden) == "⚑ RTY/ES EXTREME +1")
        #expect(hidden.spans.last == Span(" +1", style: Style.role(.warn).bold()))
    }

    private func text(_ line: TextLine) -> String { line.spans.map(\.text).joined() }
}

@Suite struct FlagRowTests {
    let breadth = ActiveFlag(.alert, "EXTREME LOW", detail: [FlagDetail("% > 50d at pct 1", or: "pct 1"),
                                                             FlagDetail("of its year", or: "of 1y")])
    let reversing = ActiveFlag(.warn, "REVERSING", detail: [FlagDetail("from EXTREME HIGH", or: "from HIGH"), "(pct 93)"])

    private func text(_ line: TextLine) -> String { line.spans.map(\.text).joined() }

    @Test func theWholeRowWhenItFits() {
        #expect(text(breadth.row(width: 40)) == "EXTREME LOW % > 50d at pct 1 of its year")
        #expect(breadth.row(width: 40).spans.first == Span("EXTREME LOW", style: Style.role(.alert).bold()))
        #expect(breadth.row(width: 40).spans.last == Span(" of its year", style: .role(.alert)))
    }

    /// The detail gives way part by part from its end, each part first to its
    /// shorter form; an ellipsis only on words, never on a number or the flag word.
    @Test func theDetailGivesWayNeverTheWord() {
        #expect(text(breadth.row(width: 39)) == "EXTREME LOW % > 50d at pct 1 of 1y")
        #expect(text(breadth.row(width: 33)) == "EXTREME LOW % > 50d at pct 1")
        #expect(text(breadth.row(width: 27)) == "EXTREME LOW pct 1 of 1y")
        #expect(text(breadth.row(width: 22)) == "EXTREME LOW pct 1")
        #expect(text(breadth.row(width: 16)) == "EXTREME LOW")
        #expect(text(breadth.row(width: 11)) == "EXTREME LOW")
        #expect(text(reversing.row(width: 36)) == "REVERSING from EXTREME HIGH (pct 93)")
        #expect(text(reversing.row(width: 35)) == "REVERSING from EXTREME HIGH")
        #expect(text(reversing.row(width: 26)) == "REVERSING from HIGH")
        #expect(text(reversing.row(width: 18)) == "REVERSING")
        // Words alone (no digits, no shorter form) are cut with `…` when at least 6
        // columns are left.
        let words = ActiveFlag(.alert, "ZN", detail: ["at or above the 114 line", "since the open"])
        #expect(text(words.row(width: 36)) == "ZN at or above the 114 line since t…")
        #expect(text(words.row(width: 30)) == "ZN at or above the 114 line")
        for width in 11...60 {
            let row = text(breadth.row(width: width)), rev = text(reversing.row(width: max(9, width)))
            #expect(row.hasPrefix("EXTREME LOW") && row.count <= width && !row.contains("…"), "\(width): \(row)")
            #expect(rev.hasPrefix("REVERSING") && rev.count <= max(9, width) && !rev.contains("…"), "\(width): \(rev)")
        }
    }

    /// Pairs flagged alike share a row; one alone keeps its detail.
    @Test func sameWordsShareARow() {
        func pair(_ p: String) -> ActiveFlag { ActiveFlag(.warn, "IV<RV", detail: [FlagDetail(p), "premium -1.00 pts"]) }
        let merged = ActiveFlag.mergingSameWord([pair("VIX/ES"), breadth, pair("RVX/RTY")])
        #expect(merged.map { text($0.row(width: 60)) } == ["IV<RV VIX/ES · RVX/RTY", "EXTREME LOW % > 50d at pct 1 of its year"])
        #expect(ActiveFlag.mergingSameWord([pair("VXN/NQ")]).map { text($0.row(width: 60)) } == ["IV<RV VXN/NQ premium -1.00 pts"])
    }

    @Test func aLabelGoesBeforeTheWord() {
        let curve = ActiveFlag(.state, "bull steepener", label: "curve 20d")
        #expect(text(curve.row(width: 24)) == "curve 20d bull steepener")
        #expect(text(curve.row(width: 23)) == "bull steepener")
        #expect(curve.row(width: 24).spans[0].style == .role(.dim))
        #expect(curve.row(width: 24).spans[1].style == Style.role(.title).bold())
        #expect(!curve.isRaised)
    }

    @Test func stripForms() {
        let rotation = ActiveFlag(.alert, "EXTREME", brief: "leading", subject: "RTY/ES")
        #expect(rotation.strip(.full).map(\.text).joined() == "RTY/ES EXTREME leading")
        #expect(rotation.strip(.withoutBrief).map(\.text).joined() == "RTY/ES EXTREME")
        #expect(rotation.strip(.wordOnly).map(\.text).joined() == "EXTREME")
        // A user's flag whose text is the pane's title is not named twice.
        #expect(ActiveFlag(.alert, "ZN", subject: "ZN").strip(.full).map(\.text).joined() == "ZN")
    }
}
