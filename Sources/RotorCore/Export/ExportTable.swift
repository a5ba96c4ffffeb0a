import Foundation

/// Several evaluated series laid out as rows: one per date in the union of their
/// dates, ascending, with a hole where a series has no value.
public struct ExportTable: Sendable {
    public let headers: [String]
    public let dates: [Day]
    /// `cells[column][row]`.
    public let cells: [[Double?]]

    /// `from`/`to` limit the rows written, not the history the series were computed
    /// on: a 252-row z-score on the first exported date is already warmed up.
    public init(columns: [(header: String, series: Series)], from: Day? = nil, to: Day? = nil) {
        headers = columns.map(\.header)
        let sliced = columns.map { $0.series.slice(from: from, to: to) }
        let union = DateAlignment.unionDates(sliced.map(\.dates))
        dates = union
        cells = sliced.map { series in
            var column = [Double?](repeating: nil, count: union.count)
            for (i, p) in DateAlignment.positions(of: series.dates, in: union).enumerated() {
                column[p] = series.values[i]
            }
            return column
        }
    }

    /// `date,<expr>,...` then one line per date; fields with commas or quotes are
    /// quoted per RFC 4180; an absent value is an empty field.
    public func csv() -> String {
        var out = "date"
        for h in headers { out += "," + Self.csvField(h) }
        out += "\n"
        for (row, date) in dates.enumerated() {
            out += date.iso
            for column in cells {
                out += ","
                if let v = column[row] { out += NumberFormat.shortest(v) }
            }
            out += "\n"
        }
        return out
    }

    /// An array of row objects: `[{"date":"2024-01-02","ratio(RTY,ES)":0.39,...}]`,
    /// `null` where a value is absent.
    public func json() -> String {
        let keys = headers.map(Self.jsonString)
        var out = "[\n"
        for (row, date) in dates.enumerated() {
            out += "{\"date\":\"\(date.iso)\""
            for (k, column) in cells.enumerated() {
                out += "," + keys[k] + ":" + (column[row].map(NumberFormat.shortest) ?? "null")
            }
            out += row == dates.count - 1 ? "}\n" : "},\n"
        }
        return out + "]\n"
    }

    public static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
