import RotorCore

/// `Day.parse` with a fast path for the hot loop: rows of a daily file mostly share
/// the previous row's month, so a date is the cached first of its month plus the day.
/// Accepts and rejects exactly what `Day.parse` does (spaces around trimmed).
struct DateReader {
    private var year = Int.min, month = 0
    private var monthStart: Int32 = 0
    private var monthLength = 0

    @inline(__always)
    mutating func parse(_ p: UnsafePointer<UInt8>, count: Int) -> Day? {
        var s = 0, e = count
        while s < e, p[s] == 0x20 || p[s] == 0x09 { s += 1 }
        while e > s, p[e - 1] == 0x20 || p[e - 1] == 0x09 { e -= 1 }
        let b = p + s, n = e - s

        @inline(__always) func digit(_ i: Int) -> Int { Int(b[i] &- 0x30) }
        @inline(__always) func isDigit(_ i: Int) -> Bool { b[i] &- 0x30 < 10 }

        // ISO YYYY-MM-DD, optionally followed by ' ' or 'T' and a time (ignored).
        if n >= 10, b[4] == 0x2D, b[7] == 0x2D {
            if n > 10, b[10] != 0x20, b[10] != 0x54 { return nil }
            guard isDigit(0), isDigit(1), isDigit(2), isDigit(3), isDigit(5), isDigit(6), isDigit(8), isDigit(9)
            else { return nil }
            return day(year: digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3),
                       month: digit(5) * 10 + digit(6), day: digit(8) * 10 + digit(9))
        }
        // M/D/YYYY with 1-2 digit month and day and nothing after: fast. Anything
        // else (a time after the date, a malformed date) is Day.parse's to judge.
        if n >= 8, n <= 10, b[n - 5] == 0x2F, isDigit(n - 4), isDigit(n - 3), isDigit(n - 2), isDigit(n - 1) {
            let y = digit(n - 4) * 1000 + digit(n - 3) * 100 + digit(n - 2) * 10 + digit(n - 1)
            var m = -1, d = -1
            switch n {
            case 8: // M/D/YYYY
                if isDigit(0), b[1] == 0x2F, isDigit(2) { m = digit(0); d = digit(2) }
            case 9: // MM/D/YYYY or M/DD/YYYY
                if isDigit(0), b[1] == 0x2F, isDigit(2), isDigit(3) { m = digit(0); d = digit(2) * 10 + digit(3) }
                else if isDigit(0), isDigit(1), b[2] == 0x2F, isDigit(3) { m = digit(0) * 10 + digit(1); d = digit(3) }
            default: // MM/DD/YYYY
                if isDigit(0), isDigit(1), b[2] == 0x2F, isDigit(3), isDigit(4) {
                    m = digit(0) * 10 + digit(1)
                    d = digit(3) * 10 + digit(4)
                }
            }
            if m >= 0 { return day(year: y, month: m, day: d) }
        }
        return Day.parse(UnsafeBufferPointer(start: b, count: n))
    }

    /// `YYYY-MM-DD` at `b` (the caller has checked the dashes and that 10 bytes are
    /// there), as `parse` reads it.
    @inline(__always)
    mutating func iso(_ b: UnsafePointer<UInt8>) -> Day? {
        let y0 = b[0] &- 0x30, y1 = b[1] &- 0x30, y2 = b[2] &- 0x30, y3 = b[3] &- 0x30
        let m0 = b[5] &- 0x30, m1 = b[6] &- 0x30, d0 = b[8] &- 0x30, d1 = b[9] &- 0x30
        guard y0 < 10, y1 < 10, y2 < 10, y3 < 10, m0 < 10, m1 < 10, d0 < 10, d1 < 10 else { return nil }
        return day(year: Int(y0) * 1000 + Int(y1) * 100 + Int(y2) * 10 + Int(y3),
                   month: Int(m0) * 10 + Int(m1), day: Int(d0) * 10 + Int(d1))
    }

    @inline(__always)
    private mutating func day(year y: Int, month m: Int, day d: Int) -> Day? {
        if y != year || m != month {
            guard let first = Day(year: y, month: m, day: 1) else { return nil }
            year = y
            month = m
            monthStart = first.ordinal
            monthLength = Day.daysInMonth(year: y, month: m)
        }
        guard d >= 1, d <= monthLength else { return nil }
        return Day(ordinal: monthStart + Int32(d - 1))
    }
}
