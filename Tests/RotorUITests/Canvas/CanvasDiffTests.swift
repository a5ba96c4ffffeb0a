import Testing
@testable import RotorUI

@Suite struct CanvasDiffTests {
    private func sample() -> Canvas {
        var canvas = Canvas(width: 6, height: 2)
        canvas.write("ab中", x: 0, y: 0)
        canvas.write("xyz", x: 0, y: 1, style: .role(.up))
        return canvas
    }

    @Test func identicalCanvasesGiveAnEmptyDiff() {
        #expect(sample().diff(previous: sample()).isEmpty)
        #expect(Canvas(width: 3, height: 3).diff(previous: Canvas(width: 3, height: 3)).isEmpty)
    }

    @Test func onlyChangedCellsAreListed() {
        var next = sample()
        next.write("q", x: 1, y: 1, style: .role(.up))
        next.setStyle(.role(.down), in: Rect(x: 2, y: 1, width: 1, height: 1))
        #expect(next.diff(previous: sample()) == [
            CellChange(x: 1, y: 1, cell: Cell("q", style: .role(.up))),
            CellChange(x: 2, y: 1, cell: Cell("z", style: .role(.down))),
        ])
    }

    @Test func aNewWideGlyphIsOneChangeAndItsContinuationIsSkipped() {
        var next = sample()
        next.write("日", x: 4, y: 1)
        #expect(next.diff(previous: sample()) == [CellChange(x: 4, y: 1, cell: Cell("日"))])
    }

    @Test func replacingAWideGlyphByNarrowOnesListsBothColumns() {
        var next = sample()
        next.write("cd", x: 2, y: 0)
        #expect(next.diff(previous: sample()) == [
            CellChange(x: 2, y: 0, cell: Cell("c")),
            CellChange(x: 3, y: 0, cell: Cell("d")),
        ])
    }

    @Test func restylingOnlyTheRightHalfReportsTheWholeGlyph() {
        var next = sample()
        next.setStyle(.role(.warn), in: Rect(x: 3, y: 0, width: 1, height: 1))
        let changes = next.diff(previous: sample())
        #expect(changes.map { [$0.x, $0.y] } == [[2, 0]])
        #expect(changes.first?.cell.symbol == "中")
    }

    @Test func aResizedCanvasDiffersEverywhereExceptContinuations() {
        let previous = Canvas(width: 2, height: 2)
        let changes = sample().diff(previous: previous)
        #expect(changes.count == 6 * 2 - 1)
        #expect(!changes.contains { $0.x == 3 && $0.y == 0 })
    }
}
