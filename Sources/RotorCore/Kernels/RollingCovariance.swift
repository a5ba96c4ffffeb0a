/// Rolling correlation and beta of two series over their joined rows.
///
/// Same scheme as `WindowMoments`: shifted, compensated sums of a, b, a^2, b^2 and
/// a*b, re-centred when either mean drifts far from its shift, and exact zero
/// variance detected from runs of equal values.
enum WindowCovariance {
    /// Calls `body(t, varA, varB, cov)` for every full window ending at t.
    static func forEachWindow(_ a: [Double], _ b: [Double], _ n: Int,
                              _ body: (Int, Double, Double, Double) -> Void) {
        guard n >= 2, a.count >= n else { return }
        let dn = Double(n)
        a.withUnsafeBufferPointer { va in
            b.withUnsafeBufferPointer { vb in
                var ka = va[0], kb = vb[0]
                var a1 = CompensatedSum(), a2 = CompensatedSum()
                var b1 = CompensatedSum(), b2 = CompensatedSum(), ab = CompensatedSum()
                var runA = 0, runB = 0
                func addTerm(_ i: Int, _ sign: Double) {
                    let da = va[i] - ka, db = vb[i] - kb
                    a1.add(sign * da)
                    a2.add(sign * (da * da))
                    b1.add(sign * db)
                    b2.add(sign * (db * db))
                    ab.add(sign * (da * db))
                }
                for t in 0..<va.count {
                    addTerm(t, 1)
                    if t >= n { addTerm(t - n, -1) }
                    runA = t > 0 && va[t] == va[t - 1] ? runA + 1 : 1
                    runB = t > 0 && vb[t] == vb[t - 1] ? runB + 1 : 1
                    guard t >= n - 1 else { continue }

                    func moments() -> (Double, Double, Double, Double, Double) {
                        let ma = a1.value / dn, mb = b1.value / dn
                        let varA = runA >= n ? 0 : (a2.value - a1.value * ma) / (dn - 1)
                        let varB = runB >= n ? 0 : (b2.value - b1.value * mb) / (dn - 1)
                        let cov = (ab.value - a1.value * mb) / (dn - 1)
                        return (ma, mb, varA, varB, cov)
                    }
                    var (ma, mb, varA, varB, cov) = moments()
                    let driftA = runA < n && (varA <= 0 || ma * ma > WindowMoments.maxDriftRatio * varA)
                    let driftB = runB < n && (varB <= 0 || mb * mb > WindowMoments.maxDriftRatio * varB)
                    if driftA || driftB {
                        let window = (t - n + 1)..<(t + 1)
                        ka = CompensatedSum.of(va, window) / dn
                        kb = CompensatedSum.of(vb, window) / dn
                        a1 = CompensatedSum(); a2 = CompensatedSum()
                        b1 = CompensatedSum(); b2 = CompensatedSum(); ab = CompensatedSum()
                        for i in window { addTerm(i, 1) }
                        (ma, mb, varA, varB, cov) = moments()
                        varA = max(0, varA)
                        varB = max(0, varB)
                    }
                    body(t, varA, varB, cov)
                }
            }
        }
    }
}

public enum RollingCovariance {
    /// Pearson correlation of the last n joined rows (`a.rolling(n).corr(b)`);
    /// absent where either side is constant over the window.
    public static func corr(_ a: Series, _ b: Series, _ n: Int) -> Series {
        let j = DateAlignment.innerJoin([a, b])
        var out = SeriesBuilder(capacity: j.dates.count)
        WindowCovariance.forEachWindow(j.columns[0], j.columns[1], n) { t, varA, varB, cov in
            guard let r = pearson(varA, varB, cov) else { return }
            out.append(j.dates[t], r)
        }
        return out.build()
    }

    /// The correlation of one window from its moments, as `corr` writes it: none when
    /// either side is constant (zero variance) or a moment overflowed (values near
    /// 1e154 square to infinity), else clamped to [-1, 1] against rounding. The
    /// overflow check matters because the clamp would turn NaN into -1 (`max(-1,
    /// .nan)` is -1): a wrong number where there should be none. `avgcorr` uses it
    /// per pair so the two cannot disagree.
    static func pearson(_ varA: Double, _ varB: Double, _ cov: Double) -> Double? {
        guard varA > 0, varB > 0, varA.isFinite, varB.isFinite, cov.isFinite else { return nil }
        let r = cov / (varA * varB).squareRoot()
        guard r.isFinite else { return nil }
        return min(1, max(-1, r))
    }

    /// cov(a, b) / var(b) over the last n joined rows (ddof = 1 both); absent where b
    /// is constant over the window.
    public static func beta(_ a: Series, _ b: Series, _ n: Int) -> Series {
        let j = DateAlignment.innerJoin([a, b])
        var out = SeriesBuilder(capacity: j.dates.count)
        WindowCovariance.forEachWindow(j.columns[0], j.columns[1], n) { t, _, varB, cov in
            guard varB > 0, varB.isFinite, cov.isFinite else { return }
            out.append(j.dates[t], cov / varB)
        }
        return out.build()
    }
}
