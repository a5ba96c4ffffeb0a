/// METRICS.md's macro regime: the equity trend (the sign of `chg(ES,20)`, ES the
/// large-cap role) with the curve regime, named from a table the config's `[regimes]`
/// may rename ("Goldilocks" is equities up with a bull steepener).
public struct MacroRegime: Sendable, Equatable, Hashable {
    /// Which way equities went over the last 20 rows.
    public enum Trend: String, Sendable, CaseIterable {
        case up, down

        /// "up" when chg(ES,20) > 0, else "down" (a flat 20 rows is not up).
        public init(change: Double) { self = change > 0 ? .up : .down }
    }

    public var trend: Trend
    public var curve: CurveRegime

    public init(trend: Trend, curve: CurveRegime) {
        self.trend = trend
        self.curve = curve
    }

    /// The config key of the combination: `up_bull_steepener`, `down_flat`.
    public var key: String { trend.rawValue + "_" + curve.rawValue.replacingOccurrences(of: " ", with: "_") }

    /// The curve regimes in the order the docs list them: bull before bear, steepener
    /// before flattener, flat last.
    public static let curves: [CurveRegime] = [.bullSteepener, .bullFlattener, .bearSteepener, .bearFlattener, .flat]

    /// Every combination, equities up first.
    public static let all: [MacroRegime] = Trend.allCases.flatMap { t in curves.map { MacroRegime(trend: t, curve: $0) } }
}

/// The name of each macro regime: the defaults below, renamed by the config's
/// `[regimes]` (keys as `MacroRegime.key`). The defaults are the words a macro desk
/// uses for what stocks and the curve do together over a month.
public struct MacroRegimeNames: Sendable, Equatable {
    /// Equities up: a falling front end (bull steepener) is Goldilocks; yields falling
    /// led by the long end is disinflation; a rising long end is reflation; a rising
    /// front end (the Fed leaning in while stocks run) is overheating; the curve still
    /// is plain risk-on. Equities down: a front end pricing cuts is a growth scare; a
    /// long-end rally is a flight to quality; a long-end selloff is stagflation; a
    /// rising front end is tightening; the curve still is risk-off.
    public static let defaults: [MacroRegime: String] = [
        MacroRegime(trend: .up, curve: .bullSteepener): "Goldilocks",
        MacroRegime(trend: .up, curve: .bullFlattener): "Disinflation",
        MacroRegime(trend: .up, curve: .bearSteepener): "Reflation",
        MacroRegime(trend: .up, curve: .bearFlattener): "Overheating",
        MacroRegime(trend: .up, curve: .flat): "Risk-on",
        MacroRegime(trend: .down, curve: .bullSteepener): "Growth scare",
        MacroRegime(trend: .down, curve: .bullFlattener): "Flight to quality",
        MacroRegime(trend: .down, curve: .bearSteepener): "Stagflation",
        MacroRegime(trend: .down, curve: .bearFlattener): "Tightening",
        MacroRegime(trend: .down, curve: .flat): "Risk-off",
    ]

    /// The names changed from the defaults.
    public private(set) var renamed: [MacroRegime: String] = [:]

    public init() {}

    public subscript(regime: MacroRegime) -> String {
        get { renamed[regime] ?? Self.defaults[regime]! }
        set { renamed[regime] = newValue == Self.defaults[regime] ? nil : newValue }
    }
}
