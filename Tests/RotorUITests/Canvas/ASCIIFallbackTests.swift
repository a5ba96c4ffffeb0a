import Testing
@testable import RotorUI

/// The ASCII mode (no UTF-8 locale, `snapshot --ascii`): every glyph becomes one
/// ASCII character of the same width, so the layout and the styles are untouched.
@Suite struct ASCIIFallbackTests {
    @Test func bordersBecomePlusMinusBar() {
        var canvas = Canvas(width: 20, height: 3)
        canvas.render(Box(title: "1 RTY"), area: Rect(x: 0, y: 0, width: 10, height: 3))
        canvas.render(Box(title: "2 MAG7", isFocused: true), area: Rect(x: 10, y: 0, width: 10, height: 3))
        #expect(canvas.asciiOnly().lines() == ["+ 1 RTY -++ > 2 M~ +", "|        ||        |", "+--------++========+"])
    }

    @Test func sparklineLevelsKeepTheirOrder() {
        let blocks = Sparkline.glyphs([1, 2, 3, 4, 5, 6, 7, 8], width: 8)
        #expect(String(blocks.map(ASCIIFallback.character(for:))) == "_.-~=+*#")
        #expect(ASCIIFallback.sparklineLevels.count == Sparkline.levels.count)
    }

    /// A braille cell shows where its dots are: top, middle, bottom, or a stroke.
    @Test func brailleCellsBecomeMarksAtTheirHeight() {
        #expect(ASCIIFallback.braille(0) == " ")
        #expect(ASCIIFallback.braille(0x01 | 0x08) == "'")   // row 0
        #expect(ASCIIFallback.braille(0x02 | 0x10) == "-")   // row 1: a reference line
        #expect(ASCIIFallback.braille(0x04) == ".")          // row 2
        #expect(ASCIIFallback.braille(0x40 | 0x80) == "_")   // row 3
        #expect(ASCIIFallback.braille(0x01 | 0x40) == "|")   // rows 0 to 3
        #expect(ASCIIFallback.character(for: BrailleGrid.glyph(0x02)) == "-")
    }

    @Test func aChartIsDrawnInASCII() {
        let chart = LineChart(lines: [.init([1, 2, 3, 2, 1, 2, 3, 4, 5, 4], style: .role(.series1))])
        let canvas = Canvas.rendering(chart, width: 30, height: 8).asciiOnly()
        let text = canvas.lines().joined()
        let isASCII = text.unicodeScalars.allSatisfy { $0.isASCII }
        let hasMarks = text.contains { "'-._|".contains($0) }
        #expect(isASCII && hasMarks, "\(canvas.lines())")
    }

    @Test func everyGlyphBecomesASCIIOfTheSameWidth() {
        var canvas = Canvas(width: 10, height: 1)
        canvas.write("⚠▶▲▼…σ中x", x: 0, y: 0, style: .role(.warn))
        let ascii = canvas.asciiOnly()
        #expect(ascii.lines() == ["!>^v~s? x"])
        #expect(ascii[6, 0].isContinuation == false)
        for x in 0..<10 { #expect(ascii[x, 0].style == canvas[x, 0].style) }
        // Text that is ASCII already is the same canvas.
        var plain = Canvas(width: 5, height: 1)
        plain.write("ab c", x: 0, y: 0)
        #expect(plain.asciiOnly() == plain)
    }
}
