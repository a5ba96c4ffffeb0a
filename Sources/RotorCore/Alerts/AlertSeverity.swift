/// How much an alert asks of the trader: `info` is logged and listed, `warn` and
/// `alert` are named in the status bar's strip too, and `alert` rings the bell
/// unless its rule says otherwise.
public enum AlertSeverity: String, Sendable, Codable, CaseIterable, Comparable {
    case info, warn, alert

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: AlertSeverity, b: AlertSeverity) -> Bool { a.rank < b.rank }
}
