/// A box centred over whatever is on screen, for the help listing and error details.
///
/// It sizes itself to its longest line and its title, shrinks to the area when the
/// screen is smaller (lines clipped with `…`, a last `…` row when rows run out), and
/// clears the cells beneath it so the panes behind do not show through.
public struct Overlay: Widget, Sendable {
    public var title: String
    public var lines: [TextLine]
    /// An error rather than information: the border and title in the `warn` role.
    public var isWarning: Bool
    /// Blank columns between the border and the text.
    public var padding: Int

    public init(title: String, lines: [TextLine], isWarning: Bool = false, padding: Int = 1) {
        self.title = title
        self.lines = lines
        self.isWarning = isWarning
        self.padding = padding
    }

    /// The rectangle the overlay takes when drawn over `area`.
    public func frame(in area: Rect) -> Rect {
        let textWidth = lines.map(\.width).max() ?? 0
        let width = max(textWidth + 2 * max(0, padding) + 2, DisplayWidth.of(title) + 4)
        return area.centered(width: width, height: lines.count + 2)
    }

    public func render(into canvas: inout Canvas, area: Rect) {
        let frame = frame(in: area.intersection(canvas.area))
        guard !frame.isEmpty else { return }
        canvas.fill(frame)
        let box = Box(title: title, isFocused: true, isWarning: isWarning, focusMarker: "")
        box.render(into: &canvas, area: frame)
        let inner = box.inner(of: frame).inset(left: padding, right: padding)
        guard !inner.isEmpty else { return }
        let overflow = lines.count > inner.height
        for (i, line) in lines.prefix(inner.height).enumerated() {
            let shown: TextLine = overflow && i == inner.height - 1 ? TextLine("…", style: .role(.dim)) : line
            canvas.write(shown.truncated(to: inner.width), x: inner.x, y: inner.y + i, clip: inner)
        }
    }
}
