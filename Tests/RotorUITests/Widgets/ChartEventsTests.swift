import RotorCore
import Testing
@testable import RotorUI

/// Events on a chart's time axis: FOMC and CPI told apart by glyph and colour,
/// users' kinds by a shared glyph, never over a date label, a flag mark or the plot.
@Suite struct ChartEventsTests {
    let start = Day(year: 2024, month: 7, day: 1)!
    var axis: [Day] { (0..<40).map { start.adding(days: $0) } }

    func chart(_ events: [LineChart.EventMark], rows: Int = 8, width: Int = 40, marks: [LineChart.DateMark]? = nil) -> Canvas {
        var chart = LineChart(lines: [.init((0..<40).map { Double($0) }, style: .role(.series1))], dates: axis,
                              showsLabels: true, marks: marks)
        chart.events = events
        return Canvas.rendering(chart, width: width, height: rows)
    }

    @Test func marksSitAtTheirDateOnTheDateRowInTheirKindsStyle() throws {
        let baseline = chart([], width: 100).lines()[7].map { $0 }
        // The first date label starts at the plot's left edge; the plot ends at the right.
        let plotX = baseline.firstIndex { $0 != " " }!, columns = 2 * (100 - plotX)
        func x(_ i: Int) -> Int { plotX + LineChart.dotColumn(i, count: 40, columns: columns) / 2 }
        func blank(_ column: Int) -> Bool { !baseline.indices.contains(column) || baseline[column] == " " }
        let free = (0..<40).filter { blank(x($0) - 1) && blank(x($0)) && blank(x($0) + 1) }
        try #require(free.count >= 3)
        let (a, b, c) = (free[0], free[free.count / 2], free[free.count - 1])
        let canvas = chart([.init(index: a, kind: .cpi), .init(index: c, kind: .fomc), .init(index: b, kind: EventKind("NFP")!)], width: 100)
        let dateRow = canvas.lines()[7]
        // The labels are whole; the glyphs are where they leave blanks, at their dates.
        for word in String(baseline).split(separator: " ") { #expect(dateRow.contains(word)) }
        for (i, glyph, role) in [(a, "●", StyleRole.series5), (b, "◇", .text), (c, "◆", .series3)] {
            #expect(canvas[x(i), 7].symbol == Character(glyph), "\(i): \(dateRow)")
            #expect(canvas[x(i), 7].style == .role(role))
        }
        // Nothing moved in the plot.
        #expect(Array(canvas.lines().prefix(7)) == Array(chart([], width: 100).lines().prefix(7)))
        // Right after a label the glyph would read as part of it: it is left out.
        let touching = try #require((0..<40).first { blank(x($0)) && !blank(x($0) - 1) })
        #expect(chart([.init(index: touching, kind: .fomc)], width: 100).lines() == chart([], width: 100).lines())
    }

    @Test func aMarkUnderADateLabelMovesToTheMarksRowOrIsLeftOut() {
        // Index 0 is under the first date label.
        let withoutMarksRow = chart([.init(index: 0, kind: .fomc)])
        #expect(withoutMarksRow.lines() == chart([]).lines())
        let marked = chart([.init(index: 0, kind: .fomc)], marks: [])
        #expect(marked.lines()[6].contains("◆") && !marked.lines()[7].contains("◆"))
        // A flag's mark keeps its cell; the event goes on the date row beside it.
        let flagged = chart([.init(index: 20, kind: .cpi)], marks: [.init(index: 20, style: .role(.alert))])
        #expect(flagged.lines().joined().filter { $0 == "▲" }.count == 1)
        // A chart with no date row marks no events.
        #expect(!chart([.init(index: 20, kind: .cpi)], rows: 3).lines().joined().contains("●"))
    }

    @Test func eventsMapToTheFirstSessionOnOrAfterTheirDay() {
        // Sessions: weekdays only; an event on a Saturday marks the Monday.
        let sessions = axis.filter { (1...5).contains($0.weekday) }
        let saturday = Day(year: 2024, month: 7, day: 6)!, monday = Day(year: 2024, month: 7, day: 8)!
        let calendar = EventCalendar([MarketEvent(date: saturday, kind: .cpi, label: "CPI"),
                                      MarketEvent(date: Day(year: 2024, month: 6, day: 28)!, kind: .fomc, label: "before"),
                                      MarketEvent(date: Day(year: 2024, month: 12, day: 18)!, kind: .fomc, label: "after"),
                                      MarketEvent(date: monday, kind: EventKind("EARNINGS")!, label: "NVDA")])
        let marks = LineChart.eventMarks(calendar, on: sessions)
        let index = sessions.firstIndex(of: monday)!
        // The user's kind first, so a known kind on the same cell wins it.
        #expect(marks == [.init(index: index, kind: EventKind("EARNINGS")!), .init(index: index, kind: .cpi)])
        #expect(LineChart.eventMarks(calendar, on: []).isEmpty)
    }

    @Test func theLegendNamesTheKindsInRangeOnly() {
        let spans = LineChart.eventLegend([.init(index: 3, kind: EventKind("NFP")!), .init(index: 1, kind: .cpi), .init(index: 2, kind: .fomc),
                                           .init(index: 5, kind: .cpi)])
        #expect(spans.map(\.text).joined() == "   ◆ FOMC  ● CPI  ◇ NFP")
        #expect(spans.filter { !$0.text.allSatisfy(\.isWhitespace) }.map(\.style) == [.role(.series3), .role(.series5), .role(.text)])
        #expect(LineChart.eventLegend([]).isEmpty)
    }

    @Test func asciiTerminalsSeeTheKindsLetters() {
        #expect(ASCIIFallback.character(for: EventKind.fomc.glyph) == "F")
        #expect(ASCIIFallback.character(for: EventKind.cpi.glyph) == "C")
        #expect(ASCIIFallback.character(for: EventKind("NFP")!.glyph) == "*")
    }
}
