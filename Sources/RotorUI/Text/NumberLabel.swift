/// Short numeric labels for axes and tables, without Foundation's formatters: the
/// renderer must be fast and identical on every platform.
public enum NumberLabel {
    /// A label of about five significant digits that stays narrow: 123456 -> `123.5k`,
    /// 5712.25 -> `5712`, 101.37 -> `101.4`, 1.2345 -> `1.23`, 0.01234 -> `0.012`.
    public static func compact(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        let magnitude = abs(value)
        switch magnitude {
        case 1e9...: return fixed(value / 1e9, decimals: 1) + "B"
        case 1e6...: return fixed(value / 1e6, decimals: 1) + "M"
        case 1e5...: return fixed(value / 1e3, decimals: 1) + "k"
        case 1e3...: return fixed(value, decimals: 0)
        case 1e2...: return fixed(value, decimals: 1)
        case 1...: return fixed(value, decimals: 2)
        default: return fixed(value, decimals: 3)
        }
    }

    /// `value` rounded half away from zero to `decimals` places; never `-0`.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return compact(value) }
        let digits = max(0, min(decimals, 12))
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e18 else { return value.description }
        let units = UInt64(scaled)
        let factor = UInt64(scale)
        let whole = units / factor
        var text = String(whole)
        if digits > 0 {
            let fraction = String(units % factor)
            text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
        }
        return value < 0 && units != 0 ? "-" + text : text
    }

    /// A signed percentage with an explicit `+`: 0.0041 -> `+0.41%`.
    public static func percent(_ fraction: Double, decimals: Int = 2) -> String {
        let text = fixed(fraction * 100, decimals: decimals)
        return (text.hasPrefix("-") || fraction * 100 == 0 ? text : "+" + text) + "%"
    }

    /// Whether `text` reads as a number: an optional sign or arrow, digits with `.`
    /// or `,`, and an optional unit suffix (`%`, `bp`, `x`, `k`, `M`, `B`, `σ`).
    public static func looksNumeric(_ text: String) -> Bool {
        var rest = Substring(text.trimmingSpaces)
        if let first = rest.first, "+-−▲▼".contains(first) { rest = rest.dropFirst() }
        for suffix in ["bp", "%", "x", "k", "M", "B", "σ"] where rest.hasSuffix(suffix) {
            rest = rest.dropLast(suffix.count)
            break
        }
        let bytes = rest.utf8
        guard bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        return bytes.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2C }
    }
}

extension String {
    /// The string without leading and trailing spaces (Foundation-free).
    fileprivate var trimmingSpaces: Substring {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return s
    }
}
