/// Percentile rank of the current value within its window, with ties counted as
/// "at or below" (pandas `rank(pct=True, method="max")`).
///
/// Values are mapped to their rank among all distinct values of the series, and a
/// Fenwick tree over those ranks counts how many window values are <= the current
/// one in O(log n): the whole pass is O(N log N) rather than O(N x window).
public enum RollingRank {
    /// 100 * #{i in window : x_i <= x_t} / n, from row n.
    public static func pctrank(_ x: Series, _ n: Int) -> Series {
        var out = SeriesBuilder(capacity: Swift.max(0, x.count - n + 1))
        guard n >= 1, x.count >= n else { return out.build() }
        let distinct = uniqueSorted(x.values)
        let rank = x.values.map { upperBound(distinct, $0) } // 1-based rank of each value
        var tree = FenwickTree(size: distinct.count)
        let dn = Double(n)
        for t in x.values.indices {
            tree.add(rank[t], 1)
            if t >= n { tree.add(rank[t - n], -1) }
            if t >= n - 1 { out.append(x.dates[t], 100 * Double(tree.prefixSum(rank[t])) / dn) }
        }
        return out.build()
    }

    private static func uniqueSorted(_ v: [Double]) -> [Double] {
        var sorted = v.sorted()
        var w = 0
        for r in sorted.indices where r == 0 || sorted[r] != sorted[w - 1] {
            sorted[w] = sorted[r]
            w += 1
        }
        sorted.removeLast(sorted.count - w)
        return sorted
    }

    /// Number of elements of `sorted` that are <= x.
    static func upperBound(_ sorted: [Double], _ x: Double) -> Int {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] <= x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// Prefix counts over positions 1...size with point updates, both O(log size).
struct FenwickTree {
    private var tree: [Int]

    init(size: Int) { tree = [Int](repeating: 0, count: size + 1) }

    mutating func add(_ position: Int, _ delta: Int) {
        var i = position
        while i < tree.count {
            tree[i] += delta
            i += i & -i
        }
    }

    func prefixSum(_ position: Int) -> Int {
        var i = position, s = 0
        while i > 0 {
            s += tree[i]
            i -= i & -i
        }
        return s
    }
}
