/// Something that draws itself into a rectangle of a canvas, and nowhere else.
///
/// Widgets are values built fresh for every frame from the model and the theme (as in
/// ratatui); drawing is their only behaviour, so a widget is tested by rendering it
/// into a small canvas and reading the text back.
public protocol Widget {
    /// Draws into `area` (already clipped or not: widgets clip to `area` and to the
    /// canvas themselves). Must not crash for any area, including empty ones.
    func render(into canvas: inout Canvas, area: Rect)
}

extension Canvas {
    /// Renders `widget` into `area` (the whole canvas by default).
    public mutating func render(_ widget: some Widget, area: Rect? = nil) {
        widget.render(into: &self, area: area ?? self.area)
    }
}
