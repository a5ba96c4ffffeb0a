/// A bordered frame with a title in its top edge: the outline of every pane.
///
/// `┌ 1 RTY/ES ──────── 3M ┐` — the title sits after the corner, a note (lookback,
/// data age) is right-aligned before the other corner. Focus shows without colour (a
/// heavy border and a `▶` marker) and in colour (the `focusBorder` role); a stale or
/// failing feed turns the border and title to `warn`, which wins over the focus colour
/// (the focused shape stays). Without a UTF-8 locale the border is drawn `+-|` and the
/// focused one `+=|` (`ASCIIFallback`).
public struct Box: Widget, Sendable {
    public var title: String
    /// Right-aligned text in the top edge; dropped first when space is short.
    public var note: String?
    /// Shorter notes tried in order when `note` does not fit (`1Y 11-20`, then the
    /// lookback without the date).
    public var fallbackNotes: [String]
    public var isFocused: Bool
    public var isWarning: Bool
    /// The border drawn when focused (`.heavy`, or `.double`).
    public var focusedBorder: BorderSet
    /// Put before the title when focused.
    public var focusMarker: String

    public init(title: String = "", note: String? = nil, fallbackNotes: [String] = [], isFocused: Bool = false,
                isWarning: Bool = false, focusedBorder: BorderSet = .heavy, focusMarker: String = "▶") {
        self.title = title
        self.note = note
        self.fallbackNotes = fallbackNotes
        self.isFocused = isFocused
        self.isWarning = isWarning
        self.focusedBorder = focusedBorder
        self.focusMarker = focusMarker
    }

    /// The space inside the border, where the pane's content goes.
    public static func inner(of area: Rect) -> Rect { area.inset(by: 1) }

    /// The space inside the border of this box drawn in `area`.
    public func inner(of area: Rect) -> Rect { Box.inner(of: area) }

    public var borderSet: BorderSet { isFocused ? focusedBorder : .single }

    public var borderStyle: Style {
        isWarning ? .role(.warn) : (isFocused ? .role(.focusBorder) : .role(.border))
    }

    public var titleStyle: Style { isWarning ? Style.role(.warn).bold() : .role(.title) }

    public var noteStyle: Style { isWarning ? .role(.warn) : .role(.dim) }

    /// Draws the box, clipped to the canvas; a box needs at least 2x2 cells and draws
    /// nothing smaller.
    public func render(into canvas: inout Canvas, area: Rect) {
        let r = area
        guard r.width >= 2, r.height >= 2 else { return }
        let b = borderSet, style = borderStyle
        let (left, right, top, bottom) = (r.x, r.maxX - 1, r.y, r.maxY - 1)
        for x in (left + 1)..<right {
            canvas.put(b.horizontal, x: x, y: top, style: style)
            canvas.put(b.horizontal, x: x, y: bottom, style: style)
        }
        for y in (top + 1)..<bottom {
            canvas.put(b.vertical, x: left, y: y, style: style)
            canvas.put(b.vertical, x: right, y: y, style: style)
        }
        canvas.put(b.topLeft, x: left, y: top, style: style)
        canvas.put(b.topRight, x: right, y: top, style: style)
        canvas.put(b.bottomLeft, x: left, y: bottom, style: style)
        canvas.put(b.bottomRight, x: right, y: bottom, style: style)
        drawTopText(into: &canvas, edge: Rect(x: left + 1, y: top, width: r.width - 2, height: 1))
    }

    /// Title and note as ` title ` and ` note ` inside the top edge. The note needs the
    /// whole title plus one border glyph between them, else the fallback notes are
    /// tried in order, else it is left out; the title
    /// is clipped with `…` and left out below one visible character.
    private func drawTopText(into canvas: inout Canvas, edge: Rect) {
        let fullTitle = isFocused && !focusMarker.isEmpty
            ? (title.isEmpty ? focusMarker : focusMarker + " " + title) : title
        let titleWidth = DisplayWidth.of(fullTitle)
        var titleRoom = edge.width - 2
        let titleNeeds = titleWidth == 0 ? 0 : titleWidth + 2
        for note in ([note].compactMap { $0 } + fallbackNotes) where !note.isEmpty {
            let noteWidth = DisplayWidth.of(note)
            if titleNeeds + 1 + noteWidth + 2 <= edge.width {
                canvas.write(" " + note + " ", x: edge.maxX - noteWidth - 2, y: edge.y,
                             style: noteStyle, clip: edge)
                titleRoom = edge.width - noteWidth - 2 - 1 - 2
                break
            }
        }
        guard titleWidth > 0, titleRoom >= 1 else { return }
        let shown = Truncation.clip(fullTitle, width: min(titleRoom, titleWidth))
        guard shown != "…" || titleWidth == 1 else { return }
        canvas.write(" " + shown + " ", x: edge.x, y: edge.y, style: titleStyle, clip: edge)
    }
}
