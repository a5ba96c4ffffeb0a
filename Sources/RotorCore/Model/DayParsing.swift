extension Day {
    /// Parses the date forms found in real downloads: ISO `YYYY-MM-DD` (optionally
    /// followed by a time, which is ignored: daily files stamp every row the same),
    /// and US `M/D/YYYY` (CBOE, Excel exports). Nil when the text is neither or names
    /// a day that does not exist.
    public init?<S: StringProtocol>(parsing text: S) {
        var bytes = Array(text.utf8)
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes.removeLast() }
        var start = 0
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        guard let day = bytes.withUnsafeBufferPointer({ Day.parse(UnsafeBufferPointer(rebasing: $0[start...])) })
        else { return nil }
        self = day
    }

    /// Byte-level parser shared with the CSV reader's hot loop.
    public static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Day? {
        @inline(__always) func digits(_ from: Int, _ to: Int) -> Int? {
            guard from < to, to <= b.count else { return nil }
            var v = 0
            for i in from..<to {
                let c = b[i]
                guard c >= 0x30, c <= 0x39 else { return nil }
                v = v * 10 + Int(c - 0x30)
            }
            return v
        }
        // ISO: YYYY-MM-DD[ T...]
        if b.count >= 10, b[4] == 0x2D, b[7] == 0x2D {
            if b.count > 10, b[10] != 0x20, b[10] != 0x54 { return nil }
            guard let y = digits(0, 4), let m = digits(5, 7), let d = digits(8, 10) else { return nil }
            return Day(year: y, month: m, day: d)
        }
        // US: M/D/YYYY or MM/DD/YYYY
        var slashes: [Int] = []
        for i in 0..<b.count where b[i] == 0x2F {
            slashes.append(i)
            if slashes.count > 2 { return nil }
        }
        guard slashes.count == 2 else { return nil }
        var end = b.count
        if let space = (slashes[1]..<b.count).first(where: { b[$0] == 0x20 }) { end = space }
        guard slashes[0] <= 2, slashes[1] - slashes[0] <= 3, end - slashes[1] == 5,
              let m = digits(0, slashes[0]), let d = digits(slashes[0] + 1, slashes[1]),
              let y = digits(slashes[1] + 1, end) else { return nil }
        return Day(year: y, month: m, day: d)
    }
}
