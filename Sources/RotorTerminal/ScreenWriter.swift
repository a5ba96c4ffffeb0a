import CNcursesw
import RotorUI

/// Turns the previous frame into the new one on the screen by writing only the cells
/// that changed, so a dashboard that redraws every second sends a few bytes, not a
/// screenful, and an unchanged frame sends nothing at all (no refresh either).
///
/// Everything is repainted when there is no trustworthy previous frame: the first
/// frame, a size change (after KEY_RESIZE ncurses' idea of the screen may not match
/// what the terminal shows) and a palette change (cells keep their roles, so the diff
/// would see nothing, yet every colour changed).
final class ScreenWriter {
    private let colors: ColorPairs
    private var previous: Canvas?
    private var previousPalette: Palette?
    /// Resolution and pair lookup per distinct style; a frame has only a handful.
    private var renditions: [Style: Rendition] = [:]
    /// The cluster as wide characters plus the terminator setcchar needs.
    private var wide = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)

    init(colors: ColorPairs) {
        self.colors = colors
    }

    /// Writes `canvas` to the screen; returns the number of cells written.
    @discardableResult
    func draw(_ canvas: Canvas, palette: Palette) -> Int {
        let samePalette = palette == previousPalette
        if !samePalette {
            renditions.removeAll(keepingCapacity: true)
            previousPalette = palette
        }
        let everything = Canvas(width: 0, height: 0)
        let changes: [CellChange]
        if let previous, previous.width == canvas.width, previous.height == canvas.height {
            changes = canvas.diff(previous: samePalette ? previous : everything)
            if changes.isEmpty { return 0 }
        } else {
            // `clear` also makes the next refresh repaint the physical screen from
            // scratch, which removes whatever a resize left behind.
            clear()
            changes = canvas.diff(previous: everything)
        }
        for change in changes {
            write(change.cell, x: change.x, y: change.y, palette: palette)
        }
        refresh()
        previous = canvas
        return changes.count
    }

    /// One cell with `mvadd_wch`; a wide glyph fills its continuation cell itself.
    private func write(_ cell: Cell, x: Int, y: Int, palette: Palette) {
        let rendition = rendition(for: cell.style, palette: palette)
        var count = 0
        for scalar in cell.symbol.unicodeScalars where count < Int(CCHARW_MAX) {
            wide[count] = wchar_t(bitPattern: scalar.value)
            count += 1
        }
        wide[count] = 0
        var character = cchar_t()
        var status = setChar(&character, rendition)
        if status == rotor_err() {
            // A cluster ncurses rejects (e.g. one starting with a combining mark)
            // becomes a space rather than leaving stale text behind.
            wide[0] = 0x20
            wide[1] = 0
            status = setChar(&character, rendition)
        }
        // ERR at the bottom-right corner only means the cursor could not advance;
        // the cell is written.
        _ = mvadd_wch(Int32(y), Int32(x), &character)
    }

    private func setChar(_ character: inout cchar_t, _ rendition: Rendition) -> Int32 {
        #if os(Linux)
        // The extended-colour form: the pair travels as an int through `opts`, since
        // the short parameter cannot hold pairs above 32,767.
        var pair = rendition.pair
        return setcchar(&character, wide, rendition.attributes, 0, &pair)
        #else
        return setcchar(&character, wide, rendition.attributes, Int16(truncatingIfNeeded: rendition.pair), nil)
        #endif
    }

    private func rendition(for style: Style, palette: Palette) -> Rendition {
        if let known = renditions[style] { return known }
        let made = colors.rendition(for: palette.resolve(style))
        renditions[style] = made
        return made
    }
}
