import Foundation
import RotorCore
import RotorData
import RotorUI
import Testing

/// Issue 13 items 1, 2, 5 and 7 on the demo's screens: every flag up is whole in its
/// pane and named in the status bar at 80x24, 120x40 and 200x60, zoomed on another
/// pane and under the help overlay; MI in nats with its percentile; the sign colour as
/// shown; titles with the year; the status bar's focus, lookback and speed.
@Suite struct AlertStripScreenTests {
    static let sizes = [(80, 24), (120, 40), (200, 60)]

    /// The demo dates where a flag fires (README's panes section) and a word it shows.
    static let flagDates: [(date: String, word: String, pane: Int)] = [
        ("2024-07-17", "EXTREME", .rotation),
        ("2025-07-31", "IV<RV", .volPremium),
        ("2025-09-18", "EXTREME HIGH", .breadth),
        ("2025-09-24", "REVERSING", .breadth),
        ("2024-12-13", "EXTREME LOW", .breadth),
        ("2025-04-08", "EXTREME LOW", .breadth),
        ("2025-02-24", "MI spike", .rates),
        ("2024-07-11", "CORR HIGH", .mag7),
    ]

    func model() throws -> DashboardModel { try #require(GoldenScreenTests.model) }

    func flags(on date: Day) throws -> [ActiveFlag] {
        let model = try model()
        let reader = PaneReader(model: model, asOf: date, lookback: .year1)
        return model.panes.flatMap { $0.activeFlags(reader) }
    }

    func screen(_ state: AppState, at date: Day) throws -> [String] {
        view(state, model: try model(), asOf: date, mode: "REPLAY").lines()
    }

    /// The text of a pane's rectangle, row by row.
    func paneText(_ lines: [String], _ rect: Rect) -> String {
        lines[rect.y..<rect.maxY].map { String($0.dropFirst(rect.x).prefix(rect.width)) }.joined(separator: "\n")
    }

    @Test(arguments: flagDates.map(\.date))
    func everyFlagIsWholeInItsPaneAndNamedInTheStatusBar(date text: String) throws {
        let date = try #require(Day(parsing: text))
        let expected = try #require(Self.flagDates.first { $0.date == text })
        let up = try flags(on: date)
        #expect(up.contains { $0.word == expected.word }, "\(text): \(up.map(\.word))")
        let strip = AlertStrip(up)
        // Page 1's flags are each named; the positioning pane's (page 2), up on some of
        // these dates too, may be only counted (`+2`) when the bar is short of room.
        // A page-2 alert outranks a page-1 warning (most severe first), so a page-1
        // flag may be counted only where a more severe flag of page 2 is up.
        let pageOne = Set(Int.standardPlaces.map { try! model().panes[$0].name })
        let later = strip.flags.filter { !pageOne.contains($0.pane) }.count
        let outranked = { (flag: ActiveFlag) in
            strip.flags.contains { !pageOne.contains($0.pane) && $0.severity > flag.severity }
        }
        for (width, height) in Self.sizes {
            let state = AppState(width: width, height: height)
            let lines = try screen(state, at: date)
            let bar = try #require(lines.last)
            for entry in strip.flags where pageOne.contains(entry.pane) && !(width < 120 && outranked(entry)) {
                #expect(bar.contains(entry.word), "\(text) \(width)x\(height): \(entry.word) not in \(bar)")
            }
            let counted = bar.split(separator: " ").last { $0.hasPrefix("+") }.flatMap { Int($0.dropFirst()) } ?? 0
            let mayBeCounted = later + strip.flags.filter { pageOne.contains($0.pane) && outranked($0) }.count
            #expect(counted <= mayBeCounted, "\(text) \(width)x\(height): a page-1 flag left out: \(bar)")
            guard case let .panes(rects, _) = state.layout else { Issue.record("layout"); continue }
            let pane = paneText(lines, try #require(rects[expected.pane]))
            // The flag's row starts with its word and has no cut in the word.
            let row = pane.split(separator: "\n").first { $0.contains(expected.word) }
            #expect(row != nil, "\(text) \(width)x\(height): \(expected.word) not in its pane:\n\(pane)")
            // Zoomed on another pane, the strip still names every flag.
            var zoomed = state
            zoomed.focus = expected.pane == .rotation ? .mag7 : .rotation
            zoomed.zoomed = true
            let zoomedBar = try #require(try screen(zoomed, at: date).last)
            for entry in strip.flags where pageOne.contains(entry.pane) && !(width < 120 && outranked(entry)) {
                #expect(zoomedBar.contains(entry.word), "zoomed \(width)x\(height): \(zoomedBar)")
            }
        }
    }

    /// The issue's two cuts: 120x40 showed `EXTREME LOW % > 50d at pct 1 of its ye`,
    /// 80x24 `REVERSING from EXTREME HI`.
    @Test func flagRowsAreWrittenToFitNotCut() throws {
        let model = try model()
        func breadthRow(_ width: Int, _ height: Int, _ date: String, _ word: String) throws -> String {
            let state = AppState(width: width, height: height)
            guard case let .panes(rects, _) = state.layout else { return "" }
            let lines = try screen(state, at: try #require(Day(parsing: date)))
            let row = paneText(lines, try #require(rects[.breadth])).split(separator: "\n").first { $0.contains(word) }
            return String(try #require(row)).trimmingCharacters(in: CharacterSet(charactersIn: "│ "))
        }
        #expect(try breadthRow(120, 40, "2025-04-08", "EXTREME LOW") == "EXTREME LOW % > 50d at pct 1 of 1y")
        #expect(try breadthRow(80, 24, "2025-04-08", "EXTREME LOW") == "EXTREME LOW pct 1 of 1y")
        #expect(try breadthRow(80, 24, "2025-09-24", "REVERSING") == "REVERSING from HIGH")
        #expect(try breadthRow(200, 60, "2025-09-24", "REVERSING") == "REVERSING from EXTREME HIGH (pct 94)")
        #expect(model.panes[.breadth].activeFlags(PaneReader(model: model, asOf: Day(year: 2025, month: 9, day: 24)!,
                                                             lookback: .year1)).map(\.severity) == [.warn])
    }

    /// Short of rows, flag rows go first: a pane of one inner row shows its flag, not
    /// its first readings; a narrow one fits the flag's words rather than cut them.
    @Test func flagRowsHavePriorityOverEveryOtherRow() throws {
        let model = try model()
        let reader = PaneReader(model: model, asOf: Day(year: 2025, month: 4, day: 8)!, lookback: .year1)
        var canvas = Canvas(width: 20, height: 3)
        canvas.render(PaneView(number: 4, title: "BREADTH", content: model.panes[.breadth].content(reader), reader: reader,
                               isFocused: false), area: canvas.area)
        #expect(canvas.lines()[1] == "│EXTREME LOW pct 1 │")
        canvas = Canvas(width: 40, height: 4)
        canvas.render(PaneView(number: 4, title: "BREADTH", content: model.panes[.breadth].content(reader), reader: reader,
                               isFocused: false), area: canvas.area)
        #expect(canvas.lines()[1].hasPrefix("│% > 50d 3.6%") && canvas.lines()[1].contains("pct 1y 1 "))
        #expect(canvas.lines()[2] == "│EXTREME LOW % > 50d at pct 1 of 1y    │")
    }

    /// With pane 1 zoomed and breadth at its 1st percentile the status bar names it
    /// (it said only `REPLAY 2025-04-08 replay 16 symbols, @universe ? help`), and it
    /// stays under the help and feeds overlays.
    @Test func theStripShowsZoomedAndUnderOverlays() throws {
        let date = Day(year: 2025, month: 4, day: 8)!
        var state = AppState(width: 80, height: 24)
        state.zoomed = true
        // The Mag7 pane's CORR HIGH is up too: the two flags take the event's, the help's
        // and the page's room; page 2's CROWDED SHORT is counted.
        #expect(try screen(state, at: date).last == " REPLAY  2025-04-08  1:RTY/ES  1Y  ⚑ BREADTH EXTREME LOW · COR1M CORR HIGH +1")
        state.showingHelp = true
        #expect(try screen(state, at: date).last!.contains("⚑ BREADTH EXTREME LOW"))
        state.showingHelp = false
        state.showingFeeds = true
        #expect(try screen(state, at: date).last!.contains("⚑ BREADTH EXTREME LOW"))
    }

    /// The status bar at the three sizes, replaying at 2 sessions a second: the
    /// replay's feeds summary gives way first (at 80 and 120 columns), then the help
    /// hint and the flags' briefs (at 80).
    @Test func statusBarAt80And120And200Columns() throws {
        let model = try model()
        var cursor = ReplayCursor(model: model, speed: 2)
        cursor.seek(to: Day(year: 2025, month: 9, day: 24)!)
        func bar(_ width: Int, _ height: Int, _ configure: (inout AppState) -> Void = { _ in }) -> String {
            var app = AppState(width: width, height: height)
            configure(&app)
            let state = DashboardState(app: app, model: model, report: FeedReport(summary: "replay 26 symbols, @universe"),
                                       feed: .replay(cursor))
            return view(state).lines().last ?? ""
        }
        // At 80 columns the speed gives way to the page (built-ins on two pages), and
        // the page to the flags' words: here both fit in the page's short form.
        #expect(bar(80, 24) == " REPLAY  2025-09-24  1/2 1:RTY/ES  1Y  ⚑ VIX,VXN,RVX IV<RV · BREADTH REVERSING")
        // The next event (the bundled CPI of 2025-10-24) once the flags are named.
        #expect(bar(120, 40) == " REPLAY  2x  2025-09-24  CPI in 30d  page 1/2 · 1:RTY/ES  1Y  ⚑ VIX,VXN,RVX IV<RV · BREADTH REVERSING from HIGH"
            + "  ? help")
        #expect(bar(200, 60).hasPrefix(" REPLAY  2x  2025-09-24  CPI in 30d  page 1/2 · 1:RTY/ES  1Y  ⚑ VIX,VXN,RVX IV<RV · BREADTH REVERSING from HIGH"
            + "  replay 26 symbols, @universe  "))
        #expect(bar(200, 60).hasSuffix("  ? help"))
        // Focus, lookback and pause read from the state (the longer focus leaves no
        // room for the next event at 120 columns).
        let focused = bar(120, 40) { $0.focus = .volPremium; $0.lookback = .months3; $0.paused = true }
        #expect(focused.hasPrefix(" REPLAY  2025-09-24  PAUSED  page 1/2 · 3:VOL PREMIUM  3M  ⚑ "))
    }

    /// A user's `[[panes]]` flag is an alert in the strip, and with two pages the
    /// status bar names the page.
    @Test func aUsersFlagAndPages() throws {
        let data = try DataFolder.load(RotorProcess.repositoryRoot.appendingPathComponent("Samples/demo").path)
        let zn = PaneDeclaration(name: "zn", title: "ZN 10Y NOTE",
                                 readings: [.init(label: "ZN", expression: "ZN", format: .decimals(2))],
                                 flags: [.init(condition: Condition("ZN", .atLeast, 110), text: "ZN ABOVE 110")]).spec
        let model = DashboardModel(data: data, extra: [zn])
        var state = AppState(width: 120, height: 40, panes: PaneSet(model.panes))
        let date = Day(year: 2026, month: 6, day: 30)!
        let reader = PaneReader(model: model, asOf: date, lookback: .year1)
        let flag = try #require(model.panes.last?.activeFlags(reader).first)
        #expect(flag.word == "ZN ABOVE 110" && flag.severity == .alert && flag.pane == "zn" && flag.subject == "ZN 10Y NOTE")
        #expect(flag.date == date)
        let bar = view(state, model: model, asOf: date, mode: "REPLAY").lines().last!
        #expect(bar.contains("page 1/3 · 1:RTY/ES  1Y  ⚑ ZN 10Y NOTE ZN ABOVE 110"), "\(bar)")
        // The built-ins fill pages 1 and 2; the user's pane is on page 3.
        state.page = 2
        let page2 = view(state, model: model, asOf: date, mode: "REPLAY").lines()
        #expect(page2.last!.contains("page 3/3 · 1:ZN 10Y NOTE"))
        #expect(page2.contains { $0.contains("ZN ABOVE 110") && !$0.contains("⚑") })
    }

    /// MI with its unit and its 1-year percentile, both equal to `rotor export`; the
    /// spike flag exactly when the percentile is at least 95.
    @Test(arguments: ["2025-02-24", "2025-04-08"])
    func miReadsInNatsWithItsPercentile(date text: String) throws {
        let model = try model()
        let date = try #require(Day(parsing: text))
        let reader = PaneReader(model: model, asOf: date, lookback: .year1)
        let content = model.panes[.rates].content(reader)
        let mi = "mi(ret(RTY),diff(US2Y),60,8)", pct = "pctrank(mi(ret(RTY),diff(US2Y),60,8),252)"
        let r = try RotorProcess.run(["export", "--from", text, "--to", text, mi, pct])
        let row = try #require(r.stdout.split(separator: "\n").last).split(separator: ",")
        let (miValue, pctValue) = (try #require(Double(row[1])), try #require(Double(row[2])))
        #expect(content.readings.first { $0.label == "MI RTY/2y" }?.text == NumberLabel.fixed(miValue, decimals: 3) + " nats")
        #expect(content.readings.first { $0.label == "MI pct 1y" }?.text == NumberLabel.fixed(pctValue, decimals: 0))
        let spike = model.panes[.rates].activeFlags(reader).contains { $0.word == "MI spike" }
        #expect(spike == (pctValue >= 95), "\(text): pct \(pctValue)")
    }

    /// AAPL's 1d move on 2026-11-20 was -0.04%: it shows `+0.0%`, neither red nor green.
    @Test func aChangeThatShowsAsZeroIsNeutral() throws {
        let model = try model()
        let reader = PaneReader(model: model, asOf: Day(year: 2026, month: 11, day: 20)!, lookback: .year1)
        let table = try #require(model.panes[.mag7].content(reader).table?(TableRoom(width: 200, isZoomed: false)))
        let aapl = try #require(table.rows.first { $0.first?.text == "AAPL" })
        #expect(aapl[2].text == "+0.0%" && aapl[2].style == nil)
        let down = try #require(table.rows.flatMap { $0 }.first { $0.text.hasPrefix("-") && $0.text != "-0.0%" })
        #expect(down.style == .role(.down))
        #expect(NumberFormatKind.percent(decimals: 1).signRole(-0.0004) == nil)
        #expect(NumberFormatKind.percent(decimals: 1).signRole(0.0004) == nil)
        #expect(NumberFormatKind.percent(decimals: 1).signRole(-0.0005) == .down)
        #expect(NumberFormatKind.signed(2).signRole(0.004) == nil)
        #expect(NumberFormatKind.signed(2).signRole(0.005) == .up)
        #expect(NumberFormatKind.count.signRole(0.4) == nil)
    }

    /// Titles carry the data date's year, shortened when the title leaves no room.
    @Test func titlesShowTheYear() throws {
        let date = Day(year: 2026, month: 6, day: 30)!
        let wide = try screen(AppState(width: 120, height: 40), at: date)
        #expect(wide[0].contains("1 RTY/ES") && wide[0].contains(" 1Y 2026-06-30 ┓"))
        let narrow = try screen(AppState(width: 80, height: 24), at: date)
        let bottom = try #require(narrow.first { $0.contains("3 VOL PREMIUM") })
        #expect(bottom.hasPrefix("┌ 3 VOL PREMIUM ────── 1Y ┐┌ 4 BREADTH ──── 1Y 06-30 ┐"), "\(bottom)")
    }
}
