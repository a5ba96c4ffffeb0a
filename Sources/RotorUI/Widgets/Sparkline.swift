/// A one-row trend of recent values in block glyphs (`▁▂▃▄▅▆▇█`), for table columns
/// and headline rows where a chart does not fit. In ASCII mode the levels are
/// `_.-~=+*#` (`ASCIIFallback.sparklineLevels`).
public struct Sparkline: Widget, Sendable {
    public var values: [Double?]
    public var style: Style

    /// The eight levels, lowest first.
    public static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    public init(_ values: [Double?], style: Style = .role(.series1)) {
        self.values = values
        self.style = style
    }

    public init(_ values: [Double], style: Style = .role(.series1)) {
        self.init(values.map { Optional($0) }, style: style)
    }

    /// Draws `glyphs(width:)` on the first row of `area`.
    public func render(into canvas: inout Canvas, area: Rect) {
        guard !area.isEmpty else { return }
        canvas.write(Sparkline.glyphs(values, width: area.width), x: area.x, y: area.y, style: style, clip: area)
    }

    /// The last `width` values as glyphs, scaled between their own min and max (so the
    /// shape of what is shown fills the height); gaps are spaces, constant data sits at
    /// the middle level `▄`. Fewer values than columns give a shorter string.
    public static func glyphs(_ values: [Double?], width: Int) -> String {
        guard width > 0 else { return "" }
        let shown = values.suffix(width).map { v -> Double? in v.flatMap { $0.isFinite ? $0 : nil } }
        let present = shown.compactMap { $0 }
        guard let low = present.min(), let high = present.max() else {
            return String(repeating: " ", count: shown.count)
        }
        let top = Double(levels.count - 1)
        return String(shown.map { value -> Character in
            guard let value else { return " " }
            guard high > low else { return levels[levels.count / 2 - 1] }
            return levels[Int(((value - low) / (high - low) * top).rounded())]
        })
    }

    public static func glyphs(_ values: [Double], width: Int) -> String {
        glyphs(values.map { Optional($0) }, width: width)
    }
}
