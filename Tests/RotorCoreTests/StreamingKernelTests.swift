import Foundation
import Testing
@testable import RotorCore

/// The streaming kernels against direct window-by-window definitions on random input.
@Suite struct StreamingKernelTests {
    /// A small deterministic generator so failures reproduce.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func series(_ values: [Double]) -> Series {
        Series(dates: values.indices.map { Day(ordinal: Int32(20_000 + $0)) }, values: values)
    }

    static func randomWalk(_ count: Int, seed: UInt64, level: Double = 100, step: Double = 1) -> [Double] {
        var rng = SplitMix(state: seed)
        var x = level
        return (0..<count).map { _ in
            x += Double.random(in: -step...step, using: &rng)
            // Occasional repeats and jumps stress ties and the re-centring.
            if Double.random(in: 0...1, using: &rng) < 0.05 { x += 50 * step }
            return x
        }
    }

    /// Two-pass sample variance of a window, compensated: the textbook definition.
    static func twoPassVariance(_ w: ArraySlice<Double>) -> Double {
        let n = Double(w.count)
        let mean = w.reduce(0, +) / n
        var ss = 0.0, s = 0.0
        for x in w { ss += (x - mean) * (x - mean); s += x - mean }
        return (ss - s * s / n) / (n - 1)
    }

    static func close(_ a: Double, _ b: Double, relative: Double = 1e-9, absolute: Double = 1e-12) -> Bool {
        abs(a - b) <= max(relative * abs(b), absolute)
    }

    @Test(arguments: [2, 3, 5, 20, 60, 252])
    func rollingStdAndZscoreMatchTwoPass(n: Int) {
        let v = Self.randomWalk(1_500, seed: UInt64(n))
        let x = Self.series(v)
        let std = RollingStats.std(x, n), z = RollingStats.zscore(x, n), sma = RollingStats.sma(x, n)
        #expect(std.count == v.count - n + 1)
        for (i, t) in ((n - 1)..<v.count).enumerated() {
            let w = v[(t - n + 1)...t]
            let variance = Self.twoPassVariance(w)
            let mean = w.reduce(0, +) / Double(n)
            #expect(Self.close(std.values[i], variance.squareRoot()), "std t=\(t)")
            #expect(Self.close(sma.values[i], mean), "sma t=\(t)")
            #expect(Self.close(z.values[i], (v[t] - mean) / variance.squareRoot(), relative: 1e-8), "z t=\(t)")
        }
    }

    @Test(arguments: [1, 2, 5, 20, 100])
    func extremaAndRankMatchDirectDefinition(n: Int) {
        var rng = SplitMix(state: 7)
        // Few distinct values: many ties for pctrank.
        let v = (0..<800).map { _ in Double(Int.random(in: 1...6, using: &rng)) }
        let x = Self.series(v)
        let hi = RollingExtrema.max(x, n), lo = RollingExtrema.min(x, n), rank = RollingRank.pctrank(x, n)
        for (i, t) in ((n - 1)..<v.count).enumerated() {
            let w = v[(t - n + 1)...t]
            #expect(hi.values[i] == w.max())
            #expect(lo.values[i] == w.min())
            #expect(rank.values[i] == 100 * Double(w.filter { $0 <= v[t] }.count) / Double(n))
        }
    }

    @Test(arguments: [2, 5, 20, 60])
    func corrAndBetaMatchTwoPass(n: Int) {
        let a = Self.randomWalk(1_000, seed: 11), b = Self.randomWalk(1_000, seed: 12, level: 4, step: 0.05)
        let corr = RollingCovariance.corr(Self.series(a), Self.series(b), n)
        let beta = RollingCovariance.beta(Self.series(a), Self.series(b), n)
        #expect(corr.count == a.count - n + 1)
        for (i, t) in ((n - 1)..<a.count).enumerated() {
            let wa = a[(t - n + 1)...t], wb = b[(t - n + 1)...t]
            let ma = wa.reduce(0, +) / Double(n), mb = wb.reduce(0, +) / Double(n)
            let cov = zip(wa, wb).map { ($0 - ma) * ($1 - mb) }.reduce(0, +) / Double(n - 1)
            let va = Self.twoPassVariance(wa), vb = Self.twoPassVariance(wb)
            #expect(Self.close(corr.values[i], cov / (va * vb).squareRoot(), relative: 1e-8), "corr t=\(t)")
            #expect(Self.close(beta.values[i], cov / vb, relative: 1e-8), "beta t=\(t)")
        }
    }

    /// Values whose squares overflow: the moments are infinite or NaN, so there is no
    /// correlation to give. Absent, never the clamp's -1 (nor a beta of 0).
    @Test func overflowingMomentsAreAbsentNotMinusOne() {
        let a = [1e200, -1e200, 3e200, -2e200, 5e200], b = [1.0, 2.0, 0.5, 4.0, 3.0]
        #expect(RollingCovariance.corr(Self.series(a), Self.series(b), 3).values.isEmpty)
        #expect(RollingCovariance.corr(Self.series(b), Self.series(a), 3).values.isEmpty)
        #expect(RollingCovariance.beta(Self.series(b), Self.series(a), 3).values.isEmpty)
        #expect(RollingCovariance.pearson(.infinity, 1, 1) == nil)
        #expect(RollingCovariance.pearson(1, 1, .nan) == nil)
        #expect(RollingCovariance.pearson(4, 1, 2) == 1)
    }

    /// A price near 5000 moving by 0.01: the window variance is ~1e-4 while x^2 is
    /// 2.5e7, so running sums of x and x^2 (the textbook streaming form) lose most
    /// digits to cancellation. The streaming kernel must still agree with the exact
    /// value to 1e-9.
    @Test func varianceSurvivesCancellation() {
        var rng = SplitMix(state: 5000)
        var k = 0
        let v: [Double] = (0..<3_000).map { _ in
            k += Int.random(in: -1...1, using: &rng)
            return 5000 + 0.01 * Double(k)
        }
        let n = 20
        let std = RollingStats.std(Self.series(v), n)
        var sum = 0.0, sumSq = 0.0, naiveWorst = 0.0
        for t in v.indices {
            sum += v[t]
            sumSq += v[t] * v[t]
            if t >= n {
                sum -= v[t - n]
                sumSq -= v[t - n] * v[t - n]
            }
            guard t >= n - 1 else { continue }
            let i = t - (n - 1)
            // Exact reference: x - 5000 is exact (Sterbenz), and the small differences
            // then carry the full precision into the two-pass formula.
            let d = v[(t - n + 1)...t].map { $0 - 5000 }
            let exact = Self.twoPassVariance(d[...])
            if exact == 0 { #expect(std.values[i] == 0); continue }
            #expect(Self.close(std.values[i], exact.squareRoot()), "t=\(t): \(std.values[i]) vs \(exact.squareRoot())")
            let naive = (sumSq - sum * sum / Double(n)) / Double(n - 1)
            naiveWorst = max(naiveWorst, abs(naive - exact) / exact)
        }
        // The naive running sums miss the contract by orders of magnitude; that is the point.
        #expect(naiveWorst > 1e-5)
    }

    /// A window of identical values has std exactly 0 and no z-score, even after
    /// large values passed through the running sums.
    @Test func constantWindowHasZeroStdAndNoZscore() {
        let v = [1e9, -1e9, 3.3] + Array(repeating: 0.1, count: 30) + [0.2]
        let x = Self.series(v)
        let std = RollingStats.std(x, 5), z = RollingStats.zscore(x, 5)
        let flatDates = x.dates[7..<33]
        for d in flatDates {
            #expect(std.value(on: d) == 0)
            #expect(z.value(on: d) == nil)
        }
        #expect(z.value(on: x.dates[33]) != nil)
        #expect(RollingStats.std(x, 1).isEmpty) // ddof = 1 is undefined for one row
    }

    @Test func emaMatchesRecursion() {
        let v = Self.randomWalk(300, seed: 3)
        let e = ExponentialAverage.ema(Self.series(v), span: 19)
        var expected = v[0]
        let alpha = 2.0 / 20
        for t in v.indices {
            if t > 0 { expected = alpha * v[t] + (1 - alpha) * expected }
            #expect(Self.close(e.values[t], expected))
        }
    }

    @Test func innerJoinKeepsSharedDatesOnly() {
        let a = Series(dates: [1, 2, 3, 5, 8].map { Day(ordinal: $0) }, values: [1, 2, 3, 5, 8])
        let b = Series(dates: [2, 3, 4, 8, 9].map { Day(ordinal: $0) }, values: [20, 30, 40, 80, 90])
        let j = DateAlignment.innerJoin([a, b])
        #expect(j.dates.map(\.ordinal) == [2, 3, 8])
        #expect(j.columns[0] == [2, 3, 8])
        #expect(j.columns[1] == [20, 30, 80])
        // ratio = a/b on shared rows; a number operand applies to every row.
        #expect(Elementwise.arithmetic(.div, .series(a), .series(b)).values == [0.1, 0.1, 0.1])
        #expect(Elementwise.arithmetic(.sub, .number(10), .series(a)).values == [9, 8, 7, 5, 2])
    }

    @Test func undefinedValuesAreAbsentNotInfinite() {
        let x = Self.series([0, 1, 2, 0, 3])
        let r = Elementwise.ret(x)
        #expect(r.values.allSatisfy { $0.isFinite })
        #expect(r.values == [1, -1]) // 1/0 - 1 and 3/0 - 1 are absent
    }
}

@Suite struct BlockExtremaTests {
    /// The van Herk / Gil-Werman max and min used by nhnl against the direct definition.
    @Test(arguments: [1, 2, 3, 7, 20, 99, 100, 101])
    func highLowMatchDirectDefinition(n: Int) {
        var rng = StreamingKernelTests.SplitMix(state: UInt64(n))
        let v = (0..<100).map { _ in Double(Int.random(in: 0...9, using: &rng)) }
        var seen = 0
        v.withUnsafeBufferPointer { buffer in
            RollingExtrema.forEachWindowHighLow(buffer, n) { t, high, low in
                let window = v[(t - n + 1)...t]
                #expect(high == window.max() && low == window.min(), "t=\(t)")
                seen += 1
            }
        }
        #expect(seen == max(0, v.count - n + 1))
    }
}
