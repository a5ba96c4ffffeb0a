import RotorCore
import Foundation

/// Reads one CSV file of daily data in any of the shapes users download (PROVIDERS.md,
/// "Files users already have"):
/// - OHLC (a `Close` column: Yahoo, Stooq, CBOE) gives one series from `Close`, or
///   from `Adj Close` when `ImportOptions.preferAdjustedClose` is set and the file has it;
/// - a date and exactly one value column (FRED, CBOE `DATE,SKEW`, `Date,vix`) gives
///   one series;
/// - a date and several value columns gives one member series per column (wide).
///
/// The date column is the one named `date`, `observation_date` or `timestamp`
/// (any case), else the first. Missing cells (empty, `.`, `-`, `null`, `NaN`, `N/A`,
/// `NA`) are absent, never zero; anything else that is not a number is an error that
/// names the file, line and column. Rows may come in any order.
public enum CSVImporter {
    /// Reads the file at `path`; messages name it as `path` is written.
    public static func read(path: String, options: ImportOptions = ImportOptions()) throws(DataError) -> CSVContent {
        let bytes = try FileBytes.read(path)
        return try parse(bytes, name: path, options: options)
    }

    /// Parses the bytes of a file; `name` stands for the file in messages.
    public static func parse(_ bytes: [UInt8], name: String,
                             options: ImportOptions = ImportOptions()) throws(DataError) -> CSVContent {
        try bytes.withUnsafeBufferPointer { (buffer) throws(DataError) -> CSVContent in
            try parse(buffer: buffer, name: name, options: options)
        }
    }

    /// Parses CSV text; `name` stands for the file in messages.
    public static func parse(text: String, name: String,
                             options: ImportOptions = ImportOptions()) throws(DataError) -> CSVContent {
        try parse(Array(text.utf8), name: name, options: options)
    }

    static let dateColumnNames: Set<String> = ["date", "observation_date", "timestamp"]
    static let adjustedCloseNames: Set<String> = ["adj close", "adj_close", "adjclose", "adjusted close", "adjusted_close"]

    static func parse(buffer: UnsafeBufferPointer<UInt8>, name: String,
                      options: ImportOptions) throws(DataError) -> CSVContent {
        var scanner = CSVScanner(bytes: buffer, name: name)
        var fields = RawBuffer<CSVField>(capacity: 64)

        // Header and shape.
        guard let headerLine = try scanner.next(&fields) else { throw DataError("\(name): empty file") }
        let header = (0..<fields.count).map { trimmed(scanner.text(fields[$0])) }
        let lower = header.map { $0.lowercased() }
        let width = header.count
        let dateColumn = lower.firstIndex(where: dateColumnNames.contains) ?? 0
        let valueColumns: [Int]
        let wide: Bool
        if let close = lower.firstIndex(of: "close") {
            let adjusted = options.preferAdjustedClose ? lower.firstIndex(where: adjustedCloseNames.contains) : nil
            valueColumns = [adjusted ?? close]
            wide = false
        } else {
            // Columns without a name cannot be referred to: they are not read.
            valueColumns = header.indices.filter { $0 != dateColumn && !header[$0].isEmpty }
            guard !valueColumns.isEmpty else {
                throw DataError("\(name):\(headerLine): no value column in the header (expected a date column and at least one value column)")
            }
            wide = valueColumns.count > 1
            if wide {
                var seen: [String: Int] = [:]
                for c in valueColumns {
                    if let first = seen[header[c]] {
                        throw DataError("\(name):\(headerLine): duplicate column name \"\(header[c])\" (columns \(first + 1) and \(c + 1))")
                    }
                    seen[header[c]] = c
                }
            }
        }

        // Rows: dates, lines and a column-major table of values (NaN where missing).
        // Most records take the fast path; the general one reads the rest and words
        // every error, so both agree on what a file means.
        let perRow = valueColumns.count
        let estimate = max(16, buffer.count / max(1, 5 * width))
        var days = RawBuffer<Int32>(capacity: estimate) // Day ordinals
        var lines = RawBuffer<Int32>(capacity: estimate)
        var cells = ColumnTable(columns: perRow, rowCapacity: estimate)
        var dates = DateReader()
        let base = buffer.baseAddress! // not empty: it has a header
        var roles = [Int](repeating: CSVScanner.ignoredColumn, count: width)
        roles[dateColumn] = CSVScanner.dateColumn
        for (m, c) in valueColumns.enumerated() { roles[c] = m }
        try roles.withUnsafeBufferPointer { (roles) throws(DataError) in
            while true {
                let row = cells.reserveRow()
                if let fast = scanner.fastRecord(roles: roles, dates: &dates, cells: cells, row: row) {
                    days.append(fast.day.ordinal)
                    lines.append(Int32(truncatingIfNeeded: fast.line))
                    cells.commitRow()
                    continue
                }
                // The general path: quoted fields, blank lines, the end, and every error.
                guard let line = try scanner.next(&fields) else { break }
                guard fields.count == width else {
                    throw DataError("\(name):\(line): expected \(width) fields, found \(fields.count)")
                }
                let dateField = fields[dateColumn]
                let parsed = dateField.needsUnescape
                    ? scanner.withContent(dateField) { dates.parse($0.baseAddress ?? base, count: $0.count) }
                    : dates.parse(base + dateField.start, count: dateField.end - dateField.start)
                guard let day = parsed else {
                    throw DataError("\(name):\(line): column \(dateColumn + 1) (\(header[dateColumn])): cannot read "
                                    + "\(quoted(scanner.text(dateField))) as a date (expected YYYY-MM-DD or M/D/YYYY)")
                }
                for (m, c) in valueColumns.enumerated() {
                    let f = fields[c]
                    let result = f.needsUnescape
                        ? scanner.withContent(f, NumberParser.parse)
                        : NumberParser.parse(base + f.start, count: f.end - f.start)
                    switch result {
                    case .value(let v):
                        cells.set(row: row, column: m, v)
                    case .missing:
                        cells.set(row: row, column: m, .nan)
                    case .invalid:
                        throw DataError("\(name):\(line): column \(c + 1) (\(header[c])): cannot read "
                                        + "\(quoted(scanner.text(f))) as a number")
                    }
                }
                days.append(day.ordinal)
                lines.append(Int32(truncatingIfNeeded: line))
                cells.commitRow()
            }
        }
        let rows = days.count
        guard rows > 0 else { throw DataError("\(name): no data rows after the header") }

        // Date order; duplicates are reported by the first repeat in file order.
        let day = days.buffer
        var order: [Int] = []
        var inOrder = true
        for r in 1..<rows where day[r - 1] >= day[r] {
            inOrder = false
            break
        }
        if !inOrder {
            order = Array(0..<rows)
            order.sort { (a: Int, b: Int) -> Bool in
                let x = day[a], y = day[b]
                return x != y ? x < y : a < b
            }
            // In each group of equal dates (in file order), the first row is the
            // original and the second its earliest repeat.
            var repeated: (first: Int, second: Int)?
            for k in 1..<order.count where day[order[k]] == day[order[k - 1]]
                && (k == 1 || day[order[k - 2]] != day[order[k]]) {
                if repeated.map({ order[k] < $0.second }) ?? true { repeated = (order[k - 1], order[k]) }
            }
            if let r = repeated {
                throw DataError("\(name): duplicate date \(Day(ordinal: day[r.first]).iso) on lines \(lines[r.first]) and \(lines[r.second])")
            }
        }

        // One series per value column.
        var columns: [(name: String, series: Series)] = []
        for (m, c) in valueColumns.enumerated() {
            let cell = cells.column(m)
            var present = 0
            for v in cell where !v.isNaN { present += 1 }
            guard present > 0 else { continue }
            var k = 0
            let vs = [Double](unsafeUninitializedCapacity: present) { vs, count in
                for i in 0..<rows {
                    let v = cell[inOrder ? i : order[i]]
                    if !v.isNaN {
                        vs[k] = v
                        k += 1
                    }
                }
                count = k
            }
            k = 0
            let ds = [Day](unsafeUninitializedCapacity: present) { ds, count in
                for i in 0..<rows {
                    let r = inOrder ? i : order[i]
                    if !cell[r].isNaN {
                        ds.initializeElement(at: k, to: Day(ordinal: day[r]))
                        k += 1
                    }
                }
                count = k
            }
            columns.append((header[c], Series(dates: ds, values: vs)))
        }
        if !wide {
            guard let only = columns.first else {
                throw DataError("\(name): no values in column \(header[valueColumns[0]])")
            }
            return .series(only.series)
        }
        guard !columns.isEmpty else { throw DataError("\(name): no values in any member column") }
        return .wide(columns)
    }

    static func trimmed(_ s: String) -> String {
        var sub = Substring(s)
        while let c = sub.first, c == " " || c == "\t" { sub.removeFirst() }
        while let c = sub.last, c == " " || c == "\t" { sub.removeLast() }
        return String(sub)
    }

    /// A cell's text for a one-line message: in quotes, line breaks shown as `\n`,
    /// long text cut short.
    static func quoted(_ text: String) -> String {
        var t = text.replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\r", with: "\\n")
        if t.count > 60 { t = String(t.prefix(57)) + "..." }
        return "\"" + t + "\""
    }
}
