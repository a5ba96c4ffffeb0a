/// Functions of several series on their joined rows: the equal-weight basket and the
/// cross-sectional dispersion of returns.
public enum Baskets {
    /// Equal-weight basket rebalanced daily: B_0 = 100 on the first joined row,
    /// B_t = B_{t-1} * (1 + mean_i(s_i,t / s_i,t-1 - 1)).
    public static func ewbasket(_ members: [Series]) -> Series {
        let j = DateAlignment.innerJoin(members)
        guard !j.dates.isEmpty else { return Series() }
        let k = Double(members.count)
        var values = [Double](repeating: 100, count: j.dates.count)
        for t in j.dates.indices.dropFirst() {
            var sum = 0.0
            for column in j.columns { sum += column[t] / column[t - 1] - 1 }
            values[t] = values[t - 1] * (1 + sum / k)
        }
        var out = SeriesBuilder(capacity: values.count)
        for t in values.indices { out.append(j.dates[t], values[t]) }
        return out.build()
    }

    /// 100 * sample standard deviation (ddof = 1) across members of their one-row
    /// returns, in percent, from the 2nd joined row.
    public static func dispersion(_ members: [Series]) -> Series {
        let j = DateAlignment.innerJoin(members)
        var out = SeriesBuilder(capacity: j.dates.count)
        guard members.count >= 2, j.dates.count >= 2 else { return out.build() }
        var returns = [Double](repeating: 0, count: members.count)
        for t in j.dates.indices.dropFirst() {
            for (i, column) in j.columns.enumerated() { returns[i] = column[t] / column[t - 1] - 1 }
            out.append(j.dates[t], 100 * sampleStd(returns))
        }
        return out.build()
    }

    /// Two-pass sample standard deviation: exact enough for a handful of returns.
    static func sampleStd(_ v: [Double]) -> Double {
        let n = Double(v.count)
        var mean = CompensatedSum()
        for x in v { mean.add(x) }
        let m = mean.value / n
        var ss = CompensatedSum(), s = CompensatedSum()
        for x in v {
            ss.add((x - m) * (x - m))
            s.add(x - m)
        }
        // The corrected two-pass form removes the rounding left in m.
        return ((ss.value - s.value * s.value / n) / (n - 1)).squareRoot()
    }
}
