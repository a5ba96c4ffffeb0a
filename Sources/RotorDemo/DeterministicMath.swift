/// `exp` and `log` written with IEEE-754 basic operations only.
///
/// The C library's `exp`/`log` may differ in the last bit between platforms (glibc,
/// Apple's libm, musl), and one bit is enough to flip a price's second decimal now
/// and then. The demo files must come out byte for byte the same wherever they are
/// regenerated, so the generator uses these instead: `+ - * /` and `squareRoot()` are
/// correctly rounded everywhere, hence so is everything built from them. Accuracy is
/// within a few ulps (relative error below 1e-15), far more than a synthetic market needs.
enum DeterministicMath {
    static let ln2 = 0.693_147_180_559_945_3
    private static let ln2Hi = 0.693_147_180_369_123_8 // ln 2 split for Cody-Waite reduction
    private static let ln2Lo = 1.908_214_929_270_587_7e-10
    private static let log2e = 1.442_695_040_888_963_4

    /// e^x.
    static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709.78 { return .infinity }
        if x < -745.13 { return 0 }
        // x = k ln2 + r with |r| <= ln2 / 2, then e^x = 2^k e^r.
        let k = (x * log2e).rounded(.toNearestOrAwayFromZero)
        let r = (x - k * ln2Hi) - k * ln2Lo
        // Taylor series of e^r to degree 17 (truncation error below 1e-19 for
        // |r| <= 0.35), summed in Horner form, smallest terms first.
        var sum = 1.0
        for i in stride(from: 17, through: 1, by: -1) {
            sum = 1 + sum * r / Double(i)
        }
        return scaleByPowerOfTwo(sum, Int(k))
    }

    /// Natural logarithm; x must be positive and finite.
    static func log(_ x: Double) -> Double {
        precondition(x > 0 && x.isFinite, "log of \(x)")
        // x = m 2^e with m in [sqrt(1/2), sqrt(2)): both parts are exact operations.
        var m = x.significand
        var e = Int(x.exponent)
        if m > 1.414_213_562_373_095_1 {
            m /= 2
            e += 1
        }
        // ln m = 2 atanh(s), s = (m - 1) / (m + 1), |s| < 0.172.
        let s = (m - 1) / (m + 1)
        let s2 = s * s
        var power = s
        var sum = 0.0
        var k = 1.0
        while k < 40 {
            sum += power / k
            power *= s2
            k += 2
        }
        return Double(e) * ln2 + 2 * sum
    }

    /// x 2^k, exact unless the result leaves the normal range.
    private static func scaleByPowerOfTwo(_ x: Double, _ k: Int) -> Double {
        var result = x
        var remaining = k
        // Scale in steps that stay representable (2^±1000 are normal doubles).
        while remaining > 1000 { result *= Double(sign: .plus, exponent: 1000, significand: 1); remaining -= 1000 }
        while remaining < -1000 { result *= Double(sign: .plus, exponent: -1000, significand: 1); remaining += 1000 }
        return result * Double(sign: .plus, exponent: remaining, significand: 1)
    }
}
