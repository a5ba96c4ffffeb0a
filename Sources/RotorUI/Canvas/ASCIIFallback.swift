/// The dashboard in plain ASCII, for a terminal without a UTF-8 locale (`LANG=C`),
/// where ncurses cannot show box drawing, braille or block glyphs and would leave
/// them blank, and for `rotor snapshot --ascii`.
///
/// The frame is drawn as usual and then each glyph is replaced by one of the same
/// width, so the layout is untouched: borders become `+-|` (the focused pane's heavy
/// border `+=|`), braille chart cells become `'`, `-`, `.`, `_` or `|` after where
/// their dots are, sparkline blocks the ramp `_.-~=+*#`, the few symbols the
/// panes use (`▶ ⚠ ▲ ▼ … σ` and dashes) an ASCII look-alike, the event marks
/// `◆ ● ◇` the letters of their kinds (`F` FOMC, `C` CPI, `*` others), and anything else `?`
/// (a wide glyph `?` and a space).
public enum ASCIIFallback {
    /// The ASCII stand-in for a cell's glyph (a grapheme's first scalar decides).
    public static func character(for symbol: Character) -> Character {
        guard let scalar = symbol.unicodeScalars.first else { return " " }
        if scalar.isASCII { return symbol }
        let v = scalar.value
        if let known = symbols[v] { return known }
        switch v {
        case 0x2800...0x28FF: return braille(UInt8(v - 0x2800))
        case 0x2581...0x2588: return sparklineLevels[Int(v - 0x2581)]
        case 0x2500...0x257F: return "+" // other box drawing: corners and joints
        case 0x2580...0x259F: return "#" // other block elements
        default: return "?"
        }
    }

    /// `Sparkline.levels` (`▁` to `█`) in ASCII, lowest first.
    public static let sparklineLevels: [Character] = ["_", ".", "-", "~", "=", "+", "*", "#"]

    private static let symbols: [UInt32: Character] = [
        // BorderSet.single, .heavy and .double.
        0x2500: "-", 0x2502: "|", 0x250C: "+", 0x2510: "+", 0x2514: "+", 0x2518: "+",
        0x2501: "=", 0x2503: "|", 0x250F: "+", 0x2513: "+", 0x2517: "+", 0x251B: "+",
        0x2550: "=", 0x2551: "|", 0x2554: "+", 0x2557: "+", 0x255A: "+", 0x255D: "+",
        // Markers and punctuation the panes use.
        0x25B6: ">", 0x26A0: "!", 0x25B2: "^", 0x25BC: "v", 0x2026: "~", 0x03C3: "s",
        0x2013: "-", 0x2014: "-", 0x2212: "-", 0x00B7: ".", 0x00A0: " ",
        // Event marks on a chart's time axis (EventKind.glyph): FOMC, CPI, others.
        0x25C6: "F", 0x25CF: "C", 0x25C7: "*",
    ]

    /// A braille cell (dot bits as in `BrailleGrid`) as one ASCII mark at the height
    /// of its dots: a line's shape survives at a quarter of the vertical resolution.
    static func braille(_ bits: UInt8) -> Character {
        // Rows 0...3 from the top; bits 0x01/0x08, 0x02/0x10, 0x04/0x20, 0x40/0x80.
        let rows = [bits & 0x09 != 0, bits & 0x12 != 0, bits & 0x24 != 0, bits & 0xC0 != 0]
        guard let top = rows.firstIndex(of: true), let bottom = rows.lastIndex(of: true) else { return " " }
        if bottom - top == 3 { return "|" } // a steep stroke through the whole cell
        switch top + bottom { // twice the mean row: 0 top ... 6 bottom
        case 0...1: return "'"
        case 2...3: return "-"
        case 4...5: return "."
        default: return "_"
        }
    }
}

extension Canvas {
    /// This frame with every glyph replaced by its `ASCIIFallback` (styles kept).
    public func asciiOnly() -> Canvas {
        var out = Canvas(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                let cell = self[x, y]
                if cell.isContinuation {
                    out.put(" ", x: x, y: y, style: cell.style)
                } else {
                    out.put(ASCIIFallback.character(for: cell.symbol), x: x, y: y, style: cell.style)
                }
            }
        }
        return out
    }
}
