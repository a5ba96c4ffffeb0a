/// Reads a CSV cell as a number: `[+-]digits[.digits][(e|E)[+-]digits]` with spaces
/// around, or one of the missing-value markers. Correctly rounded: the common case
/// (up to 15 significant digits and a small exponent) is exact in Double arithmetic
/// (Clinger's fast path); anything else goes to the standard library's parser.
enum NumberParser {
    enum Result: Equatable {
        case value(Double)
        case missing
        case invalid
    }

    /// 10^e for 0 <= e <= 22, all exact in Double.
    @inline(__always)
    private static func powerOfTen(_ e: Int) -> Double {
        switch e {
        case 0: 1e0
        case 1: 1e1
        case 2: 1e2
        case 3: 1e3
        case 4: 1e4
        case 5: 1e5
        case 6: 1e6
        case 7: 1e7
        case 8: 1e8
        case 9: 1e9
        case 10: 1e10
        case 11: 1e11
        case 12: 1e12
        case 13: 1e13
        case 14: 1e14
        case 15: 1e15
        case 16: 1e16
        case 17: 1e17
        case 18: 1e18
        case 19: 1e19
        case 20: 1e20
        case 21: 1e21
        default: 1e22
        }
    }

    /// The plain form `[-]digits[.digits]` with at most 15 digits, ended by `,`, a
    /// line break or the end of the bytes at `end`: its value (exact, as `parse` gives
    /// it) and the index after it; nil for anything else. (A byte at a time: an
    /// 8-bytes-at-a-time version measured slower.)
    @inline(__always)
    static func plain(_ b: UnsafePointer<UInt8>, from start: Int, end n: Int) -> (value: Double, next: Int)? {
        var k = start
        let negative = k < n && b[k] == 0x2D
        if negative { k += 1 }
        var mantissa: UInt64 = 0
        let first = k
        while k < n {
            let d = b[k] &- 0x30
            if d >= 10 { break }
            mantissa = mantissa &* 10 &+ UInt64(d)
            k += 1
        }
        var digits = k - first
        var fraction = 0
        if k < n, b[k] == 0x2E {
            k += 1
            let f = k
            while k < n {
                let d = b[k] &- 0x30
                if d >= 10 { break }
                mantissa = mantissa &* 10 &+ UInt64(d)
                k += 1
            }
            fraction = k - f
            digits += fraction
        }
        guard digits > 0, digits <= 15 else { return nil }
        if k < n {
            let c = b[k]
            guard c == 0x2C || c == 0x0A || c == 0x0D else { return nil }
        }
        var v = Double(mantissa)
        if fraction > 0 { v /= powerOfTen(fraction) }
        return (negative ? -v : v, k)
    }

    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Result {
        guard let p = b.baseAddress else { return .missing }
        return parse(p, count: b.count)
    }

    @inline(__always)
    static func parse(_ b: UnsafePointer<UInt8>, count: Int) -> Result {
        var s = 0, e = count
        while s < e, b[s] == 0x20 || b[s] == 0x09 { s += 1 }
        while e > s, b[e - 1] == 0x20 || b[e - 1] == 0x09 { e -= 1 }
        if s == e { return .missing }

        var k = s
        var negative = false
        if b[k] == 0x2B || b[k] == 0x2D {
            negative = b[k] == 0x2D
            k += 1
        }
        var mantissa: UInt64 = 0
        var significant = 0   // digits held in mantissa, leading zeros excluded
        var truncated = false // more than 19 significant digits
        var exponent = 0
        var digits = 0
        while k < e, b[k] &- 0x30 < 10 {
            let d = UInt64(b[k] &- 0x30)
            if significant < 19 {
                mantissa = mantissa &* 10 &+ d
                if mantissa != 0 { significant += 1 }
            } else {
                exponent += 1
                if d != 0 { truncated = true }
            }
            digits += 1
            k += 1
        }
        if k < e, b[k] == 0x2E {
            k += 1
            while k < e, b[k] &- 0x30 < 10 {
                let d = UInt64(b[k] &- 0x30)
                if significant < 19 {
                    mantissa = mantissa &* 10 &+ d
                    if mantissa != 0 { significant += 1 }
                    exponent -= 1
                } else if d != 0 {
                    truncated = true
                }
                digits += 1
                k += 1
            }
        }
        guard digits > 0 else { return missingOrInvalid(b, s, e) }
        if k < e, b[k] == 0x65 || b[k] == 0x45 {
            k += 1
            var expNegative = false
            if k < e, b[k] == 0x2B || b[k] == 0x2D {
                expNegative = b[k] == 0x2D
                k += 1
            }
            var value = 0, expDigits = 0
            while k < e, b[k] &- 0x30 < 10 {
                if value < 100_000 { value = value * 10 + Int(b[k] &- 0x30) }
                expDigits += 1
                k += 1
            }
            guard expDigits > 0 else { return .invalid }
            exponent += expNegative ? -value : value
        }
        guard k == e else { return missingOrInvalid(b, s, e) }

        if mantissa == 0 && !truncated { return .value(negative ? -0.0 : 0.0) }
        if !truncated, mantissa <= 1 << 53, exponent >= -22, exponent <= 22 {
            var v = Double(mantissa)
            v = exponent < 0 ? v / powerOfTen(-exponent) : v * powerOfTen(exponent)
            return .value(negative ? -v : v)
        }
        // Long or extreme: the syntax is already checked, so the standard parser sees
        // nothing but a plain decimal number.
        guard let v = Double(String(decoding: UnsafeBufferPointer(start: b + s, count: e - s), as: UTF8.self)),
              v.isFinite else { return .invalid }
        return .value(v)
    }

    /// `.`, `-`, `null`, `nan`, `n/a`, `na` (any case) are missing; anything else that
    /// is not a number is invalid.
    @inline(never)
    private static func missingOrInvalid(_ b: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Result {
        let n = e - s
        guard n <= 4 else { return .invalid }
        var lower: [UInt8] = []
        for k in s..<e { lower.append(b[k] | (b[k] >= 0x41 && b[k] <= 0x5A ? 0x20 : 0)) }
        switch lower {
        case [0x2E], [0x2D],                       // . -
             [0x6E, 0x75, 0x6C, 0x6C],             // null
             [0x6E, 0x61, 0x6E],                   // nan
             [0x6E, 0x2F, 0x61],                   // n/a
             [0x6E, 0x61]:                         // na
            return .missing
        default:
            return .invalid
        }
    }
}
