/// Select Graphic Rendition parameters for a style: the one place that knows
/// escape-sequence numbers.
enum SGR {
    /// The parameters (without `ESC [` and `m`) that draw a resolved style degraded to
    /// `depth`; empty for the terminal's defaults.
    static func parameters(for style: Style, depth: ColorDepth) -> [String] {
        let shown = style.approximated(for: depth)
        var codes: [String] = []
        if shown.attributes.contains(.bold) { codes.append("1") }
        if shown.attributes.contains(.dim) { codes.append("2") }
        if shown.attributes.contains(.underline) { codes.append("4") }
        if shown.attributes.contains(.reverse) { codes.append("7") }
        if let fg = colorCode(shown.foreground, base: 30) { codes.append(fg) }
        if let bg = colorCode(shown.background, base: 40) { codes.append(bg) }
        return codes
    }

    /// Whether a space drawn in this resolved style is visible at `depth` (a
    /// background, reverse video or an underline), which decides if trailing spaces
    /// may be trimmed.
    static func showsBlank(_ style: Style, depth: ColorDepth) -> Bool {
        let shown = style.approximated(for: depth)
        return !shown.attributes.intersection([.reverse, .underline]).isEmpty || shown.background != .default
    }

    /// `base` is 30 for foreground and 40 for background; 38/48 follow from it.
    private static func colorCode(_ color: Color, base: Int) -> String? {
        switch color {
        case .default, .role: nil
        case .indexed(let n): "\(base + 8);5;\(n)"
        case .rgb(let r, let g, let b): "\(base + 8);2;\(r);\(g);\(b)"
        default: color.basicIndex.map { "\(base + $0)" }
        }
    }
}
