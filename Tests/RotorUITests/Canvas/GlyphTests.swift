import Testing
@testable import RotorUI

@Suite struct GlyphTests {
    @Test func symbolsRoundTripThroughTheInlineForm() {
        for symbol: Character in ["a", "é", "e\u{301}", "─", "⣿", "中", "📈", "⚠️", "🇺🇸", "👍🏽"] {
            #expect(Cell(symbol).symbol == symbol)
            #expect(Glyph(symbol).character == symbol)
        }
        for scalar: Unicode.Scalar in ["a", "é", "⣿", "中", "📈"] {
            #expect(Glyph(scalar) == Glyph(Character(scalar)))
        }
    }

    @Test func overlongClustersKeepTheirFirstScalarAndWidth() {
        let family: Character = "👨‍👩‍👧‍👦"   // 25 UTF-8 bytes
        #expect(Cell(family).symbol == "👨")
        var canvas = Canvas(width: 4, height: 1)
        canvas.write(String(family) + "x", x: 0, y: 0)
        #expect(canvas.lines() == ["👨x"])
        #expect(canvas[1, 0].isContinuation)
    }

    @Test func standaloneScalarsReallyAreSingleGraphemes() {
        // The shortcut is only valid if no two such scalars ever join one cluster.
        let ranges: [ClosedRange<UInt32>] = [
            0x20...0x7E, 0xA0...0x2FF, 0x2010...0x2027, 0x2030...0x205F, 0x2070...0x20CF, 0x2100...0x2BFF,
            0x3000...0x3029, 0x3030...0x3098, 0x309B...0x9FFF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF01...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F3FA, 0x1F400...0x1FAFF,
        ]
        let partners: [Unicode.Scalar] = ["a", "é", "⣿", "中", "가", "😀", "🏠"]
        var checked = 0
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                #expect(StandaloneScalars.contains(scalar))
                for partner in value % 7 == 0 ? partners : ["a"] {
                    var text = String.UnicodeScalarView()
                    text.append(scalar)
                    text.append(partner)
                    text.append(scalar)
                    if String(text).count != 3 { Issue.record("U+\(String(value, radix: 16)) joins \(partner)") }
                }
                checked += 1
            }
        }
        #expect(checked > 45000)
        for joiner: Unicode.Scalar in ["\u{301}", "\u{302D}", "\u{200D}", "\u{FE0F}", "\u{1F3FD}", "\u{1F1FA}", "\u{1161}", "\r"] {
            #expect(!StandaloneScalars.contains(joiner))
        }
    }

    @Test func fastAndExactWidthsAgree() {
        for text in ["RTY/ES 5712.25", "⣿⣿─│ ▲0.4%", "中文 한국어 ｒｏｔｏｒ", "📈 up", "e\u{301}中", "⚠️ stale", "👍🏽"] {
            #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) }, "\(text)")
        }
    }
}
