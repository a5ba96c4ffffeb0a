import Testing
@testable import RotorUI

@Suite struct CanvasANSITests {
    private let esc = "\u{1B}["

    private func one(_ text: String, _ style: Style, width: Int = 4) -> Canvas {
        var canvas = Canvas(width: width, height: 1)
        canvas.write(text, x: 0, y: 0, style: style)
        return canvas
    }

    @Test func plainTextHasNoEscapes() {
        var canvas = Canvas(width: 5, height: 2)
        canvas.write("ab", x: 0, y: 0)
        for depth in ColorDepth.allCases {
            #expect(canvas.ansiLines(depth: depth) == ["ab", ""])
        }
    }

    @Test func sequencesOnlyWhereTheStyleChangesAndAResetAtTheEnd() {
        var canvas = Canvas(width: 8, height: 1)
        canvas.write("ab", x: 0, y: 0, style: Style(foreground: .red, attributes: .bold))
        canvas.write("c", x: 2, y: 0)
        canvas.write("d", x: 3, y: 0, style: Style(foreground: .green, background: .blue))
        #expect(canvas.ansiLines(depth: .basic8) == ["\(esc)0;1;31mab\(esc)0mc\(esc)0;32;44md\(esc)0m"])
    }

    @Test func rgbAtEveryDepth() {
        let canvas = one("x", Style(foreground: .rgb(255, 0, 0), background: .rgb(128, 128, 128)))
        #expect(canvas.ansiLines(depth: .trueColor) == ["\(esc)0;38;2;255;0;0;48;2;128;128;128mx\(esc)0m"])
        #expect(canvas.ansiLines(depth: .indexed256) == ["\(esc)0;38;5;196;48;5;244mx\(esc)0m"])
        #expect(canvas.ansiLines(depth: .basic8) == ["\(esc)0;31;47mx\(esc)0m"])
        #expect(canvas.ansiLines(depth: .none) == ["x"])
    }

    @Test func indexedColorsKeepTheirIndexOrFoldToBasic() {
        let bright = one("x", Style(foreground: .indexed(9)))
        #expect(bright.ansiLines(depth: .trueColor) == ["\(esc)0;38;5;9mx\(esc)0m"])
        #expect(bright.ansiLines(depth: .indexed256) == ["\(esc)0;38;5;9mx\(esc)0m"])
        #expect(bright.ansiLines(depth: .basic8) == ["\(esc)0;31mx\(esc)0m"])
        let orange = one("x", Style(foreground: .indexed(214)))   // (255, 175, 0)
        #expect(orange.ansiLines(depth: .basic8) == ["\(esc)0;33mx\(esc)0m"])
    }

    @Test func noColorKeepsOnlyBoldReverseAndUnderline() {
        let all: TextAttributes = [.bold, .dim, .reverse, .underline]
        let canvas = one("x", Style(foreground: .cyan, background: .red, attributes: all))
        #expect(canvas.ansiLines(depth: .none) == ["\(esc)0;1;4;7mx\(esc)0m"])
        #expect(canvas.ansiLines(depth: .basic8) == ["\(esc)0;1;2;4;7;36;41mx\(esc)0m"])
        #expect(one("x", .role(.dim)).ansiLines(depth: .none) == ["x"])
    }

    @Test func rolesResolveThroughThePalette() {
        let canvas = one("x", .role(.up))
        #expect(canvas.ansiLines(depth: .basic8) == ["\(esc)0;32mx\(esc)0m"])
        let custom = Palette([.up: Style(foreground: .rgb(0, 200, 0), attributes: .bold)])
        #expect(canvas.ansiLines(depth: .trueColor, palette: custom) == ["\(esc)0;1;38;2;0;200;0mx\(esc)0m"])
        #expect(canvas.ansiLines(depth: .none, palette: custom) == ["\(esc)0;1mx\(esc)0m"])
    }

    @Test func visibleTrailingSpacesAreKeptInvisibleOnesTrimmed() {
        var canvas = Canvas(width: 6, height: 2)
        canvas.write("a", x: 0, y: 0)
        canvas.fill(Rect(x: 1, y: 0, width: 2, height: 1), style: Style(background: .blue))
        canvas.fill(Rect(x: 0, y: 1, width: 2, height: 1), style: Style(attributes: .reverse))
        canvas.fill(Rect(x: 2, y: 1, width: 2, height: 1), style: Style(foreground: .red))
        #expect(canvas.ansiLines(depth: .basic8) == ["a\(esc)0;44m  \(esc)0m", "\(esc)0;7m  \(esc)0m"])
        #expect(canvas.ansiLines(depth: .none) == ["a", "\(esc)0;7m  \(esc)0m"])
    }

    @Test func wideGlyphsAppearOnce() {
        let canvas = one("中x", .role(.series1))
        #expect(canvas.ansiLines(depth: .basic8) == ["\(esc)0;36m中x\(esc)0m"])
    }
}
