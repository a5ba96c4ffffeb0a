import RotorCore

extension CSVScanner {
    /// What a column of a record holds, for `fastRecord`.
    static let ignoredColumn = -1, dateColumn = -2

    /// The hot path for the common record: unquoted fields, plain numbers, a readable
    /// date, the header's field count. Writes the values into row `row` of `cells`
    /// (`roles[c]` is the table column of field c, or `ignoredColumn` / `dateColumn`)
    /// and returns the record's line and date. Returns nil, with the scanner where it
    /// was, for anything else (a quote, a blank line, a bad cell, the end of the file):
    /// the general path then reads the record and words any error.
    @inline(__always)
    mutating func fastRecord(roles: UnsafeBufferPointer<Int>, dates: inout DateReader,
                             cells: borrowing ColumnTable, row: Int) -> (line: Int, day: Day)? {
        let n = bytes.count
        var i = position
        guard i < n, let b = bytes.baseAddress else { return nil }
        let width = roles.count
        var day: Day?
        var column = 0
        while true {
            let role = roles[column]
            let start = i
            if role >= 0, let plain = NumberParser.plain(b, from: i, end: n) {
                cells.set(row: row, column: role, plain.value)
                i = plain.next
            } else if role == Self.dateColumn, i + 10 <= n, b[i + 4] == 0x2D, b[i + 7] == 0x2D,
                      i + 10 == n || b[i + 10] == Self.comma || b[i + 10] == Self.lf || b[i + 10] == Self.cr {
                guard let d = dates.iso(b + i) else { return nil }
                day = d
                i += 10
            } else {
                while i < n {
                    let c = b[i]
                    if c <= Self.comma {
                        if c == Self.comma || c == Self.lf || c == Self.cr { break }
                        if c == Self.quote { return nil }
                    }
                    i += 1
                }
                if role >= 0 {
                    switch NumberParser.parse(b + start, count: i - start) {
                    case .value(let v): cells.set(row: row, column: role, v)
                    case .missing: cells.set(row: row, column: role, .nan)
                    case .invalid: return nil
                    }
                } else if role == Self.dateColumn {
                    guard let d = dates.parse(b + start, count: i - start) else { return nil }
                    day = d
                }
            }
            if i < n, b[i] == Self.comma {
                column += 1
                guard column < width else { return nil }
                i += 1
                continue
            }
            guard column == width - 1, let day else { return nil }
            if i < n { i += (b[i] == Self.cr && i + 1 < n && b[i + 1] == Self.lf) ? 2 : 1 }
            position = i
            line += 1
            return (line - 1, day)
        }
    }
}
