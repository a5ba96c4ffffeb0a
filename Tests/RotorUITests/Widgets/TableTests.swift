import Testing
@testable import RotorUI

@Suite struct TableTests {
    private let mag7 = Table(
        columns: [Table.Column("Name"), Table.Column("Last"), Table.Column("1d")],
        rows: [
            ["AAPL", "231.50", Table.Entry("+0.41%", style: .role(.up))],
            ["NVDA", "1201.25", Table.Entry("-2.10%", style: .role(.down))],
        ])

    @Test func numbersRightTextLeftHeadersFollowTheirColumn() {
        let canvas = Canvas.rendering(mag7, width: 20, height: 3)
        #expect(canvas.lines() == [
            "Name    Last     1d",
            "AAPL  231.50 +0.41%",
            "NVDA 1201.25 -2.10%",
        ])
        #expect(canvas.style(of: span(x: 0, y: 0, width: 4)) == .role(.title))
        #expect(canvas.style(of: span(x: 5, y: 0, width: 7)) == .role(.title))
        #expect(canvas.style(of: span(x: 5, y: 2, width: 7)) == .role(.text))
        #expect(canvas[4, 1].style == .plain)
        #expect(canvas.style(of: span(x: 13, y: 1, width: 6)) == .role(.up))
        #expect(canvas.style(of: span(x: 13, y: 2, width: 6)) == .role(.down))
    }

    @Test func explicitAlignmentWins() {
        let table = Table(columns: [Table.Column("Sym", alignment: .right), Table.Column("Chg", alignment: .left)],
                          rows: [["ES", "1.5"]])
        #expect(Canvas.rendering(table, width: 10, height: 2).lines() == ["Sym Chg", " ES 1.5"])
    }

    @Test func narrowAreasShrinkTheWidestFlexibleColumnsWithAnEllipsis() {
        // Natural widths 4, 7, 6 need 19 columns; 16 leave 14 for text: 7 -> 5 and 6 -> 5.
        #expect(mag7.columnWidths(total: 16) == [4, 5, 5])
        #expect(Canvas.rendering(mag7, width: 16, height: 3).lines() == [
            "Name  Last    1d",
            "AAPL 231.… +0.4…",
            "NVDA 1201… -2.1…",
        ])
    }

    @Test func fixedColumnsClipAndFillColumnsTakeTheSpare() {
        let table = Table(
            columns: [Table.Column("Name", width: .fixed(5)), Table.Column("Note", width: .fill),
                      Table.Column("z", width: .fixed(3))],
            rows: [["Magnificent", "ok", "12345"]])
        #expect(table.columnWidths(total: 20) == [5, 10, 3])
        #expect(Canvas.rendering(table, width: 20, height: 2).lines() == [
            "Name  Note         z",
            "Magn… ok         12…",
        ])
    }

    @Test func cellsBeyondTheColumnsAreDroppedAndRowsBeyondTheAreaCounted() {
        let table = Table(columns: [Table.Column("A")], rows: [["1", "extra"], ["2"], ["3"]], showsHeader: false)
        // With room after the cells, the count goes beside the last row shown...
        #expect(Canvas.rendering(table, width: 12, height: 2).lines() == ["1", "2   +1 more"])
        // ...else it takes that row's place.
        #expect(Canvas.rendering(table, width: 8, height: 2).lines() == ["1", "+2 more"])
        #expect(Canvas.rendering(table, width: 8, height: 3).lines() == ["1", "2", "3"])
        let more = Canvas.rendering(table, width: 8, height: 2)
        #expect(more.style(of: span(x: 0, y: 1, width: 7)) == .role(.dim))
    }

    @Test func aMinimumWidthHoldsAColumnOpen() {
        let table = Table(columns: [Table.Column("A", minimumWidth: 4), Table.Column("B")], rows: [["1", "2"]])
        #expect(table.columnWidths(total: 20) == [4, 1])
    }

    @Test func columnsPastTheRightEdgeAreCut() {
        let table = Table(columns: [Table.Column("Name", width: .fixed(6)), Table.Column("Value", width: .fixed(6))],
                          rows: [["RTY", "2210.5"]])
        #expect(Canvas.rendering(table, width: 10, height: 2).lines() == ["Name   Va…", "RTY    22…"])
    }
}
