import RotorCore
import Testing
@testable import RotorUI

/// The date cursor's marker: a vertical line through the plot at the cursor's date,
/// around the line (never over it), at the date on or before it, and none when the
/// cursor is before the axis.
@Suite struct LineChartCursorTests {
    let days = (0..<9).map { Day(year: 2025, month: 1, day: 2)!.adding(days: $0) }

    /// A flat line at the bottom of 9 points over 9 columns (18 dots: point i at dot 2i+?, cell i).
    func chart(cursor: Day?) -> LineChart {
        var chart = LineChart(lines: [.init([0, 0, 0, 0, 0, 0, 0, 0, 1], style: .role(.series1))], dates: days,
                              padding: 0, showsLabels: false)
        chart.cursor = cursor
        return chart
    }

    @Test func theMarkerRunsDownThePlotAtTheCursorsDate() {
        let canvas = Canvas.rendering(chart(cursor: days[4]), width: 9, height: 3)
        // Point 4 of 9 over 18 dot columns is dot 8: cell 4. The line's own cell stays the line's.
        let column = LineChart.dotColumn(4, count: 9, columns: 18) / 2
        #expect(column == 4)
        for y in 0..<2 {
            #expect(canvas[column, y].symbol == LineChart.cursorGlyph)
            #expect(canvas.style(of: Rect(x: column, y: y, width: 1, height: 1)) == LineChart.cursorStyle)
        }
        #expect(canvas[column, 2].symbol != LineChart.cursorGlyph)
        #expect(canvas.style(of: Rect(x: column, y: 2, width: 1, height: 1)) == .role(.series1))
        // Nowhere else.
        let marked = (0..<9).filter { x in (0..<3).contains { canvas[x, $0].symbol == LineChart.cursorGlyph } }
        #expect(marked == [column])
    }

    @Test func aCursorBetweenSessionsIsMarkedOnTheOneBefore() {
        let gap = LineChart(lines: [.init([0, 0, 0], style: .role(.series1))],
                            dates: [days[0], days[3], days[6]], padding: 0)
        var marked = gap
        marked.cursor = days[5]
        #expect(marked.cursorIndex == 1)
        marked.cursor = days[6].adding(days: 30)
        #expect(marked.cursorIndex == 2)
        marked.cursor = days[0].adding(days: -1)
        #expect(marked.cursorIndex == nil)
        #expect(gap.cursorIndex == nil)
    }

    @Test func noCursorNoMarker() {
        let canvas = Canvas.rendering(chart(cursor: nil), width: 9, height: 3)
        #expect(!canvas.lines().joined().contains(LineChart.cursorGlyph))
        let before = Canvas.rendering(chart(cursor: days[0].adding(days: -3)), width: 9, height: 3)
        #expect(before.lines() == canvas.lines())
    }
}
