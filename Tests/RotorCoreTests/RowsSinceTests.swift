import RotorCore
import Testing

/// `sincehigh`/`sincelow` by hand on small series: ties, records, a flat run, and
/// the linear stack against the quadratic definition on seeded random walks.
@Suite struct RowsSinceTests {
    func series(_ values: [Double]) -> Series {
        Series(dates: values.indices.map { Day(ordinal: Int32(19000 + $0)) }, values: values)
    }

    /// Row index -> value, absent rows left out.
    func byRow(_ out: Series, of x: Series) -> [Int: Double] {
        var rows: [Int: Double] = [:]
        for (d, v) in zip(out.dates, out.values) { rows[x.dates.firstIndex(of: d)!] = v }
        return rows
    }

    @Test func recordsHaveNoValueAndTiesCountAsReached() {
        let x = series([5, 3, 4, 4, 6, 2, 6, 1])
        // Row 0 and the new high at row 4 are records; row 3 ties row 2 (1 row since);
        // row 6 ties row 4's 6 (2 rows since).
        #expect(byRow(RowsSince.sincehigh(x), of: x) == [1: 1, 2: 2, 3: 1, 5: 1, 6: 2, 7: 1])
        // Lows: row 0, then 3 at row 1, 2 at row 5 and 1 at row 7 are records.
        #expect(byRow(RowsSince.sincelow(x), of: x) == [2: 1, 3: 1, 4: 1, 6: 1])
    }

    @Test func aFlatRunIsOneRowSinceOnEveryRowButItsFirst() {
        let x = series([2, 2, 2, 2])
        #expect(RowsSince.sincehigh(x).values == [1, 1, 1])
        #expect(RowsSince.sincelow(x).values == [1, 1, 1])
        #expect(RowsSince.sincehigh(series([])).isEmpty)
        #expect(RowsSince.sincehigh(series([7])).isEmpty)
    }

    /// The definition, quadratic: the nearest earlier row that reaches row t.
    func definition(_ v: [Double], _ reaches: (Double, Double) -> Bool) -> [Int: Double] {
        var out: [Int: Double] = [:]
        for t in v.indices {
            if let s = stride(from: t - 1, through: 0, by: -1).first(where: { reaches(v[$0], v[t]) }) { out[t] = Double(t - s) }
        }
        return out
    }

    @Test(arguments: [1, 2, 3, 4, 5])
    func theStackAgreesWithTheDefinition(seed: UInt64) {
        // A seeded walk on a coarse grid, so ties are common.
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        var v: [Double] = [], level = 0.0
        for _ in 0..<2000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            level += Double(Int(state >> 61) - 3)
            v.append(level)
        }
        let x = series(v)
        #expect(byRow(RowsSince.sincehigh(x), of: x) == definition(v, >=))
        #expect(byRow(RowsSince.sincelow(x), of: x) == definition(v, <=))
    }
}
