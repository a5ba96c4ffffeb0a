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

    /// Rolling max and min together, two deques in one pass (breadth's new highs
    /// and lows over every member).
    static func forEachWindowHighLow(_ v: UnsafeBufferPointer<Double>, _ n: Int,
                                     _ body: (_ t: Int, _ high: Double, _ low: Double) -> Void) {
        guard n >= 1, v.count >= n else { return }
        let highs = UnsafeMutableBufferPointer<Int>.allocate(capacity: v.count)
        let lows = UnsafeMutableBufferPointer<Int>.allocate(capacity: v.count)
        defer { highs.deallocate(); lows.deallocate() }
        var hHead = 0, hTail = 0, lHead = 0, lTail = 0
        for t in 0..<v.count {
            let x = v[t]
            if hTail > hHead, highs[hHead] <= t - n { hHead += 1 }
            if lTail > lHead, lows[lHead] <= t - n { lHead += 1 }
            while hTail > hHead, x >= v[highs[hTail - 1]] { hTail -= 1 }
            while lTail > lHead, x <= v[lows[lTail - 1]] { lTail -= 1 }
            highs[hTail] = t
            hTail += 1
            lows[lTail] = t
            lTail += 1
            if t >= n - 1 { body(t, v[highs[hHead]], v[lows[lHead]]) }
        }
    }
}
