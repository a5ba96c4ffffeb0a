/// Mean and sample variance of every full window of n rows, in one pass.
///
/// Exactness where the textbook formulas fail: a price near 5000 that moves by 0.01
/// has a window variance around 1e-4, which a plain sum of squares (x^2 near 2.5e7)
/// loses entirely to cancellation. Here every value is first shifted by a constant
/// close to the window mean, the shifted sums are compensated, and when the mean
/// drifts far from the shift (measured in window standard deviations) the shift is
/// moved and the window re-summed. A window whose values are all identical has
/// variance exactly 0, as pandas reports, detected by the length of the run of equal
/// values rather than by a computed number that might come out as 1e-30.
struct WindowMoments {
    /// Index of the first full window: n - 1.
    let start: Int
    /// For t >= start, entry t - start is the window ending at t.
    var mean: [Double] = []
    /// Sample variance (ddof = 1); NaN when n == 1.
    var variance: [Double] = []
    /// x_t - mean_t, computed from the shifted sums so that it keeps its digits.
    var deviation: [Double] = []

    /// Drift of the mean from the shift, in variances, beyond which the window is
    /// re-summed: keeps the cancellation in S2 - S1^2/n below a factor of ~100.
    static let maxDriftRatio = 100.0

    init(_ x: [Double], _ n: Int) {
        start = n - 1
        guard n >= 1, x.count >= n else { return }
        let outCount = x.count - n + 1
        mean.reserveCapacity(outCount)
        variance.reserveCapacity(outCount)
        deviation.reserveCapacity(outCount)
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

                var m1 = s1.value / dn
                var varianceT: Double
                if n == 1 {
                    varianceT = .nan
                } else if equalRun >= n {
                    varianceT = 0
                } else {
                    varianceT = (s2.value - s1.value * m1) / (dn - 1)
                    if varianceT <= 0 || m1 * m1 > Self.maxDriftRatio * varianceT {
                        // Re-centre on this window's mean and sum it again, exactly.
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
                        varianceT = max(0, (s2.value - s1.value * m1) / (dn - 1))
                    }
                }
                mean.append(shift + m1)
                variance.append(varianceT)
                deviation.append((v[t] - shift) - m1)
            }
        }
    }
}

/// Rolling mean, standard deviation, z-score and realized volatility.
public enum RollingStats {
    /// Mean of the last n rows (`x.rolling(n).mean()`), from row n.
    public static func sma(_ x: Series, _ n: Int) -> Series {
        let m = WindowMoments(x.values, n)
        return emit(x, m) { m.mean[$0] }
    }

    /// Sample standard deviation of the last n rows (`x.rolling(n).std()`).
    public static func std(_ x: Series, _ n: Int) -> Series {
        let m = WindowMoments(x.values, n)
        return emit(x, m) { m.variance[$0].squareRoot() }
    }

    /// (x_t - mean) / std over the last n rows; absent where the window is constant.
    public static func zscore(_ x: Series, _ n: Int) -> Series {
        let m = WindowMoments(x.values, n)
        return emit(x, m) { i in
            let variance = m.variance[i]
            return variance > 0 ? m.deviation[i] / variance.squareRoot() : .nan
        }
    }

    /// sqrt(252) * 100 * std(logret(x), n): annualized realized volatility in percent.
    public static func rvol(_ x: Series, _ n: Int) -> Series {
        let r = Elementwise.logret(x)
        let m = WindowMoments(r.values, n)
        let annualize = (252.0).squareRoot()
        return emit(r, m) { m.variance[$0].squareRoot() * annualize * 100 }
    }

    private static func emit(_ x: Series, _ m: WindowMoments, _ value: (Int) -> Double) -> Series {
        var out = SeriesBuilder(capacity: m.mean.count)
        for i in m.mean.indices { out.append(x.dates[m.start + i], value(i)) }
        return out.build()
    }
}
