import RotorCore

/// The download formats the demo imitates (PROVIDERS.md, "Files users already have").
/// Every file ends lines with `\n` and ends with one.
enum CSVWriters {
    /// Yahoo Finance download: `Date,Open,High,Low,Close,Adj Close,Volume`, ISO dates.
    static func yahoo(sessions: [Day], bars: [Bar]) -> String {
        var out = "Date,Open,High,Low,Close,Adj Close,Volume\n"
        out.reserveCapacity(sessions.count * 64)
        for (day, bar) in zip(sessions, bars) {
            out += "\(day.iso),\(price(bar.open)),\(price(bar.high)),\(price(bar.low)),\(price(bar.close)),"
            out += "\(price(bar.adjustedClose)),\(bar.volume)\n"
        }
        return out
    }

    /// CBOE index history (VIX_History.csv): `DATE,OPEN,HIGH,LOW,CLOSE`, `MM/DD/YYYY`.
    static func cboe(sessions: [Day], bars: [Bar]) -> String {
        var out = "DATE,OPEN,HIGH,LOW,CLOSE\n"
        for (day, bar) in zip(sessions, bars) {
            out += "\(usDate(day)),\(price(bar.open)),\(price(bar.high)),\(price(bar.low)),\(price(bar.close))\n"
        }
        return out
    }

    /// FRED download: `observation_date,<SERIES>`, one row per weekday, the value
    /// empty on holidays (FRED's current style; it used to write `.`).
    static func fred(series: String, weekdays: [Day], values: [Day: Int64]) -> String {
        var out = "observation_date,\(series)\n"
        for day in weekdays {
            out += day.iso + "," + (values[day].map(price) ?? "") + "\n"
        }
        return out
    }

    /// A wide file of closes, one column per member; a member not yet listed has an
    /// empty cell.
    static func wide(sessions: [Day], columns: [(name: String, cents: [Int64?])]) -> String {
        var out = "Date," + columns.map(\.name).joined(separator: ",") + "\n"
        out.reserveCapacity(sessions.count * columns.count * 7)
        for (t, day) in sessions.enumerated() {
            out += day.iso
            for column in columns {
                out += ","
                if let c = column.cents[t] { out += price(c) }
            }
            out += "\n"
        }
        return out
    }

    /// Cents as a price with two decimals.
    static func price(_ cents: Int64) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return sign + String(magnitude / 100) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// `MM/DD/YYYY`.
    static func usDate(_ day: Day) -> String {
        let (y, m, d) = day.components
        return (m < 10 ? "0" : "") + String(m) + "/" + (d < 10 ? "0" : "") + String(d) + "/" + String(y)
    }
}
