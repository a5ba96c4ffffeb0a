public import RotorCore

/// A firing as text: a CSV row of `rotor alerts`, a JSON object of `rotor alerts
/// --format json` and of `alerts.jsonl`.
extension AlertFiring {
    public static let csvHeader = "date,name,expression,value"

    public var csvRow: String {
        [date.iso, name, expression, value].map(ExportTable.csvField).joined(separator: ",")
    }

    /// The value as JSON: a number when it is one, else a string (a regime's words).
    var jsonValue: String {
        Double(value) != nil ? value : ExportTable.jsonString(value)
    }

    /// `{"date":...,"name":...,"expression":...,"value":...}` and, in `extra`, more
    /// string fields after them (`time`, `mode` in `alerts.jsonl`).
    public func jsonObject(_ extra: [(key: String, value: String)] = []) -> String {
        var fields = [("date", ExportTable.jsonString(date.iso)), ("name", ExportTable.jsonString(name)),
                      ("expression", ExportTable.jsonString(expression)), ("value", jsonValue),
                      ("condition", ExportTable.jsonString(condition)), ("severity", ExportTable.jsonString(severity.rawValue))]
        fields += extra.map { ($0.key, ExportTable.jsonString($0.value)) }
        return "{" + fields.map { ExportTable.jsonString($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
}
