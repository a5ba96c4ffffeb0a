/// How much history the charts show; `[` and `]` step through these.
public enum Lookback: Int, CaseIterable, Sendable {
    case month1, months3, months6, year1, years2, years5

    public var label: String {
        switch self {
        case .month1: "1M"
        case .months3: "3M"
        case .months6: "6M"
        case .year1: "1Y"
        case .years2: "2Y"
        case .years5: "5Y"
        }
    }

    /// Trading sessions in a year: the unit `sessions` counts in.
    public static let sessionsPerYear = 252

    /// Trading sessions in the window.
    public var sessions: Int {
        switch self {
        case .month1: 21
        case .months3: 63
        case .months6: 126
        case .year1: 252
        case .years2: 504
        case .years5: 1260
        }
    }

    public var shorter: Lookback { Lookback(rawValue: rawValue - 1) ?? self }
    public var longer: Lookback { Lookback(rawValue: rawValue + 1) ?? self }
}
