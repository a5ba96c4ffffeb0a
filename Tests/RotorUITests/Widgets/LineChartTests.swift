import Testing
import RotorCore
@testable import RotorUI

@Suite struct LineChartTests {
    private func days(_ count: Int, from start: Day = Day(year: 2025, month: 1, day: 2)!) -> [Day] {
        (0..<count).map { start.adding(days: $0) }
    }

    private func chart(_ values: [Double?], padding: Double = 0, range: ClosedRange<Double>? = nil) -> LineChart {
        LineChart(lines: [.init(values, style: .role(.series1))], valueRange: range, padding: padding)
    }

    // Dots of a braille cell: left column bits 1, 2, 4, 40 (top to bottom), right 8, 10, 20, 80.

    @Test func tinyChartPlotsExactDots() {
        // Four points over 8x8 dots, rising one dot per column: a straight diagonal.
        let canvas = Canvas.rendering(chart([0, 1, 2, 3]), width: 4, height: 2)
        #expect(canvas.lines() == [
            "  ⡠⠊",
            "⡠⠊",
        ])
        #expect(canvas.style(of: Rect(x: 0, y: 1, width: 2, height: 1)) == .role(.series1))
        #expect(canvas.style(of: Rect(x: 0, y: 0, width: 2, height: 1)) == .plain)
    }

    @Test func oneCellChartStillShowsTheShape() {
        // 2x4 dots: (0,3) then (1,2), (1,1), (1,0) -> bits 40+20+10+08.
        #expect(Canvas.rendering(chart([1, 2, 3]), width: 1, height: 1).lines() == ["⡸"])
        #expect(Canvas.rendering(chart([7]), width: 1, height: 1).lines() == ["⠠"])
    }

    @Test func gapsBreakTheLine() {
        #expect(Canvas.rendering(chart([0, nil, 3, 3]), width: 2, height: 1).lines() == ["⡀⠉"])
        #expect(Canvas.rendering(chart([0, .nan, 3, 3]), width: 2, height: 1).lines() == ["⡀⠉"])
        // Without the gap the rise from (1,3) to (2,0) is drawn.
        #expect(Canvas.rendering(chart([0, 0, 3, 3]), width: 2, height: 1).lines() == ["⣠⠋"])
        #expect(Canvas.rendering(chart([nil, nil, 3, 0]), width: 2, height: 1).lines() == [" ⢣"])
    }

    @Test func constantDataIsAFlatLineMidChart() {
        let flat = LineChart(lines: [.init([5, 5, 5, 5], style: .role(.series1))])
        #expect(Canvas.rendering(flat, width: 4, height: 2).lines() == ["", "⠉⠉⠉⠉"])
        let zero = LineChart(lines: [.init([0, 0], style: .role(.series1))])
        #expect(Canvas.rendering(zero, width: 2, height: 2).lines() == ["", "⠉⠉"])
    }

    @Test func laterSeriesColourSharedCellsAndDotsCombine() {
        let chart = LineChart(lines: [.init([1, 1], style: .role(.series1)), .init([0, 0], style: .role(.series2))],
                              valueRange: 0...1)
        let canvas = Canvas.rendering(chart, width: 2, height: 1)
        #expect(canvas.lines() == ["⣉⣉"])
        #expect(canvas.style(of: span(x: 0, y: 0, width: 2)) == .role(.series2))
    }

    @Test func referenceLineIsDrawnDimWhereNoSeriesIs() {
        let chart = LineChart(lines: [.init([0.5, 0.5, 0.5, 0.5], style: .role(.series3))], valueRange: -1...1,
                              reference: 0)
        let canvas = Canvas.rendering(chart, width: 4, height: 2)
        #expect(canvas.lines() == ["⠤⠤⠤⠤", "⠉⠉⠉⠉"])
        #expect(canvas.style(of: span(x: 0, y: 0, width: 4)) == .role(.series3))
        #expect(canvas.style(of: span(x: 0, y: 1, width: 4)) == .role(.dim))
        var outOfRange = chart
        outOfRange.valueRange = 0.2...1
        #expect(Canvas.rendering(outOfRange, width: 4, height: 2).lines() == ["", "⠉⠉⠉⠉"])
    }

    @Test func valuesOutsideAFixedRangeArePinnedToTheEdge() {
        #expect(Canvas.rendering(chart([-5, 5], range: 0...1), width: 1, height: 1).lines() == ["⡜"])
        #expect(Canvas.rendering(chart([9, 9], range: 0...1), width: 2, height: 1).lines() == ["⠉⠉"])
    }

    @Test func labelsShowHighLowLastAndTheDateRange() {
        let values: [Double] = [100, 110, 105, 120, 90, 102]
        let chart = LineChart(lines: [.init(values, style: .role(.series1))], dates: days(6), dateFormat: .monthDay)
        let canvas = Canvas.rendering(chart, width: 20, height: 6)
        let lines = canvas.lines()
        #expect(canvas.text(x: 0, y: 0, width: 6) == "120.0 ")
        #expect(canvas.text(x: 0, y: 1, width: 6) == "      ")
        #expect(canvas.text(x: 0, y: 2, width: 6) == "102.0 ")
        #expect(canvas.text(x: 0, y: 3, width: 6) == "      ")
        #expect(canvas.text(x: 0, y: 4, width: 6) == "90.00 ")
        #expect(lines[5] == "      01-02    01-07")
        #expect(canvas.style(of: span(x: 0, y: 0, width: 5)) == .role(.dim))
        #expect(canvas.style(of: span(x: 0, y: 2, width: 5)) == .role(.series1))
        #expect(canvas.style(of: span(x: 6, y: 5, width: 5)) == .role(.dim))
        #expect(canvas.style(of: span(x: 15, y: 5, width: 5)) == .role(.dim))
        // The plot takes the 14 columns right of the labels, first and last points at its edges.
        for y in 0..<5 {
            #expect(canvas.text(x: 6, y: y, width: 14).allSatisfy { $0 == " " || ("⠀"..."⣿").contains($0) })
        }
        #expect(canvas[6, 3].symbol != " " && canvas[19, 2].symbol != " ")
    }

    @Test func labelsCanSitOnTheRight() {
        var chart = LineChart(lines: [.init([100, 110, 105, 120, 90, 102], style: .role(.series1))],
                              labelSide: .right)
        chart.valueLabel = { NumberLabel.fixed($0, decimals: 0) }
        let canvas = Canvas.rendering(chart, width: 17, height: 5)
        #expect(canvas.text(x: 13, y: 0, width: 4) == " 120")
        #expect(canvas.text(x: 13, y: 2, width: 4) == " 102")
        #expect(canvas.text(x: 13, y: 4, width: 4) == " 90 ")
        #expect(canvas[0, 3].symbol != " ")
    }

    @Test func isoDatesFallBackToTheLastOnlyWhenBothDoNotFit() {
        let chart = LineChart(lines: [.init([1, 2, 3], style: .role(.series1))], dates: days(3))
        let lines = Canvas.rendering(chart, width: 20, height: 5).lines()
        #expect(lines[4] == "          2025-01-04")
        let wide = Canvas.rendering(chart, width: 30, height: 5).lines()
        #expect(wide[4] == "     2025-01-02     2025-01-04")
    }

    @Test func smallAreasDropLabelsFirst() {
        let chart = LineChart(lines: [.init([100, 110, 105, 120], style: .role(.series1))], dates: days(4))
        // 13 columns cannot hold a 5-wide label, a gap and an 8-column plot; 3 rows leave no date row.
        let canvas = Canvas.rendering(chart, width: 13, height: 3)
        for line in canvas.lines() {
            #expect(line.allSatisfy { ("⠀"..."⣿").contains($0) || $0 == " " }, "\(line)")
        }
        #expect(canvas.lines().contains { !$0.isEmpty })
        var noLabels = chart
        noLabels.showsLabels = false
        #expect(Canvas.rendering(noLabels, width: 40, height: 10).lines().allSatisfy {
            $0.allSatisfy { ("⠀"..."⣿").contains($0) || $0 == " " }
        })
    }

    @Test func nothingIsDrawnWithoutDataOrSpace() {
        let empty = LineChart(lines: [])
        #expect(Canvas.rendering(empty, width: 10, height: 4).lines().allSatisfy { $0.isEmpty })
        #expect(Canvas.rendering(chart([nil, nil, .infinity]), width: 10, height: 4).lines().allSatisfy { $0.isEmpty })
        var canvas = Canvas(width: 5, height: 5)
        canvas.render(chart([1, 2, 3]), area: Rect(x: 1, y: 1, width: 0, height: 3))
        canvas.render(chart([1, 2, 3]), area: Rect(x: 9, y: 9, width: 3, height: 3))
        #expect(canvas == Canvas(width: 5, height: 5))
    }

    @Test func aSeriesIsAlignedToTheDateAxis() {
        let axis = days(4)
        let series = Series(dates: [axis[0], axis[2], axis[3]], values: [1, 3, 4])
        let line = LineChart.Line(series: series, axis: axis, style: .role(.series1))
        #expect(line.values == [1, nil, 3, 4])
    }
}
