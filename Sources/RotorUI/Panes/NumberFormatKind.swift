/// How a pane writes a number: fixed decimals per kind, a sign on changes, the unit
/// next to the number. Every pane uses these, so the same kind of number looks the
/// same everywhere.
public enum NumberFormatKind: Sendable, Equatable {
    case decimals(Int)
    case signed(Int)
    /// A fraction (0.0232) shown as a signed percentage: `+2.32%`.
    case percent(decimals: Int)
    /// A value already in percent (45.0) shown with its unit: `45.0%`.
    case percentLevel(decimals: Int)
    /// Basis points, signed, whole: `+297 bp`.
    case basisPoints
    /// Volatility points, signed: `+3.28 pts`.
    case points
    /// A multiple: `1.34x`.
    case multiple
    /// A signed whole count: `+23`.
    case count
    /// Mutual information in nats, 3 decimals: `0.450 nats`.
    case nats

    /// Signed percent with 2 decimals, the default for changes.
    public static let percent = NumberFormatKind.percent(decimals: 2)

    public func format(_ v: Double) -> String {
        switch self {
        case let .decimals(d): NumberLabel.fixed(v, decimals: d)
        case let .signed(d): signed(v, d)
        case let .percent(d): signed(100 * v, d) + "%"
        case let .percentLevel(d): NumberLabel.fixed(v, decimals: d) + "%"
        case .basisPoints: signed(v, 0) + " bp"
        case .points: signed(v, 2) + " pts"
        case .multiple: NumberLabel.fixed(v, decimals: 2) + "x"
        case .count: signed(v, 0)
        case .nats: NumberLabel.fixed(v, decimals: 3) + " nats"
        }
    }

    /// The colour of a change by its sign as shown: up when it shows above zero,
    /// down below, none when it shows as zero (`+0.0%` for -0.04%, `0`), so the
    /// colour never contradicts the digits.
    public func signRole(_ v: Double) -> StyleRole? {
        let text = format(v)
        guard text.unicodeScalars.contains(where: { $0 >= "1" && $0 <= "9" }) else { return nil }
        return text.hasPrefix("-") ? .down : .up
    }

    /// What stands where a value is absent (a window not yet full): never a zero.
    public static let absent = "–"

    private func signed(_ v: Double, _ digits: Int) -> String {
        let text = NumberLabel.fixed(v, decimals: digits)
        return text.hasPrefix("-") ? text : "+" + text
    }
}
