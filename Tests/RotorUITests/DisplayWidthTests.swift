import Testing
@testable import RotorUI

@Suite struct DisplayWidthTests {
    @Test func chartGlyphsAreOneColumn() {
        for text in ["⣿", "⠁", "─", "│", "┌", "▲", "▼", "█", "▁", "é", "A"] {
            #expect(DisplayWidth.of(text) == 1, "\(text)")
        }
    }

    @Test func wideGlyphsAreTwoColumns() {
        for text in ["中", "日", "한", "📈", "🚀", "Ｒ"] {
            #expect(DisplayWidth.of(text) == 2, "\(text)")
        }
        #expect(DisplayWidth.of("⚠️") == 2) // text symbol with emoji presentation
    }

    @Test func combiningMarksAddNothing() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("RTY/ES 中") == 9)
        #expect(DisplayWidth.of(Unicode.Scalar(0x200B)!) == 0)
    }
}
