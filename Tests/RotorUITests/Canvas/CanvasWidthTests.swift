import Testing
@testable import RotorUI

@Suite struct CanvasWidthTests {
    @Test func cjkTakesTwoCellsAndTheSecondIsAContinuation() {
        var canvas = Canvas(width: 6, height: 1)
        let end = canvas.write("中a日", x: 0, y: 0)
        #expect(end == 5)
        #expect(canvas.lines() == ["中a日"])
        #expect(canvas[0, 0].symbol == "中")
        #expect(canvas[1, 0].isContinuation)
        #expect(canvas[2, 0].symbol == "a")
        #expect(canvas[3, 0].symbol == "日")
        #expect(canvas[4, 0].isContinuation)
        #expect(!canvas[5, 0].isContinuation)
    }

    @Test func emojiIsWideBrailleAndBoxDrawingAreNarrow() {
        var canvas = Canvas(width: 8, height: 2)
        canvas.write("📈x", x: 0, y: 0)
        canvas.write("⣿─│┌▁", x: 0, y: 1)
        #expect(canvas.lines() == ["📈x", "⣿─│┌▁"])
        #expect(canvas[1, 0].isContinuation)
        #expect(canvas[2, 0].symbol == "x")
        #expect((0..<5).allSatisfy { !canvas[$0, 1].isContinuation })
        #expect(canvas[4, 1].symbol == "▁")
    }

    @Test func wideGlyphCrossingTheRightClipEdgeBecomesASpace() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.fill(canvas.area, with: ".")
        let style = Style.role(.up)
        canvas.write("ab中z", x: 0, y: 0, style: style, clip: Rect(x: 0, y: 0, width: 3, height: 1))
        #expect(canvas.lines() == ["ab ..."])
        #expect(canvas[2, 0] == Cell(" ", style: style))
        #expect(!canvas[3, 0].isContinuation)
    }

    @Test func wideGlyphCrossingTheCanvasEdgeBecomesASpace() {
        var canvas = Canvas(width: 3, height: 1)
        canvas.write("ab中", x: 0, y: 0)
        #expect(canvas.lines() == ["ab"])
        #expect(canvas[2, 0].symbol == " ")
        #expect(!canvas[2, 0].isContinuation)
    }

    @Test func wideGlyphCrossingTheLeftClipEdgeKeepsLaterGlyphsInPlace() {
        var canvas = Canvas(width: 5, height: 1)
        canvas.fill(canvas.area, with: ".")
        canvas.write("中bc", x: 0, y: 0, clip: Rect(x: 1, y: 0, width: 4, height: 1))
        #expect(canvas.lines() == [". bc."])
        canvas.write("日", x: -1, y: 0)
        #expect(canvas.lines() == ["  bc."])
    }

    @Test func overwritingHalfAWideGlyphBlanksTheOtherHalf() {
        var canvas = Canvas(width: 4, height: 2)
        canvas.write("中中", x: 0, y: 0)
        canvas.write("x", x: 1, y: 0)     // right half of the first
        canvas.write("中", x: 0, y: 1)
        canvas.write("y", x: 0, y: 1)     // left half
        #expect(canvas.lines() == [" x中", "y"])
        #expect(!canvas[1, 1].isContinuation)
        canvas.write("日", x: 1, y: 0)    // straddles x and the next wide glyph's left half
        #expect(canvas.lines()[0] == " 日")
        #expect(canvas[3, 0] == Cell(" "))
    }

    @Test func combiningMarksStayInTheirCellAndZeroWidthIsDropped() {
        var canvas = Canvas(width: 4, height: 1)
        let end = canvas.write("e\u{301}\u{200B}x", x: 0, y: 0)
        #expect(end == 2)
        #expect(canvas[0, 0].symbol == "e\u{301}")
        #expect(canvas[1, 0].symbol == "x")
    }

    @Test func controlCharactersAreDrawnAsSpaces() {
        var canvas = Canvas(width: 5, height: 1)
        canvas.write("a\tb\u{1B}c", x: 0, y: 0)
        #expect(canvas.lines() == ["a b c"])
    }

    @Test func writesOutsideTheCanvasAreIgnored() {
        var canvas = Canvas(width: 3, height: 2)
        canvas.write("abc", x: 0, y: 5)
        canvas.write("abc", x: 0, y: -1)
        canvas.write("abcdef", x: 1, y: 1)
        canvas.put("z", x: 3, y: 0)
        #expect(canvas.lines() == ["", " ab"])
        #expect(canvas[-1, 0] == .blank)
    }

    @Test func linesTrimTrailingSpacesAndTextJoinsRows() {
        var canvas = Canvas(width: 6, height: 3)
        canvas.write("ab  ", x: 1, y: 0)
        canvas.write("c", x: 5, y: 2)
        #expect(canvas.lines() == [" ab", "", "     c"])
        #expect(canvas.text() == " ab\n\n     c")
    }

    @Test func fillAndRestyleCoverExactlyTheirRectangle() {
        var canvas = Canvas(width: 5, height: 3)
        canvas.fill(Rect(x: 1, y: 1, width: 3, height: 5), with: "░", style: .role(.dim))
        #expect(canvas.lines() == ["", " ░░░", " ░░░"])
        canvas.setStyle(.role(.alert), in: Rect(x: 2, y: 2, width: 9, height: 1))
        #expect(canvas.style(of: Rect(x: 2, y: 2, width: 3, height: 1)) == .role(.alert))
        #expect(canvas[1, 2].style == .role(.dim))
        #expect(canvas[0, 0].style == .plain)
        #expect(canvas.lines() == ["", " ░░░", " ░░░"])
    }

    @Test func fillingWithAWideGlyphLeavesASpaceWhereHalfWouldNotFit() {
        var canvas = Canvas(width: 5, height: 1)
        canvas.fill(canvas.area, with: "中")
        #expect(canvas.lines() == ["中中"])
        #expect(canvas[4, 0] == Cell(" "))
    }
}
