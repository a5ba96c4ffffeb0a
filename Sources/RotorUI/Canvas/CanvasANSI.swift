/// The canvas as text with colour escape sequences: `rotor snapshot --ansi`.
extension Canvas {
    /// One string per row with SGR sequences: roles resolved through `palette`, colours
    /// degraded to `depth` (`.none` keeps only bold, reverse and underline). A sequence
    /// is written only where the style changes, each one a full reset plus the new
    /// rendition so no attribute leaks; a styled row ends with a reset. Trailing spaces
    /// are trimmed unless they would be visible (a background, reverse, underline).
    public func ansiLines(depth: ColorDepth, palette: Palette = .standard) -> [String] {
        var cache: [Style: (codes: [UInt8], showsBlank: Bool)] = [:]
        func rendition(_ style: Style) -> (codes: [UInt8], showsBlank: Bool) {
            if let known = cache[style] { return known }
            let resolved = palette.resolve(style)
            let parameters = SGR.parameters(for: resolved, depth: depth)
            let codes = Array((parameters.isEmpty ? "\u{1B}[0m" : "\u{1B}[0;" + parameters.joined(separator: ";") + "m").utf8)
            let made = (codes, SGR.showsBlank(resolved, depth: depth))
            cache[style] = made
            return made
        }
        let plain = rendition(.plain).codes
        var bytes: [UInt8] = []
        return (0..<height).map { y in
            let row = cells[(y * width)..<(y * width + width)]
            var end = row.endIndex
            while end > row.startIndex {
                let cell = row[end - 1]
                if !cell.isContinuation, cell.glyph != .space || rendition(cell.style).showsBlank { break }
                end -= 1
            }
            bytes.removeAll(keepingCapacity: true)
            var current = Style.plain
            var currentCodes = plain
            for cell in row[row.startIndex..<end] where !cell.isContinuation {
                if cell.style != current {
                    let next = rendition(cell.style).codes
                    if next != currentCodes { bytes += next }
                    current = cell.style
                    currentCodes = next
                }
                cell.glyph.append(to: &bytes)
            }
            if currentCodes != plain { bytes += plain }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
