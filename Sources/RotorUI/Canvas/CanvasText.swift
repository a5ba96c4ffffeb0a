/// The canvas as plain text: what snapshots save and golden tests compare.
extension Canvas {
    /// One string per row, wide glyphs once (their continuation cell adds nothing),
    /// trailing spaces trimmed.
    public func lines() -> [String] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(width * 3)
        return (0..<height).map { y in
            bytes.removeAll(keepingCapacity: true)
            for cell in cells[(y * width)..<(y * width + width)] where !cell.isContinuation {
                cell.glyph.append(to: &bytes)
            }
            while bytes.last == 0x20 { bytes.removeLast() }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// `lines()` joined with newlines (no newline after the last row).
    public func text() -> String { lines().joined(separator: "\n") }
}
