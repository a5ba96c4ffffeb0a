import Foundation
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

    @Test func labelsShowRoundTicksTheLastValueAndTheDateRange() {
        let values: [Double] = [100, 110, 105, 120, 90, 102]
        let chart = LineChart(lines: [.init(values, style: .role(.series1))], dates: days(6), dateFormat: .monthDay)
        let canvas = Canvas.rendering(chart, width: 20, height: 6)
        let lines = canvas.lines()
        #expect(canvas.text(x: 0, y: 0, width: 6) == "120.0 ")
        #expect(canvas.text(x: 0, y: 1, width: 6) == "      ")
        #expect(canvas.text(x: 0, y: 2, width: 6) == "102.0 ")
        #expect(canvas.text(x: 0, y: 3, width: 6) == "      ")
        // 100.0 would sit next to the last value's row: it gives way.
        #expect(canvas.text(x: 0, y: 3, width: 6) == "      ")
        #expect(canvas.text(x: 0, y: 4, width: 6) == "      ")
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
        #expect(canvas.text(x: 13, y: 4, width: 4) == "    ")
        #expect(canvas[0, 3].symbol != " ")
    }

    @Test func datesFallBackToAShorterFormThenToTheLastOnly() {
        let chart = LineChart(lines: [.init([1, 2, 3], style: .role(.series1))], dates: days(3))
        let lines = Canvas.rendering(chart, width: 20, height: 5).lines()
        #expect(lines[4] == "          2025-01-04")
        let wide = Canvas.rendering(chart, width: 30, height: 5).lines()
        // Three short dates rather than two ISO ones.
        #expect(wide[4] == "     01-02     01-03     01-04")
        let wider = Canvas.rendering(chart, width: 40, height: 5).lines()
        #expect(wider[4].split(separator: " ").count == 3 && wider[4].contains("2025-01-03"),
                "\(wider[4])")
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

    // MARK: issue 13: ticks, dates, references, band levels, flag marks

    /// The dim value labels of a rendered chart's label column (ticks and references).
    private func axisTexts(_ canvas: Canvas, width: Int) -> [String] {
        (0..<canvas.height).map { canvas.text(x: 0, y: $0, width: width).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && AxisTicks.number(in: $0) != nil }
    }

    @Test func valueTicksGrowWithHeightFromThreeToSix() {
        // 0...100 with the last value at 37: round ticks at multiples of 20, 25 or 50.
        let values = (0...100).map { Double($0) } + [37]
        let chart = LineChart(lines: [.init(values, style: .role(.series1))], padding: 0,
                              valueLabel: { NumberLabel.fixed($0, decimals: 0) })
        var counts: [Int] = []
        for height in [8, 16, 24, 33] {
            let labels = chart.valueLabels(scale: ValueScale(low: 0, high: 100), rows: height)
            let ticks = labels.filter { $0.style == .role(.dim) }
            // Ticks and the last value: 3 to 6 numbers on the axis.
            #expect((3...6).contains(labels.count), "\(height) rows: \(labels.map(\.text))")
            for tick in ticks { #expect(Int(tick.text)! % 5 == 0, "\(tick.text) is not round") }
            // Never two labels on neighbouring rows.
            for (a, b) in zip(labels, labels.dropFirst()) { #expect(b.row - a.row >= 2, "\(labels)") }
            counts.append(ticks.count)
        }
        #expect(counts == counts.sorted() && counts.last! >= 4 && counts.first! < counts.last!, "\(counts)")
        #expect(AxisTicks.valueCount(rows: 33) == 6 && AxisTicks.valueCount(rows: 11) == 3)
    }

    @Test func ticksAreRoundInTheChartsFormat() {
        // A ratio axis 0.3519...0.3937 in 4 decimals: steps of 0.01 or 0.02, written 0.3600.
        let ticks = AxisTicks.values(low: 0.3519, high: 0.3937, count: 3, limit: 6,
                                     label: { NumberLabel.fixed($0, decimals: 4) })
        #expect(ticks.map { NumberLabel.fixed($0, decimals: 4) } == ["0.3600", "0.3700", "0.3800", "0.3900"])
        // A 1-decimal axis never gets a step its labels cannot write.
        let fine = AxisTicks.values(low: 0.01, high: 0.09, count: 6, label: { NumberLabel.fixed($0, decimals: 1) })
        #expect(fine.isEmpty)
        // Signed correlations: +0.20, 0.00 (a `+` and a unit are read past).
        #expect(AxisTicks.number(in: "+0.20") == 0.2 && AxisTicks.number(in: "45.0%") == 45
                && AxisTicks.number(in: "120.0k") == 120_000 && AxisTicks.number(in: "-12 bp") == -12)
    }

    @Test func datesGrowWithWidthFromThreeToSix() {
        let axis = days(253, from: Day(year: 2025, month: 6, day: 30)!)
        let chart = LineChart(lines: [.init(axis.map { _ in 1.0 }, style: .role(.series1))], dates: axis)
        func labels(_ width: Int) -> [String] { chart.dateLabels(width: width, dotColumns: 2 * width).map(\.text) }
        #expect(labels(190).count == 6 && labels(190).allSatisfy { $0.count == 10 })
        #expect((3...4).contains(labels(50).count), "\(labels(50))")
        #expect(labels(50).count < labels(120).count && labels(120).count <= labels(190).count)
        // Too narrow for 3 ISO dates: 3 shorter ones rather than 2.
        #expect(labels(30).count == 3, "\(labels(30))")
        #expect(labels(30).allSatisfy { $0.count == 6 })
        #expect(labels(190).first == "2025-06-30" && labels(190).last == axis.last!.iso)
        // Within a quarter the short form keeps the day.
        let month = Array(axis.prefix(30))
        let short = LineChart(lines: [.init(month.map { _ in 1.0 }, style: .role(.series1))], dates: month)
        #expect(short.dateLabels(width: 25, dotColumns: 50).map(\.text) == ["06-30", "07-15", "07-29"])
        // Labels never touch: two spaces at least.
        for width in 8...200 {
            let placed = chart.dateLabels(width: width, dotColumns: 2 * width)
            for (a, b) in zip(placed, placed.dropFirst()) { #expect(a.x + a.text.count + 2 <= b.x) }
            #expect(placed.allSatisfy { $0.x >= 0 && $0.x + $0.text.count <= width })
        }
    }

    @Test func aReferenceIsLabelledOnlyWhereItIsDrawn() {
        let label: @Sendable (Double) -> String = { $0 == 0 ? "0.00" : NumberFormatKind.signed(2).format($0) }
        var chart = LineChart(lines: [.init([-0.34, -0.2, -0.07, -0.3], style: .role(.series1))], reference: 0,
                              valueLabel: label)
        let outside = Canvas.rendering(chart, width: 30, height: 12)
        #expect(!axisTexts(outside, width: 5).contains("0.00"), "\(outside.lines())")
        // Out of range: neither the line nor its label.
        #expect(!outside.lines().contains { $0.contains("⠤⠤⠤⠤⠤⠤⠤⠤") }, "\(outside.lines())")
        chart.keepsReferenceInRange = true
        let inside = Canvas.rendering(chart, width: 30, height: 12)
        let row = (0..<12).first { inside.text(x: 0, y: $0, width: 5).contains("0.00") }
        #expect(row != nil, "\(inside.lines())")
        if let row {
            #expect(inside.style(of: span(x: 1, y: row, width: 4)) == .role(.dim))
            // The line is drawn across the plot on the label's row.
            #expect(inside.text(x: 6, y: row, width: 24).filter { $0 != " " }.count >= 20)
        }
    }

    @Test func aLineCanWriteItsLastValueOnTheAxis() {
        // A band edge at 80: its level today is written at its row, in its style.
        let chart = LineChart(lines: [.init([50, 55, 60, 58], style: .role(.series1)),
                                      .init([81, 80, 80, 80], style: .role(.dim), labelsLast: true),
                                      .init([21, 20, 20, 20], style: .role(.dim), labelsLast: true)],
                              valueLabel: { NumberLabel.fixed($0, decimals: 1) })
        let labels = chart.valueLabels(scale: ValueScale(low: 17, high: 84), rows: 12)
        #expect(labels.contains { $0.text == "80.0" && $0.style == .role(.dim) })
        #expect(labels.contains { $0.text == "20.0" && $0.style == .role(.dim) })
        #expect(labels.contains { $0.text == "58.0" && $0.style == .role(.series1) })
    }

    @Test func flaggedDatesAreMarkedUnderThePlot() {
        let axis = days(40)
        let values = (0..<40).map { Double($0 % 7) }
        let marks = [LineChart.DateMark(index: 10, style: .role(.warn)), .init(index: 39, style: .role(.alert))]
        let chart = LineChart(lines: [.init(values, style: .role(.series1))], dates: axis, marks: marks)
        // Tall: a row of its own above the dates; the mark of the last date at the right edge.
        let tall = Canvas.rendering(chart, width: 40, height: 12)
        let markRow = tall.lines()[10]
        #expect(markRow.filter { $0 == LineChart.markGlyph }.count == 2, "\(tall.lines())")
        #expect(tall[39, 10].symbol == LineChart.markGlyph && tall[39, 10].style == .role(.alert))
        let warnX = (0..<40).first { tall[$0, 10].symbol == LineChart.markGlyph }!
        #expect(tall[warnX, 10].style == .role(.warn))
        // Short: on the date row, in free cells only, the dates kept whole.
        let short = Canvas.rendering(chart, width: 40, height: 6)
        #expect(short.lines()[5].contains("2025-01-02") && short.lines()[5].contains("2025-02-10"), "\(short.lines())")
        #expect(!short.lines()[4].contains(LineChart.markGlyph))
        var shortMarks = chart
        shortMarks.marks = [.init(index: 12, style: .role(.alert))]
        let shared = Canvas.rendering(shortMarks, width: 40, height: 6)
        #expect(shared.lines()[5].filter { $0 == LineChart.markGlyph }.count == 1, "\(shared.lines())")
        // No marks: no row kept; empty marks: the row stays and the plot does not jump.
        var none = chart
        none.marks = nil
        var empty = chart
        empty.marks = []
        #expect(Canvas.rendering(none, width: 40, height: 12).lines()[10] != "")
        #expect(Canvas.rendering(empty, width: 40, height: 12).lines()[10].trimmingCharacters(in: .whitespaces) == "")
    }
}
