/// One terminal column of one row: a grapheme cluster and its style.
///
/// A wide glyph (CJK, most emoji) lives in its cell and marks the next cell as a
/// continuation, so a row of cells always maps one-to-one onto terminal columns and the
/// diff can skip the second half (the terminal fills it when it draws the glyph).
public struct Cell: Hashable, Sendable {
    var glyph: Glyph
    public var style: Style
    /// True for the right half of a wide glyph; its symbol is then a space and unused.
    public var isContinuation: Bool

    public init(_ symbol: Character = " ", style: Style = .plain) {
        self.init(glyph: Glyph(symbol), style: style)
    }

    init(glyph: Glyph, style: Style) {
        self.glyph = glyph
        self.style = style
        isContinuation = false
    }

    /// The grapheme cluster shown in this cell.
    public var symbol: Character {
        get { glyph.character }
        set { glyph = Glyph(newValue) }
    }

    /// An empty, default-styled cell.
    public static let blank = Cell(glyph: .space, style: .plain)

    /// The right half of a wide glyph drawn in `style`.
    static func continuation(style: Style) -> Cell {
        var cell = Cell(glyph: .space, style: style)
        cell.isContinuation = true
        return cell
    }
}
