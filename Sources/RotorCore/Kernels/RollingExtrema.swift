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
    static func forEachWindow(_ v: [Double], _ n: Int, _ dominates: (Double, Double) -> Bool,
                              _ body: (Int, Double) -> Void) {
        guard n >= 1, v.count >= n else { return }
        // Indices into v, values monotonic from head to tail; a ring buffer of size n.
        var ring = [Int](repeating: 0, count: n)
        var head = 0, size = 0
        for t in v.indices {
            if size > 0, ring[head] <= t - n {
                head = (head + 1) % n
                size -= 1
            }
            while size > 0, dominates(v[t], v[ring[(head + size - 1) % n]]) { size -= 1 }
            ring[(head + size) % n] = t
            size += 1
            if t >= n - 1 { body(t, v[ring[head]]) }
        }
    }
}
