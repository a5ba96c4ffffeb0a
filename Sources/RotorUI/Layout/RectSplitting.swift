/// Splitting a rectangle into rows or columns: the building block of pane layouts.
extension Rect {
    /// Stacks parts top to bottom; `spacing` blank rows between neighbours.
    public func rows(_ lengths: [Length], spacing: Int = 0) -> [Rect] {
        Rect.split(total: height, lengths, spacing: spacing).map {
            Rect(x: x, y: y + $0.offset, width: width, height: $0.size)
        }
    }

    /// Lays parts left to right; `spacing` blank columns between neighbours.
    public func columns(_ lengths: [Length], spacing: Int = 0) -> [Rect] {
        Rect.split(total: width, lengths, spacing: spacing).map {
            Rect(x: x + $0.offset, y: y, width: $0.size, height: height)
        }
    }

    /// Sizes and offsets along one axis. Fixed and ratio parts are served first, in
    /// order, until the space runs out; fills share the rest. If nothing fills, the
    /// unclaimed space stays empty at the end, so layouts never stretch silently.
    static func split(total: Int, _ lengths: [Length], spacing: Int) -> [(offset: Int, size: Int)] {
        guard !lengths.isEmpty else { return [] }
        let gaps = max(0, spacing) * (lengths.count - 1)
        var remaining = max(0, total - gaps)
        var sizes = [Int](repeating: 0, count: lengths.count)
        var fillWeights = 0
        for (i, length) in lengths.enumerated() {
            switch length {
            case .fixed(let n):
                sizes[i] = min(max(0, n), remaining)
            case .ratio(let num, let den):
                sizes[i] = den > 0 ? min(max(0, max(0, total - gaps) * num / den), remaining) : 0
            case .fill(let weight):
                fillWeights += max(0, weight)
                continue
            }
            remaining -= sizes[i]
        }
        if fillWeights > 0 {
            var handedOut = 0
            for (i, length) in lengths.enumerated() {
                if case .fill(let weight) = length {
                    sizes[i] = remaining * max(0, weight) / fillWeights
                    handedOut += sizes[i]
                }
            }
            var leftover = remaining - handedOut
            for (i, length) in lengths.enumerated() where leftover > 0 {
                if case .fill(let weight) = length, weight > 0 {
                    sizes[i] += 1
                    leftover -= 1
                }
            }
        }
        var offset = 0
        var result: [(offset: Int, size: Int)] = []
        for size in sizes {
            result.append((min(offset, total), size))
            offset += size + max(0, spacing)
        }
        return result
    }
}
