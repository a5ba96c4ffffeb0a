/// Rolling maximum and minimum with a monotonic deque: each row enters and leaves
/// the deque once, so a pass is linear in the series length whatever the window.
public enum RollingExtrema {
    /// Maximum of the last n rows (`x.rolling(n).max()`), from row n.
    public static func max(_ x: Series, _ n: Int) -> Series { extreme(x, n, >=) }

    /// Minimum of the last n rows (`x.rolling(n).min()`), from row n.
    public static func min(_ x: Series, _ n: Int) -> Series { extreme(x, n, <=) }

    private static func extreme(_ x: Series, _ n: Int, _ dominates: (Double, Double) -> Bool) -> Series {
        var out = SeriesBuilder(capacity: Swift.max(0, x.count - n + 1))
        forEachWindow(x.values, n, dominates) { t, best in out.append(x.dates[t], best) }
        return out.build()
    }

    /// Calls `body(t, extreme)` for every full window ending at t; `dominates(a, b)`
    /// says a new value a makes an older b irrelevant (>= for max, <= for min).
    @inline(__always)
    static func forEachWindow(_ values: [Double], _ n: Int, _ dominates: (Double, Double) -> Bool,
                              _ body: (Int, Double) -> Void) {
        guard n >= 1, values.count >= n else { return }
        // Indices into v whose values are monotonic from head to tail. Every index is
        // pushed once, so a flat array of v.count slots with two cursors never wraps.
        var deque = [Int](repeating: 0, count: values.count)
        values.withUnsafeBufferPointer { v in
            deque.withUnsafeMutableBufferPointer { deque in
                var head = 0, tail = 0
                for t in 0..<v.count {
                    if tail > head, deque[head] <= t - n { head += 1 }
                    while tail > head, dominates(v[t], v[deque[tail - 1]]) { tail -= 1 }
                    deque[tail] = t
                    tail += 1
                    if t >= n - 1 { body(t, v[deque[head]]) }
                }
            }
        }
    }

    /// Rolling max and min together (breadth's new highs and lows over every
    /// member), by the van Herk / Gil-Werman method: split the rows into blocks of n,
    /// take running extremes forward and backward within each block, and each window
    /// (which spans at most two blocks) is the extreme of one backward and one forward
    /// value. Three comparisons a row and no data-dependent branches, where a deque
    /// mispredicts on every other row of a noisy price.
    static func forEachWindowHighLow(_ v: UnsafeBufferPointer<Double>, _ n: Int,
                                     _ body: (_ t: Int, _ high: Double, _ low: Double) -> Void) {
        let count = v.count
        guard n >= 1, count >= n else { return }
        let scratch = UnsafeMutableBufferPointer<Double>.allocate(capacity: 4 * count)
        defer { scratch.deallocate() }
        let forwardMax = scratch.baseAddress!, forwardMin = forwardMax + count
        let backwardMax = forwardMin + count, backwardMin = backwardMax + count
        var inBlock = 0
        for i in 0..<count {
            let x = v[i]
            if inBlock == 0 {
                forwardMax[i] = x
                forwardMin[i] = x
            } else {
                forwardMax[i] = x > forwardMax[i - 1] ? x : forwardMax[i - 1]
                forwardMin[i] = x < forwardMin[i - 1] ? x : forwardMin[i - 1]
            }
            inBlock = inBlock == n - 1 ? 0 : inBlock + 1
        }
        // Walking back, a block starts again at its last row (i % n == n - 1) or at
        // the end of the data; the remainder is tracked without a division per row.
        var inBlockBack = (count - 1) % n
        for i in stride(from: count - 1, through: 0, by: -1) {
            let x = v[i]
            let blockEnd = i == count - 1 || inBlockBack == n - 1
            inBlockBack = inBlockBack == 0 ? n - 1 : inBlockBack - 1
            if blockEnd {
                backwardMax[i] = x
                backwardMin[i] = x
            } else {
                backwardMax[i] = x > backwardMax[i + 1] ? x : backwardMax[i + 1]
                backwardMin[i] = x < backwardMin[i + 1] ? x : backwardMin[i + 1]
            }
        }
        for t in (n - 1)..<count {
            let s = t - n + 1
            let high = backwardMax[s] > forwardMax[t] ? backwardMax[s] : forwardMax[t]
            let low = backwardMin[s] < forwardMin[t] ? backwardMin[s] : forwardMin[t]
            body(t, high, low)
        }
    }
}
