/// The levels a series must cross for its own percentile rank to flag an extreme:
/// the band drawn around `above(@U,50)` on the breadth chart, so the eye sees the
/// line touch the band on exactly the rows where EXTREME HIGH / LOW fire.
///
/// With ties counted as at-or-below (as `pctrank` does), over the window's values
/// sorted ascending s[0] <= ... <= s[n-1]:
/// - pctrank >= high  <=>  #{x_i <= x_t} >= m, m = ceil(high n / 100)  <=>  x_t >= s[m-1]
/// - pctrank <= low   <=>  #{x_i <= x_t} <= k, k = floor(low n / 100)  <=>  x_t <  s[k]
/// so `high` is s[m-1] (the flag fires at or above it) and `low` is s[k] (the flag
/// fires strictly below it).
public enum ExtremeBand {
    public static func of(_ x: Series, window n: Int = 252, high: Double = 95, low: Double = 5)
        -> (low: Series, high: Series)
    {
        var lowOut = SeriesBuilder(capacity: Swift.max(0, x.count - n + 1))
        var highOut = SeriesBuilder(capacity: Swift.max(0, x.count - n + 1))
        guard n >= 1, x.count >= n else { return (lowOut.build(), highOut.build()) }
        let m = Swift.min(n, Swift.max(1, Int((high * Double(n) / 100).rounded(.up))))
        let k = Swift.min(n - 1, Swift.max(0, Int((low * Double(n) / 100).rounded(.down))))
        // The window kept sorted: one binary-search insert and one removal per row
        // (an equal value already held sits just before the insertion point).
        var sorted: [Double] = []
        sorted.reserveCapacity(n + 1)
        for t in x.values.indices {
            sorted.insert(x.values[t], at: RollingRank.upperBound(sorted, x.values[t]))
            if t >= n { sorted.remove(at: RollingRank.upperBound(sorted, x.values[t - n]) - 1) }
            if t >= n - 1 {
                lowOut.append(x.dates[t], sorted[k])
                highOut.append(x.dates[t], sorted[m - 1])
            }
        }
        return (lowOut.build(), highOut.build())
    }
}
