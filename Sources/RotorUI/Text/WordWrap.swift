/// Breaking prose into lines of a number of columns, for text that must be read
/// whole rather than cut (the help's definitions).
public enum WordWrap {
    /// `text` broken at spaces into lines of at most `width` columns (display width);
    /// a word longer than a line is split across lines. Runs of spaces collapse to
    /// one; an empty text is one empty line; a width below 1 counts as 1.
    public static func lines(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        var current = ""
        var used = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            var rest = word
            var w = DisplayWidth.of(rest)
            if used > 0, used + 1 + w <= width {
                current += " " + rest
                used += 1 + w
                continue
            }
            if used > 0 {
                lines.append(current)
                current = ""
                used = 0
            }
            while w > width {
                let head = Truncation.prefix(rest, width: width)
                // A glyph wider than the whole line still has to go somewhere.
                let taken = head.isEmpty ? String(rest.prefix(1)) : head
                lines.append(taken)
                rest = String(rest.dropFirst(taken.count))
                w = DisplayWidth.of(rest)
            }
            current = rest
            used = w
        }
        if used > 0 || lines.isEmpty { lines.append(current) }
        return lines
    }
}
