/// Scalars that always form a grapheme cluster of their own, whatever their
/// neighbours: printable ASCII and Latin, punctuation, arrows, box drawing, blocks,
/// braille, geometric shapes, CJK, Hangul syllables, fullwidth forms and emoji without
/// modifiers. Text made only of these can be walked scalar by scalar, skipping
/// grapheme breaking, which is most of the cost of drawing a chart or a table.
///
/// Conservative on purpose: anything that may join a cluster (combining marks,
/// joiners, variation selectors, skin tones, regional indicators, jamo, Indic and
/// Arabic scripts) is left out, and a string containing one takes the exact path.
enum StandaloneScalars {
    static func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0x2FF,
             0x2010...0x2027, 0x2030...0x205F, 0x2070...0x20CF, 0x2100...0x2BFF,
             0x3000...0x3029, 0x3030...0x3098, 0x309B...0x9FFF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
             0xFF01...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F3FA, 0x1F400...0x1FAFF:
            return true
        default:
            return false
        }
    }

    /// True when every scalar of `text` stands alone (so scalars are graphemes).
    static func all<S: StringProtocol>(_ text: S) -> Bool {
        text.unicodeScalars.allSatisfy(contains)
    }
}
