/// A width x height grid of cells that widgets draw into: the whole screen as a value.
///
/// Everything the dashboard shows is drawn here first; the terminal backend writes the
/// `diff` against the previous frame and snapshots write `lines()`. Writing is
/// display-width aware and clipped, so no widget can corrupt a neighbour or the row
/// layout: a wide glyph always occupies two cells, and overwriting either half of one
/// blanks the other half.
public struct Canvas: Hashable, Sendable {
    public let width: Int
    public let height: Int
    /// Row-major: the cell at (x, y) is `cells[y * width + x]`.
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = [Cell](repeating: .blank, count: self.width * self.height)
    }

    /// The whole canvas as a rectangle at the origin.
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at (x, y); a blank cell outside the canvas, so probes never trap.
    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, x < width, y >= 0, y < height else { return .blank }
        return cells[y * width + x]
    }

    /// Puts one glyph at (x, y) unless it would not fit inside `clip` (and the
    /// canvas): a wide glyph whose right half falls outside becomes a space, so it
    /// never bleeds over the edge. Zero-width glyphs are ignored and control
    /// characters drawn as spaces. Returns the glyph's width in columns.
    @discardableResult
    public mutating func put(_ symbol: Character, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let (glyph, w) = Canvas.glyph(for: symbol)
        put(glyph, width: w, x: x, y: y, style: style, bounds: bounds(clip))
        return w
    }

    /// Writes `text` from (x, y) rightwards, clipped to `clip` (and the canvas).
    /// Glyphs left of the clip are skipped, not shifted, so a clipped label stays where
    /// the unclipped one would be. Returns the column after the text.
    @discardableResult
    public mutating func write<S: StringProtocol>(_ text: S, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let bounds = bounds(clip)
        guard y >= bounds.y, y < bounds.maxY else { return x + DisplayWidth.of(text) }
        var column = x
        if StandaloneScalars.all(text) {
            for scalar in text.unicodeScalars {
                let w = DisplayWidth.of(scalar)
                put(Glyph(scalar), width: w, x: column, y: y, style: style, bounds: bounds)
                column += w
            }
            return column
        }
        for character in text {
            let (glyph, w) = Canvas.glyph(for: character)
            put(glyph, width: w, x: column, y: y, style: style, bounds: bounds)
            column += w
        }
        return column
    }

    /// Writes styled spans one after another from (x, y); returns the column after them.
    @discardableResult
    public mutating func write(_ line: TextLine, x: Int, y: Int, clip: Rect? = nil) -> Int {
        var column = x
        for span in line.spans {
            column = write(span.text, x: column, y: y, style: span.style, clip: clip)
        }
        return column
    }

    /// Fills `rect` with one glyph (a space clears it).
    public mutating func fill(_ rect: Rect, with symbol: Character = " ", style: Style = .plain) {
        let target = rect.intersection(area)
        guard !target.isEmpty else { return }
        let (glyph, w) = Canvas.glyph(for: symbol)
        let cell = Cell(glyph: w > 0 ? glyph : .space, style: style)
        for y in target.y..<target.maxY {
            if w == 2 {
                var x = target.x
                while x < target.maxX {
                    put(glyph, width: 2, x: x, y: y, style: style, bounds: target)
                    x += 2
                }
                continue
            }
            // A narrow fill only needs care at its two edges, where a wide glyph may
            // straddle the boundary.
            detachWide(x: target.x, y: y)
            detachWide(x: target.maxX - 1, y: y)
            let row = y * width
            for x in target.x..<target.maxX { cells[row + x] = cell }
        }
    }

    /// Replaces the style of every cell in `rect`, keeping the glyphs: how a row is
    /// highlighted or a pane's border is recoloured after drawing.
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        let target = rect.intersection(area)
        for y in target.y..<target.maxY {
            for x in target.x..<target.maxX { cells[y * width + x].style = style }
        }
    }

    /// `clip` within the canvas (the whole canvas without one).
    private func bounds(_ clip: Rect?) -> Rect {
        clip.map { $0.intersection(area) } ?? area
    }

    /// Puts a glyph of known width, clipped to `bounds` (inside the canvas).
    private mutating func put(_ glyph: Glyph, width w: Int, x: Int, y: Int, style: Style, bounds: Rect) {
        guard w > 0, y >= bounds.y, y < bounds.maxY, x < bounds.maxX, x + w > bounds.x else { return }
        if w == 1 {
            place(glyph, width: 1, x: x, y: y, style: style)
        } else if x >= bounds.x, x + 1 < bounds.maxX {
            place(glyph, width: 2, x: x, y: y, style: style)
        } else {
            // Straddles the clip edge: show the visible half as blank.
            let column = x < bounds.x ? x + 1 : x
            place(.space, width: 1, x: column, y: y, style: style)
        }
    }

    /// Writes one glyph at a position known to fit, first breaking up any wide glyph
    /// whose half is about to be overwritten so no orphaned half survives.
    private mutating func place(_ glyph: Glyph, width w: Int, x: Int, y: Int, style: Style) {
        detachWide(x: x, y: y)
        if w == 2 { detachWide(x: x + 1, y: y) }
        let i = y * width + x
        cells[i] = Cell(glyph: glyph, style: style)
        if w == 2 { cells[i + 1] = .continuation(style: style) }
    }

    /// If (x, y) is half of a wide glyph, turns the other half into a plain space.
    private mutating func detachWide(x: Int, y: Int) {
        let i = y * width + x
        if cells[i].isContinuation {
            if x > 0 { cells[i - 1] = Cell(glyph: .space, style: cells[i - 1].style) }
            cells[i] = Cell(glyph: .space, style: cells[i].style)
        } else if x + 1 < width, cells[i + 1].isContinuation {
            cells[i + 1] = Cell(glyph: .space, style: cells[i + 1].style)
        }
    }

    /// The stored form and display width of a character. Control characters would
    /// move the terminal's cursor, so they become spaces; ASCII skips the width table.
    static func glyph(for symbol: Character) -> (Glyph, Int) {
        let scalars = symbol.unicodeScalars
        if let only = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex,
           StandaloneScalars.contains(only) {
            return (Glyph(only), DisplayWidth.of(only))
        }
        let utf8 = symbol.utf8
        if utf8.count == 1, let byte = utf8.first {
            return byte < 0x20 || byte == 0x7F ? (.space, 1) : (Glyph(ascii: byte), 1)
        }
        if let first = symbol.unicodeScalars.first, first.value < 0x20 || (0x7F...0x9F).contains(first.value) {
            return (.space, 1)
        }
        return (Glyph(symbol), DisplayWidth.of(symbol))
    }
}
