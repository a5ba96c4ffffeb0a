import Foundation

/// Mutual information of two series over a rolling window, in nats, from an
/// equal-width `bins` x `bins` histogram of each window (METRICS.md "mi").
///
/// The bin edges depend on each window's own min and max, so every window is binned
/// afresh: O(N x n) for N rows, with the min/max found by monotonic deques. At the
/// panes' n = 60 this is a few hundred thousand operations for ten years of data.
public enum MutualInformation {
    public static func mi(_ a: Series, _ b: Series, _ n: Int, bins: Int) -> Series {
        let j = DateAlignment.innerJoin([a, b])
        let va = j.columns[0], vb = j.columns[1]
        var out = SeriesBuilder(capacity: j.dates.count)
        // The evaluator holds bins to 2...64 and n to 100000 (ExpressionLimits); a
        // direct caller gets no values rather than a bins^2 table of any size.
        guard n >= 1, n <= ExpressionLimits.maxWindow, bins >= 1, bins <= ExpressionLimits.maxBins,
              va.count >= n else { return out.build() }
        let (lows, highs) = windowRanges(va, n), (lowsB, highsB) = windowRanges(vb, n)
        var table = [Int](repeating: 0, count: bins * bins)
        var marginA = [Int](repeating: 0, count: bins), marginB = [Int](repeating: 0, count: bins)
        let dn = Double(n)
        // p_ij ln(p_ij / (p_i p_j)) = (c/n)(ln c + ln n - ln a - ln b) with counts c, a,
        // b <= n: the logarithms come from a table instead of a call per cell.
        let logs = (0...n).map { $0 == 0 ? 0 : Foundation.log(Double($0)) }
        let logN = logs[n]
        for t in (n - 1)..<va.count {
            let w = t - (n - 1)
            for k in table.indices { table[k] = 0 }
            for k in 0..<bins { marginA[k] = 0; marginB[k] = 0 }
            for i in (t - n + 1)...t {
                let ia = bin(va[i], lows[w], highs[w], bins)
                let ib = bin(vb[i], lowsB[w], highsB[w], bins)
                table[ia * bins + ib] += 1
                marginA[ia] += 1
                marginB[ib] += 1
            }
            var total = 0.0
            for ia in 0..<bins where marginA[ia] > 0 {
                let logA = logs[marginA[ia]]
                for ib in 0..<bins {
                    let c = table[ia * bins + ib]
                    guard c > 0 else { continue }
                    total += Double(c) / dn * (logs[c] + logN - logA - logs[marginB[ib]])
                }
            }
            out.append(j.dates[t], total)
        }
        return out.build()
    }

    /// min(bins - 1, floor((v - lo) / (hi - lo) * bins)), 0 when hi == lo: the order
    /// of operations is part of the contract (it decides values on bin edges).
    @inline(__always) static func bin(_ v: Double, _ lo: Double, _ hi: Double, _ bins: Int) -> Int {
        guard hi > lo else { return 0 }
        // The quotient is >= 0, so truncation is the floor.
        return Swift.min(bins - 1, Int((v - lo) / (hi - lo) * Double(bins)))
    }

    /// Each full window's (min, max), both in one pass.
    private static func windowRanges(_ v: [Double], _ n: Int) -> (lows: [Double], highs: [Double]) {
        var lows: [Double] = [], highs: [Double] = []
        lows.reserveCapacity(v.count - n + 1)
        highs.reserveCapacity(v.count - n + 1)
        v.withUnsafeBufferPointer { buffer in
            RollingExtrema.forEachWindowHighLow(buffer, n) { _, high, low in
                lows.append(low)
                highs.append(high)
            }
        }
        return (lows, highs)
    }
}
