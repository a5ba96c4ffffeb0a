import Testing
@testable import RotorCore

@Suite struct FlagsTests {
    static func series(_ values: [Double]) -> Series {
        Series(dates: values.indices.map { Day(ordinal: Int32(20_000 + $0)) }, values: values)
    }

    @Test func rotationExtremeAtTwoSigma() {
        #expect(RotationExtreme(spreadZscore: 2.0) == .smallCapsLeading)
        #expect(RotationExtreme(spreadZscore: -2.4) == .smallCapsLagging)
        #expect(RotationExtreme(spreadZscore: 1.99) == nil)
        #expect(isImpliedBelowRealized(premium: -0.01))
        #expect(!isImpliedBelowRealized(premium: 0))
    }

    @Test func breadthExtremeAndReversal() {
        #expect(BreadthExtreme(percentile: Self.series([50, 96]))?.side == .high)
        #expect(BreadthExtreme(percentile: Self.series([50, 5]))?.side == .low)
        let reversing = BreadthExtreme(percentile: Self.series([3, 2, 10, 20, 30, 40]))
        #expect(reversing?.side == nil)
        #expect(reversing?.reversingFrom == .low) // extreme 4 rows back
        let tooLate = BreadthExtreme(percentile: Self.series([3, 10, 20, 30, 40, 50, 60]))
        #expect(tooLate?.reversingFrom == nil) // extreme 6 rows back: outside the 5
        #expect(BreadthExtreme(percentile: Series()) == nil)
    }

    @Test func curveRegimes() {
        #expect(CurveRegime(twoYearChangeBp: -20, tenYearChangeBp: -5) == .bullSteepener)
        #expect(CurveRegime(twoYearChangeBp: 5, tenYearChangeBp: 20) == .bearSteepener)
        #expect(CurveRegime(twoYearChangeBp: -5, tenYearChangeBp: -20) == .bullFlattener)
        #expect(CurveRegime(twoYearChangeBp: 20, tenYearChangeBp: 5) == .bearFlattener)
        #expect(CurveRegime(twoYearChangeBp: 10, tenYearChangeBp: 11.5) == .flat)
        let two = Self.series([4.00, 4.05, 3.80]), ten = Self.series([4.20, 4.20, 4.10])
        let regimes = CurveRegime.series(twoYear: two, tenYear: ten, window: 2)
        #expect(regimes.count == 1)
        #expect(regimes[0].regime == .bullSteepener) // 2y -20 bp, 10y -10 bp: slope +10
    }
}
