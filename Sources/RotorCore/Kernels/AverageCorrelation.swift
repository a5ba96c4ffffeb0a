/// The average pairwise correlation of a basket (METRICS.md "Records and
/// cross-correlation"): how tightly its members move together, the realized side of
/// the research's "implied correlation can blow out".
public enum AverageCorrelation {
    /// At row t of the inner join of all `members`: the mean over all pairs i < j of
    /// the Pearson correlation of members i and j over the last n joined rows.
    /// pandas: `mean(j[a].rolling(n).corr(j[b]) for a, b in combinations(cols, 2))`.
    ///
    /// Each pair goes through `corr`'s own window kernel and rule
    /// (`RollingCovariance.pearson`), on the rows of the join of *all* members, so
    /// with two members this is `corr(a, b, n)` to the bit. A window where any member
    /// is constant leaves its pairs without a correlation, and the mean is then
    /// absent (an average of the pairs that exist would silently be another basket).
    /// The dates are the join's, from its n-th row. Cost: O(k^2 * rows) time, O(rows)
    /// extra memory.
    public static func avgcorr(_ members: [Series], _ n: Int) -> Series {
        let j = DateAlignment.innerJoin(members)
        let k = members.count, rows = j.dates.count
        var out = SeriesBuilder(capacity: rows)
        guard k >= 2, n >= 2, rows >= n else { return out.build() }
        // Per row, the sum of the pairs' correlations and how many pairs have one.
        var sums = [CompensatedSum](repeating: CompensatedSum(), count: rows)
        var counted = [Int](repeating: 0, count: rows)
        for a in 0..<(k - 1) {
            for b in (a + 1)..<k {
                WindowCovariance.forEachWindow(j.columns[a], j.columns[b], n) { t, varA, varB, cov in
                    guard let r = RollingCovariance.pearson(varA, varB, cov) else { return }
                    sums[t].add(r)
                    counted[t] += 1
                }
            }
        }
        let pairs = k * (k - 1) / 2
        for t in (n - 1)..<rows where counted[t] == pairs {
            out.append(j.dates[t], sums[t].value / Double(pairs))
        }
        return out.build()
    }
}
