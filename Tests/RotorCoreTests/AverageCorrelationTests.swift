import Testing
@testable import RotorCore

/// `avgcorr(s1, ..., sk, n)`: its rules beyond the reference values (which
/// ReferenceValueTests checks against pandas): it is `corr` for two series, its
/// dates are the join's, a constant member leaves it absent, and its arguments are
/// checked with errors that name the argument, the limit and the column.
@Suite struct AverageCorrelationTests {
    /// Seeded walks on 200 weekdays; `gap` drops every gap-th row (0: none).
    static func walk(_ seed: UInt64, start: Double, gap: Int = 0) -> Series {
        var rng = StreamingKernelTests.SplitMix(state: seed)
        var x = start, dates: [Day] = [], values: [Double] = []
        for i in 0..<200 {
            x *= 1 + Double.random(in: -0.02...0.02, using: &rng)
            if gap == 0 || i % gap != 0 {
                dates.append(Day(ordinal: Int32(19_000 + i)))
                values.append((x * 100).rounded() / 100)
            }
        }
        return Series(dates: dates, values: values)
    }

    static let a = walk(1, start: 100), b = walk(2, start: 50, gap: 7), c = walk(3, start: 20, gap: 11)
    /// Equal to b's rows 40..<80 then moving again: windows inside the run are constant.
    static let flat: Series = {
        var values = walk(4, start: 30).values
        for i in 41..<80 { values[i] = values[40] }
        return Series(dates: walk(4, start: 30).dates, values: values)
    }()

    static let data = MarketData(symbols: ["A": a, "B": b, "C": c, "FLAT": flat], universes: [:])

    func evaluate(_ text: String) throws -> Series {
        var evaluator = Evaluator(data: Self.data)
        return try evaluator.evaluate(text)
    }

    func message(_ text: String) -> String? {
        do {
            _ = try evaluate(text)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func twoSeriesIsCorrToTheBit() throws {
        for n in [2, 5, 20, 150] {
            let pair = try evaluate("avgcorr(A,B,\(n))")
            #expect(pair.count > 0)
            #expect(pair == RollingCovariance.corr(Self.a, Self.b, n), "n = \(n)")
        }
    }

    /// Every pair on the rows of the join of all three (not each pair's own join),
    /// averaged; the dates are the join's from its n-th row.
    @Test func threeSeriesAverageThePairsOnTheirCommonRows() throws {
        let n = 20
        let result = try evaluate("avgcorr(A,B,C,\(n))")
        let j = DateAlignment.innerJoin([Self.a, Self.b, Self.c])
        #expect(j.dates.count < Self.b.count && j.dates.count < Self.c.count) // the join drops rows
        #expect(result.dates == Array(j.dates.dropFirst(n - 1)))
        let s = j.columns.map { Series(dates: j.dates, values: $0) }
        let ab = RollingCovariance.corr(s[0], s[1], n), ac = RollingCovariance.corr(s[0], s[2], n)
        let bc = RollingCovariance.corr(s[1], s[2], n)
        for i in result.values.indices {
            let mean = (ab.values[i] + ac.values[i] + bc.values[i]) / 3
            #expect(abs(result.values[i] - mean) <= 1e-15, "\(result.dates[i].iso)")
        }
        // The order of the series does not matter beyond rounding (corr(b,a) rounds
        // its covariance differently from corr(a,b)).
        let permuted = try evaluate("avgcorr(C,A,B,\(n))")
        #expect(permuted.dates == result.dates)
        #expect(zip(permuted.values, result.values).allSatisfy { abs($0 - $1) <= 1e-12 })
    }

    /// A window where one member is constant has no correlation for its pairs, so
    /// none for the mean (corr's rule): absent from the first window inside the run
    /// to the last, present on both sides.
    @Test func aConstantMemberLeavesTheWindowAbsent() throws {
        let n = 10
        let result = try evaluate("avgcorr(A,FLAT,\(n))")
        let dates = Set(result.dates)
        let run = Self.flat.dates
        for i in (40 + n - 1)..<80 { #expect(!dates.contains(run[i]), "\(run[i].iso) is inside the run") }
        #expect(dates.contains(run[40 + n - 2]) && dates.contains(run[80]))
        // With B's gaps, 10 joined rows span at most 12 of FLAT's: none from 12 rows into the run.
        let three = Set(try evaluate("avgcorr(A,B,FLAT,\(n))").dates)
        #expect(three.count > 100)
        for i in (40 + 12)..<80 { #expect(!three.contains(run[i]), "\(run[i].iso) is inside the run") }
    }

    @Test func windowsAtTheLimits() throws {
        // Two rows: every pair's correlation is +-1, so three pairs average to +-1 or +-1/3.
        let two = try evaluate("avgcorr(A,B,C,2)")
        #expect(two.count > 100)
        #expect(two.values.allSatisfy { v in [-1, -1.0 / 3, 1.0 / 3, 1].contains { abs(v - $0) <= 1e-12 } })
        #expect(try evaluate("avgcorr(A,B,C,100000)").count == 0) // longer than the data: no full window
        #expect(message("avgcorr(A,B,1)") == "avgcorr: n must be between 2 and 100000, got 1 (at column 13)")
        #expect(message("avgcorr(A,B,100001)") == "avgcorr: n must be between 2 and 100000, got 100001 (at column 13)")
        #expect(message("avgcorr(A,B,2.5)") == "avgcorr: n must be a positive integer, got 2.5 (at column 13)")
    }

    @Test func argumentsAreNamed() {
        #expect(message("avgcorr(A,20)") == "avgcorr: expected at least 2 series then n, got 2 arguments (at column 1)")
        #expect(message("avgcorr(A,B)") == "avgcorr: expected at least 2 series then n, got 2 arguments (at column 1)")
        #expect(message("avgcorr(A,B,C)") == "avgcorr: n must be a positive integer, got the symbol C (at column 13)")
        #expect(message("avgcorr(A,5,20)") == "avgcorr: expected a series, got the number 5 (at column 11)")
        #expect(message("avgcorr(A,B,A,20)")
                == "avgcorr: series 3 repeats series 1 (A); every pair must be two different series (at column 13)")
        #expect(message("avgcorr(ret(A),B,RET(a),20)")
                == "avgcorr: series 3 repeats series 1 (ret(a)); every pair must be two different series (at column 18)")
        #expect(message("avgcorr(A,ret(A),20)") == nil) // different series of the same symbol
        #expect(message("avgcorr(A,NOPE,20)") == "unknown symbol NOPE (at column 11)")
    }

    /// 32 series are allowed (ExpressionLimits.maxCorrelationSeries); the 33rd is
    /// named by its column. Checked before any series is evaluated.
    @Test func atMost32Series() throws {
        let names = (1...33).map { "S\($0)" }
        var symbols: [String: Series] = [:]
        for (i, name) in names.enumerated() { symbols[name] = Self.walk(UInt64(10 + i), start: 10) }
        var evaluator = Evaluator(data: MarketData(symbols: symbols, universes: [:]))
        let thirtyTwo = "avgcorr(" + names.prefix(32).joined(separator: ",") + ",20)"
        #expect(try evaluator.evaluate(thirtyTwo).count == 181)
        let thirtyThree = "avgcorr(" + names.joined(separator: ",") + ",20)"
        let column = thirtyThree.distance(from: thirtyThree.startIndex, to: thirtyThree.range(of: "S33")!.lowerBound) + 1
        #expect(throws: ExpressionError(.tooManySeries(function: "avgcorr", limit: 32, got: 33), column: column)) {
            _ = try evaluator.evaluate(thirtyThree)
        }
        #expect(ExpressionError(.tooManySeries(function: "avgcorr", limit: 32, got: 33), column: 5).description
                == "avgcorr: at most 32 series, got 33 (at column 5)")
        let unknownToo = "avgcorr(" + names.joined(separator: ",") + ",NOPE,20)"
        #expect(throws: ExpressionError(.tooManySeries(function: "avgcorr", limit: 32, got: 34), column: column)) {
            _ = try evaluator.evaluate(unknownToo)
        }
    }

    /// A config's check (no data) applies the same rules.
    @Test func checkWithoutDataAppliesTheRules() throws {
        try Evaluator.check("avgcorr(AAPL,MSFT,GOOGL,20)")
        #expect(throws: ExpressionError(.repeatedSeries(function: "avgcorr", series: "aapl", first: 1, again: 2), column: 14)) {
            try Evaluator.check("avgcorr(AAPL,aapl,20)")
        }
        #expect(throws: ExpressionError.self) { try Evaluator.check("avgcorr(AAPL,MSFT,0)") }
    }
}
