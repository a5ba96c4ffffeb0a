import Foundation
import RotorConfig
import RotorCore
import RotorData
import RotorUI
import Testing

/// Whole-dashboard golden screens on the bundled demo at a fixed replay date, as
/// text. A missing or changed baseline fails; `ROTOR_RECORD_GOLDEN=1 swift test`
/// writes the current screens as the new baselines (then review the diff).
@Suite struct GoldenScreenTests {
    /// The bundled demo as its config shows it: the demo data, the FOMC and CPI days.
    static let model: DashboardModel? = (try? DataFolder.load(
        RotorProcess.repositoryRoot.appendingPathComponent("Samples/demo").path)).map { data in
            var model = DashboardModel(data: data)
            model.events = (try? EventsFile.calendar([RotorProcess.repositoryRoot.appendingPathComponent("Samples/events.csv").path]))
                ?? EventCalendar()
            return model
        }
    static let asOf = Day(year: 2026, month: 6, day: 30)!
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func screen(_ width: Int, _ height: Int, at date: Day = asOf,
                       _ configure: (inout AppState) -> Void = { _ in }) throws -> String {
        let model = try #require(Self.model)
        var state = AppState(width: width, height: height)
        configure(&state)
        return view(state, model: model, asOf: date, mode: "REPLAY").lines().joined(separator: "\n") + "\n"
    }

    static func zoomed(_ pane: Int, _ width: Int = 120, _ height: Int = 40, at date: Day = asOf,
                       volPair: Int = 0) throws -> String {
        try screen(width, height, at: date) { $0.focus = pane; $0.zoomed = true; $0.views["vol"] = volPair }
    }

    func check(_ name: String, _ actual: String) throws {
        let url = Self.folder.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["ROTOR_RECORD_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded \(name).txt: review it and run again without ROTOR_RECORD_GOLDEN")
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no baseline \(name).txt: run with ROTOR_RECORD_GOLDEN=1 to record it")
            return
        }
        #expect(actual == expected, "screen \(name) differs from Golden/\(name).txt")
    }

    @Test func dashboardAt80x24() throws { try check("dashboard-80x24", Self.screen(80, 24)) }
    @Test func dashboardAt120x40() throws { try check("dashboard-120x40", Self.screen(120, 40)) }
    @Test func dashboardAt200x60() throws { try check("dashboard-200x60", Self.screen(200, 60)) }
    @Test(arguments: Int.standardPlaces) func eachPaneZoomed(pane: Int) throws {
        try check("zoom-\(pane + 1)-120x40", Self.zoomed(pane))
    }

    /// A date for each flag, with the flag asserted on the screen as well as in the baseline.
    @Test func rotationExtreme() throws {
        let date = Day(year: 2024, month: 7, day: 17)!
        let s = try Self.screen(120, 40, at: date)
        #expect(s.contains("EXTREME small caps leading"))
        try check("flags-2024-07-17-120x40", s)
        try check("flags-2024-07-17-80x24", Self.screen(80, 24, at: date))
    }

    @Test func impliedBelowRealized() throws {
        let date = Day(year: 2025, month: 7, day: 31)!
        let s = try Self.zoomed(.volPremium, at: date, volPair: 2)
        #expect(s.contains("IV<RV") && s.contains("RVX implied") && s.contains("RV20 RTY"))
        try check("flags-2025-07-31-vol-rvx-120x40", s)
    }

    @Test func breadthExtremesAndReversal() throws {
        let high = try Self.zoomed(.breadth, at: Day(year: 2025, month: 9, day: 18)!)
        #expect(high.contains("EXTREME HIGH"))
        try check("flags-2025-09-18-breadth-120x40", high)
        let reversing = try Self.zoomed(.breadth, at: Day(year: 2025, month: 9, day: 24)!)
        #expect(reversing.contains("REVERSING from EXTREME HIGH"))
        try check("flags-2025-09-24-breadth-120x40", reversing)
        let low = try Self.screen(200, 60, at: Day(year: 2024, month: 12, day: 13)!)
        #expect(low.contains("EXTREME LOW"))
        try check("flags-2024-12-13-200x60", low)
    }

    /// Breadth at its 1st percentile, whole in its pane and named in the status bar
    /// at the three sizes, and while pane 1 is zoomed (issue 13).
    @Test func breadthLowAtEverySizeAndUnderZoom() throws {
        let date = Day(year: 2025, month: 4, day: 8)!
        for (width, height) in [(80, 24), (120, 40), (200, 60)] {
            let s = try Self.screen(width, height, at: date)
            #expect(s.contains("│EXTREME LOW ") && s.contains("⚑ BREADTH EXTREME LOW"), "\(width)x\(height)")
            try check("flags-2025-04-08-\(width)x\(height)", s)
        }
        let zoomed = try Self.zoomed(.rotation, at: date)
        #expect(zoomed.contains("⚑ BREADTH EXTREME LOW"))
        try check("flags-2025-04-08-zoom-1-120x40", zoomed)
    }

    @Test func curveRegimeInWords() throws {
        for (date, regime) in [(Day(year: 2024, month: 7, day: 17)!, "bull steepener"),
                               (Day(year: 2025, month: 7, day: 31)!, "bear flattener")] {
            #expect(try Self.zoomed(.rates, at: date).contains("curve 20d " + regime))
        }
    }

    /// A symbol missing from the data: the pane names it and how to add it, and shows
    /// everything else it can.
    @Test func missingSymbolIsNamedAndTheRestStays() throws {
        var data = try DataFolder.load(RotorProcess.repositoryRoot.appendingPathComponent("Samples/demo").path)
        data.symbols["RVX"] = nil
        let model = DashboardModel(data: data)
        var state = AppState(width: 120, height: 40)
        state.focus = .volPremium
        state.zoomed = true
        let s = view(state, model: model, asOf: Self.asOf, mode: "REPLAY").lines().joined(separator: "\n")
        #expect(s.contains("no data for RVX: add RVX.csv or map RVX in the config"))
        #expect(s.contains("VIX/ES") && s.contains("VXN/NQ") && s.contains("premium +5.79 pts"))
        #expect(!s.contains("RVX/RTY 0"))
    }

    /// A failing feed marks exactly the panes that read it, and a universe that is
    /// still loading says how far it has got on the breadth pane.
    @Test func feedProblemsAndProgressReachTheirPanes() throws {
        let model = try #require(Self.model)
        let report = FeedReport(summary: "feeds 15/16 ok, 1 with problems", lines: ["ES (yahoo ES=F) FAILING"],
                                problems: ["ES": "connection refused since 10:00:00"],
                                progress: ["@universe": "loading 3/100"])
        let state = AppState(width: 200, height: 60)
        let canvas = view(state, model: model, asOf: Self.asOf, mode: "LIVE", feeds: report)
        guard case let .panes(rects, _) = state.layout else { Issue.record("layout"); return }
        func text(_ pane: Int) -> String {
            let r = rects[pane]!
            return canvas.lines()[r.y..<r.maxY].map { String($0.dropFirst(r.x).prefix(r.width)) }.joined(separator: "\n")
        }
        for pane in [Int.rotation, .volPremium, .rates] {
            #expect(text(pane).contains("⚠ ES: connection refused since 10:00:00 (f: feeds)"), "\(pane)")
        }
        #expect(!text(.mag7).contains("⚠") && !text(.breadth).contains("⚠"))
        #expect(text(.breadth).contains("@universe loading 3/100"))
        #expect(canvas.lines().last!.contains("feeds 15/16 ok, 1 with problems  @universe loading 3/100"))
        var overlay = state
        overlay.showingFeeds = true
        #expect(view(overlay, model: model, asOf: Self.asOf, mode: "LIVE", feeds: report).lines()
            .contains { $0.contains("ES (yahoo ES=F) FAILING") })
    }

    /// Short of rows, a pane keeps its first row of numbers and its flags, and lets
    /// the later rows of numbers go.
    @Test func aShortPaneKeepsItsFlag() throws {
        let model = try #require(Self.model)
        let reader = PaneReader(model: model, asOf: Day(year: 2024, month: 7, day: 17)!, lookback: .year1)
        var canvas = Canvas(width: 40, height: 5)
        canvas.render(PaneView(number: 1, title: "RTY/ES", content: model.panes[.rotation].content(reader), reader: reader,
                               isFocused: false), area: canvas.area)
        let lines = canvas.lines()
        #expect(lines[1].hasPrefix("│ratio 0.3937"))
        #expect(lines[2].hasPrefix("│20d +6.31%"))
        #expect(lines[3].hasPrefix("│EXTREME small caps leading"))
    }

    /// The help at each size: one column scrolling at 80x24, two at 120x40, all of it
    /// at 200x60; the status bar stays in sight below it.
    @Test func helpOverlay() throws {
        try check("help-80x24", Self.screen(80, 24) { $0.showingHelp = true })
        try check("help-120x40", Self.screen(120, 40) { $0.showingHelp = true })
        try check("help-200x60", Self.screen(200, 60) { $0.showingHelp = true })
        // Scrolled to the end by its keys: the glossary's last lines and the footer.
        try check("help-end-80x24", Self.screen(80, 24) { state in
            _ = update(&state, .key(.character("?")))
            _ = update(&state, .key(.end))
        })
    }
    /// On an FOMC day the status bar names it and the charts mark it at 80x24; the
    /// date labels stay whole (the legend is too narrow here for the kinds' key).
    @Test func eventDayAt80x24() throws {
        let s = try Self.screen(80, 24, at: Day(year: 2024, month: 7, day: 31)!)
        // Two flags are up (CORR HIGH and a page-2 CROWDED SHORT): at 80 columns the
        // next event gives way to their words, as the status bar's ranks say; the
        // charts still mark the day, and at 120 columns the bar names it too.
        #expect(s.split(separator: "\n").last!.contains("⚑ COR1M CORR HIGH · ES LF CROWDED SHORT"))
        let wide = try Self.screen(120, 40, at: Day(year: 2024, month: 7, day: 31)!)
        #expect(wide.split(separator: "\n").last!.contains("2024-07-31  FOMC rate decision"))
        #expect(s.contains("◆ Jul 24") && s.contains("Aug 23"))
        try check("events-2024-07-31-80x24", s)
        let before = try Self.screen(200, 60, at: Day(year: 2024, month: 7, day: 29)!)
        #expect(before.split(separator: "\n").last!.contains("2024-07-29  FOMC in 2d"))
    }

    /// Samples/panes.toml's ZN pane zoomed: the `[[levels]]` ZN 114 line, the FOMC
    /// and CPI marks on the time axis and in the legend, the next event in the bar.
    @Test func levelLineAndEventMarksOnAUserPane() throws {
        let path = RotorProcess.repositoryRoot.appendingPathComponent("Samples/panes.toml").path
        let config = try RotorConfig.load(path)
        let data = try DataFolder.load(RotorProcess.repositoryRoot.appendingPathComponent("Samples/demo").path)
        var model = DashboardModel(data: data, panes: config.paneSpecs, roles: config.roles, thresholds: config.thresholds)
        model.events = try EventsFile.calendar(config.eventPaths(configPath: path))
        var state = AppState(width: 120, height: 40)
        state.panes = config.paneSet
        (state.page, state.focus) = try #require(state.panes.place(of: "zn"))
        state.zoomed = true
        let s = view(state, model: model, asOf: Self.asOf, mode: "REPLAY").lines().joined(separator: "\n") + "\n"
        #expect(s.contains("ZN 114┃") && s.contains("━ ZN  ━ 50d avg   axis: ZN, 50d avg and ZN 114, 1Y   ◆ FOMC  ● CPI"))
        #expect(s.split(separator: "\n").last!.contains("2026-06-30  CPI in 14d"))
        try check("context-zn-2026-06-30-120x40", s)
    }

    @Test func tooSmall() throws { try check("too-small-40x10", Self.screen(40, 10)) }
    @Test func lookbackAndFocus() throws {
        try check("focus3-3m-120x40", Self.screen(120, 40) { $0.focus = .volPremium; $0.lookback = .months3 })
    }
}
