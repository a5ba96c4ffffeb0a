/// Mean and sample variance of every full window of n rows, in one pass.
///
/// Exactness where the textbook formulas fail: a price near 5000 that moves by 0.01
/// has a window variance around 1e-4, which running sums of x and x^2 (x^2 near
/// 2.5e7) lose to cancellation. Here every value is first shifted by a constant
/// close to the window mean, the shifted sums are compensated, and when the mean
/// drifts far from the shift (measured in window variances) the shift is moved and
/// the window re-summed. A window whose values are all identical has mean exactly
/// that value and variance exactly 0, as pandas reports, detected by the length of
/// the run of equal values rather than by a computed number that might be 1e-30.
enum WindowMoments {
    /// Drift of the mean from the shift, in variances, beyond which the window is
    /// re-summed: keeps the cancellation in S2 - S1^2/n below a factor of ~100.
    static let maxDriftRatio = 100.0

    /// Calls `body(t, mean, variance, deviation)` for every full window ending at t;
    /// `variance` is the sample variance (ddof = 1, NaN when n == 1) and `deviation`
    /// is x_t - mean, computed from the shifted sums so that it keeps its digits.
    @inline(__always)
    static func forEachWindow(_ x: [Double], _ n: Int,
                              _ body: (_ t: Int, _ mean: Double, _ variance: Double, _ deviation: Double) -> Void) {
        guard n >= 1, x.count >= n else { return }
        let dn = Double(n)
        x.withUnsafeBufferPointer { v in
            var shift = v[0]
            var s1 = CompensatedSum(), s2 = CompensatedSum()
            var equalRun = 0
            for t in 0..<v.count {
                let d = v[t] - shift
                s1.add(d)
                s2.add(d * d)
                if t >= n {
                    let old = v[t - n] - shift
                    s1.add(-old)
                    s2.add(-(old * old))
                }
                equalRun = t > 0 && v[t] == v[t - 1] ? equalRun + 1 : 1
                guard t >= n - 1 else { continue }
                if equalRun >= n {
                    body(t, v[t], n == 1 ? .nan : 0, 0)
                    continue
                }
                var m1 = s1.value / dn
                var variance = (s2.value - s1.value * m1) / (dn - 1)
                if variance <= 0 || m1 * m1 > maxDriftRatio * variance {
                    // Re-centre on this window's mean and sum it again.
                    let window = (t - n + 1)..<(t + 1)
                    shift = CompensatedSum.of(v, window) / dn
                    s1 = CompensatedSum()
                    s2 = CompensatedSum()
                    for i in window {
                        let e = v[i] - shift
                        s1.add(e)
                        s2.add(e * e)
                    }
                    m1 = s1.value / dn
                    variance = max(0, (s2.value - s1.value * m1) / (dn - 1))
                }
                body(t, shift + m1, variance, (v[t] - shift) - m1)
            }
        }
    }
}

/// The mean of every full window of n rows, cheaper than `WindowMoments` when no
/// variance is needed (`sma`, and breadth's `above`, which runs over every member).
///
/// A running sum of the values shifted by a recent value, slid by adding
/// x_t - x_{t-n} (one addition on the loop-carried chain), and re-summed exactly
/// and re-shifted every `resumEvery` rows, so rounding accumulates over at most
/// ~1,000 additions: the mean is within ~1e-13 of |x - shift|, far inside the 1e-9
/// contract. Callers that need a constant window's mean to be exactly its value
/// (`sma`) check for that themselves.
enum WindowMean {
    @inline(__always)
    static func forEachWindow(_ x: [Double], _ n: Int, _ body: (_ t: Int, _ mean: Double) -> Void) {
        x.withUnsafeBufferPointer { forEachWindow($0, n, body) }
    }

    @inline(__always)
    static func forEachWindow(_ v: UnsafeBufferPointer<Double>, _ n: Int,
                              _ body: (_ t: Int, _ mean: Double) -> Void) {
        guard n >= 1, v.count >= n else { return }
        // A multiply by 1/n instead of a divide per row: the mean moves by at most
        // an ulp, and `isAbove` settles near-ties exactly.
        let inverse = 1 / Double(n)
        let resumEvery = max(n, 1024)
        var shift = v[0]
        var sum = 0.0
        for i in 0..<n { sum += v[i] - shift }
        body(n - 1, shift + sum * inverse)
        var nextExact = n - 1 + resumEvery
        for t in n..<v.count {
            if t == nextExact {
                shift = v[t]
                sum = CompensatedSum.of(v, (t - n + 1)..<(t + 1), minus: shift)
                nextExact += resumEvery
            } else {
                sum += v[t] - v[t - n]
            }
            body(t, shift + sum * inverse)
        }
    }

    /// Whether x_t > sma_t, where sma_t is the window mean as a number: the exact
    /// mean rounded once to a double (what `x > x.rolling(n).mean()` compares).
    /// `mean` decides unless x_t is within rounding of it; then the exact sum of the
    /// differences x_i - x_t (each exact for nearby prices) says on which side of the
    /// rounding boundary below x_t the exact mean lies.
    @inline(__always)
    static func isAbove(_ v: UnsafeBufferPointer<Double>, _ t: Int, _ n: Int, mean: Double) -> Bool {
        let x = v[t]
        let gap = x - mean
        if abs(gap) > 1e-11 * abs(x) { return gap > 0 }
        let below = x.nextDown
        // The rounded mean is below x when the exact mean x + d/n is below the
        // midpoint of `below` and x (at the midpoint, ties go to the even one).
        let threshold = -((x - below) / 2) * Double(n)
        let d = CompensatedSum.of(v, (t - n + 1)..<(t + 1), minus: x)
        return d < threshold || (d == threshold && below.significandBitPattern & 1 == 0)
    }
}

/// Rolling mean, standard deviation, z-score and realized volatility.
public enum RollingStats {
    /// Mean of the last n rows (`x.rolling(n).mean()`), from row n.
    public static func sma(_ x: Series, _ n: Int) -> Series {
        var out = SeriesBuilder(capacity: x.count)
        let v = x.values
        // The mean of a window of identical values is exactly that value (pandas
        // agrees), not the rounded sum over n: track the last row that changed.
        var lastChange = 0
        for i in 1..<max(1, min(n, v.count)) where v[i] != v[i - 1] { lastChange = i }
        WindowMean.forEachWindow(v, n) { t, mean in
            if t >= n, v[t] != v[t - 1] { lastChange = t }
            out.append(x.dates[t], lastChange <= t - n + 1 ? v[t] : mean)
        }
        return out.build()
    }

    /// Sample standard deviation of the last n rows (`x.rolling(n).std()`).
    public static func std(_ x: Series, _ n: Int) -> Series {
        var out = SeriesBuilder(capacity: x.count)
        WindowMoments.forEachWindow(x.values, n) { t, _, variance, _ in
            out.append(x.dates[t], variance.squareRoot())
        }
        return out.build()
    }

    /// (x_t - mean) / std over the last n rows; absent where the window is constant.
    public static func zscore(_ x: Series, _ n: Int) -> Series {
        var out = SeriesBuilder(capacity: x.count)
        WindowMoments.forEachWindow(x.values, n) { t, _, variance, deviation in
            guard variance > 0 else { return }
            out.append(x.dates[t], deviation / variance.squareRoot())
        }
        return out.build()
    }

    /// sqrt(252) * 100 * std(logret(x), n): annualized realized volatility in percent.
    public static func rvol(_ x: Series, _ n: Int) -> Series {
        let r = Elementwise.logret(x)
        let annualize = (252.0).squareRoot()
        var out = SeriesBuilder(capacity: r.count)
        WindowMoments.forEachWindow(r.values, n) { t, _, variance, _ in
            out.append(r.dates[t], variance.squareRoot() * annualize * 100)
        }
        return out.build()
    }
}
