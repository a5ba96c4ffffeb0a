import Testing
@testable import RotorCore

/// The breadth chart's band is drawn where the percentile flags fire: on every row,
/// the line is at or above the upper band exactly when pctrank >= 95, and below the
/// lower band exactly when pctrank <= 5.
@Suite struct ExtremeBandTests {
    @Test(arguments: [(20, UInt64(1)), (21, 2), (252, 3), (50, 4)])
    func bandAgreesWithThePercentileFlags(window: Int, seed: UInt64) {
        var rng = StreamingKernelTests.SplitMix(state: seed)
        // Whole numbers 0...60 like a % above count of a small universe: many ties.
        let values = (0..<900).map { _ in Double(Int.random(in: 0...60, using: &rng)) }
        let x = StreamingKernelTests.series(values)
        let rank = RollingRank.pctrank(x, window)
        let band = ExtremeBand.of(x, window: window)
        #expect(band.low.dates == rank.dates && band.high.dates == rank.dates)
        for i in rank.dates.indices {
            let v = x.value(on: rank.dates[i])!
            #expect((rank.values[i] >= 95) == (v >= band.high.values[i]), "row \(i)")
            #expect((rank.values[i] <= 5) == (v < band.low.values[i]), "row \(i)")
        }
    }

    @Test func handWorkedWindow() {
        // Window of 20 values 1...20: m = ceil(0.95 * 20) = 19 -> s[18] = 19;
        // k = floor(0.05 * 20) = 1 -> s[1] = 2.
        let x = StreamingKernelTests.series((1...20).map(Double.init))
        let band = ExtremeBand.of(x, window: 20)
        #expect(band.high.values == [19])
        #expect(band.low.values == [2])
        #expect(ExtremeBand.of(x, window: 21).high.isEmpty)
    }
}
