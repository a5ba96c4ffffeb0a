import RotorCore
@testable import RotorUI
import RotorData
import Testing

/// The built-in charts on the demo data read as issue 13 asks: flag dates marked on
/// the time axis, the band's levels printed, the zero and baseline labelled where
/// drawn, the legend saying what the axis spans.
@Suite struct ChartReadingTests {
    private func content(_ pane: Int, at date: Day, lookback: Lookback = .year1) throws -> (PaneContent, PaneReader) {
        let model = try #require(GoldenScreenTests.model)
        let reader = PaneReader(model: model, asOf: date, lookback: lookback)
        return (model.panes[pane].content(reader), reader)
    }

    private func marked(_ chart: LineChart) -> [Day: Style] {
        var out: [Day: Style] = [:]
        for mark in chart.marks ?? [] { out[chart.dates[mark.index]] = mark.style }
        return out
    }

    @Test func theRotationExtremeIsMarkedOnItsDate() throws {
        let date = Day(year: 2024, month: 7, day: 17)!
        let (c, reader) = try content(.rotation, at: date)
        let chart = try #require(c.chart)
        let marks = marked(chart)
        #expect(marks[date] == .role(.alert))
        // Every mark is a date where a rotation flag shows, and every such date is marked.
        let flags = try #require(GoldenScreenTests.model).panes[.rotation].flags
        for day in chart.dates {
            let then = PaneReader(model: reader.model, asOf: day, lookback: .year1)
            #expect(flags.contains { $0.isActive(then) } == (marks[day] != nil), "\(day.iso)")
        }
    }

    /// The lookback is a span of time: a weekly chart (the POSITIONING pane's, 52
    /// reports a year) takes a year of reports at 1Y, not 252 rows (five years), and
    /// its lines are the exported series' values on those reports.
    @Test func aWeeklyChartSpansTheLookbackInReports() throws {
        let model = try #require(GoldenScreenTests.model)
        let pane = try #require(model.panes.firstIndex { $0.name == "positioning" })
        let date = Day(year: 2024, month: 7, day: 17)!
        for (lookback, reports) in [(Lookback.year1, 52), (.months3, 13), (.month1, 5), (.years2, 104)] {
            let (c, _) = try content(pane, at: date, lookback: lookback)
            let chart = try #require(c.chart)
            #expect(chart.dates.count == reports, "\(lookback.label)")
            #expect(chart.dates.last == Day(year: 2024, month: 7, day: 16))
            let share = model.window("mul(div(RTY_LF,RTY_OI),100)", asOf: date, sessions: reports)
            #expect(chart.dates == share.dates && chart.lines[0].values == share.values.map { Optional($0) })
        }
        var daily = ChartSpec([])
        #expect(daily.rows(.year1) == 252 && daily.rows(.month1) == 21)
        daily.rowsPerYear = 52
        #expect(daily.rows(.year1) == 52 && daily.rows(.month1) == 5 && daily.rows(.years5) == 260)
    }

    @Test func breadthExtremesAndTheReversalAreMarked() throws {
        let high = Day(year: 2025, month: 9, day: 18)!, reversing = Day(year: 2025, month: 9, day: 24)!
        let onHigh = try #require(try content(.breadth, at: high).0.chart)
        #expect(marked(onHigh)[high] == .role(.alert))
        let after = try #require(try content(.breadth, at: reversing).0.chart)
        #expect(marked(after)[high] == .role(.alert))
        #expect(marked(after)[reversing] == .role(.warn))
    }

    @Test func panesWithoutFlagsKeepNoMarkRowAndStatesAreNotMarked() throws {
        let date = Day(year: 2024, month: 7, day: 17)!
        // Every built-in has a flag now (Mag7's CORR HIGH): a pane declared without any.
        let plain = PaneSpec(name: "plain", title: "PLAIN",
                             views: [.init(chart: ChartSpec([.init("ratio(RTY,ES)", "RTY/ES", .series1)]))])
        let (_, reader) = try content(.rotation, at: date)
        let chart = try #require(plain.content(reader).chart)
        #expect(!chart.dates.isEmpty && chart.marks == nil)
        // The curve regime is a state in the title style, shown every day: never a mark.
        #expect(try content(.rates, at: date).0.chart?.marks == [])
    }

    @Test func theBandsLevelsAreWrittenOnTheAxis() throws {
        let date = Day(year: 2025, month: 9, day: 18)!
        let (c, reader) = try content(.breadth, at: date)
        let chart = try #require(c.chart)
        let edges = try #require(reader.model.bands["above(@universe,50)"])
        let labels = chart.valueLabels(scale: ValueScale.automatic(chart.lines.flatMap { $0.values.compactMap { $0 } },
                                                                   padding: chart.padding)!, rows: 24).map(\.text)
        for edge in [edges.high, edges.low] {
            let level = try #require(edge.last(1, onOrBefore: date).last?.value)
            #expect(labels.contains(NumberLabel.fixed(level, decimals: 1)), "\(labels)")
        }
    }

    @Test func theRatesZeroIsAlwaysDrawnAndLabelled() throws {
        // At 1M the correlations sit well below zero; the axis still reaches it.
        let (c, _) = try content(.rates, at: Day(year: 2026, month: 6, day: 30)!, lookback: .month1)
        let chart = try #require(c.chart)
        let values = chart.lines.flatMap { $0.values.compactMap { $0 } }
        var canvas = Canvas(width: 60, height: 16)
        canvas.render(chart, area: canvas.area)
        let zeroRow = canvas.lines().firstIndex { $0.hasPrefix(" 0.00 ") }
        #expect(zeroRow != nil, "\(canvas.lines().joined(separator: "\n"))")
        if values.allSatisfy({ $0 < 0 }) { #expect(zeroRow == 0 || zeroRow == 1) }
        #expect(c.legend.map { $0.spans.map(\.text).joined() }?.contains("━ 0") == true)
    }

    @Test func mag7sBaselineIsLabelled() throws {
        let (c, _) = try content(.mag7, at: Day(year: 2026, month: 6, day: 30)!)
        var canvas = Canvas(width: 60, height: 16)
        canvas.render(try #require(c.chart), area: canvas.area)
        #expect(canvas.lines().contains { $0.hasPrefix("100.0 ") }, "\(canvas.lines().joined(separator: "\n"))")
    }

    @Test func theLegendSaysWhatTheAxisSpans() throws {
        let date = Day(year: 2026, month: 6, day: 30)!
        func legend(_ pane: Int, _ lookback: Lookback = .year1) throws -> String {
            try content(pane, at: date, lookback: lookback).0.legend.map { $0.spans.map(\.text).joined() } ?? ""
        }
        #expect(try legend(.rotation).contains("axis: RTY/ES and 50d avg, 1Y"))
        #expect(try legend(.rotation, .months3).contains("axis: RTY/ES and 50d avg, 3M"))
        #expect(try legend(.breadth).contains("axis: % > 50d and band, 1Y"))
        #expect(try legend(.rates).contains("axis: RTY 60d, NQ 60d and 0, 1Y"))
    }

    /// A custom flag's answers are remembered by the model across frames: marks after
    /// the cursor moved are the ones a fresh model gives.
    @Test func rememberedFlagAnswersMatchFreshOnes() throws {
        let data = try DataFolder.load(RotorProcess.repositoryRoot.appendingPathComponent("Samples/demo").path)
        let warm = DashboardModel(data: data), fresh = DashboardModel(data: data)
        let before = Day(year: 2025, month: 9, day: 18)!, after = Day(year: 2025, month: 9, day: 24)!
        func marks(_ model: DashboardModel, _ date: Day) -> [LineChart.DateMark]? {
            model.panes[.breadth].content(PaneReader(model: model, asOf: date, lookback: .year1)).chart?.marks
        }
        _ = marks(warm, before)
        let remembered = marks(warm, after)
        #expect(remembered == marks(fresh, after))
        #expect(remembered == marks(warm, after))
        #expect(remembered?.isEmpty == false)
    }
}
