/// Cutting text to a number of columns, the way every widget shortens what does not fit:
/// keep the start, mark the cut with `…`.
public enum Truncation {
    /// `text` if it fits in `width` columns, else its longest prefix that fits in
    /// `width - 1` columns followed by `…` (just `…` at width 1, empty at 0).
    public static func clip(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        guard DisplayWidth.of(text) > width else { return text }
        return prefix(text, width: width - 1) + "…"
    }

    /// The longest prefix of `text` that fits in `width` columns (a wide glyph that
    /// would cross the limit is dropped, so the result may be one column short).
    public static func prefix(_ text: String, width: Int) -> String {
        var result = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width { break }
            result.append(character)
            used += w
        }
        return result
    }

    /// `text` padded with spaces (or clipped) to exactly `width` columns, aligned.
    public static func fit(_ text: String, width: Int, alignment: Alignment) -> String {
        let clipped = clip(text, width: width)
        let pad = String(repeating: " ", count: max(0, width - DisplayWidth.of(clipped)))
        return alignment.resolved(for: text) == .right ? pad + clipped : clipped + pad
    }
}
