/// Which symbol plays which part in the panes (the config's `[roles]`).
public struct Roles: Sendable, Equatable {
    public var small = "RTY"
    public var large = "ES"
    public var tech = "NQ"
    public var index = "SPX"
    public var mag7 = ["AAPL", "MSFT", "GOOGL", "AMZN", "NVDA", "META", "TSLA"]
    /// Universe name without `@`.
    public var universe = "universe"
    public var twoYear = "US2Y"
    public var tenYear = "US10Y"
    /// Implied correlation of the index's largest names, in correlation points
    /// (Cboe's COR1M): the Mag7 pane sets it against the names' realized one.
    public var impliedCorr = "COR1M"
    /// (implied vol index, its underlying).
    public var volPairs: [(implied: String, underlying: String)] = [("VIX", "ES"), ("VXN", "NQ"), ("RVX", "RTY")]
    /// The NETWORK pane's symbols and their inputs (`[network]`).
    public var network = NetworkRoles()
    /// The contracts the positioning pane reads, each the symbol of a `cftc` feed
    /// (`RTY` reads `RTY_AM`, `RTY_LF`, `RTY_OI`): `[positioning] symbols`.
    public var positioning = ["RTY", "NQ", "ES"]

    public init() {}

    public static func == (a: Roles, b: Roles) -> Bool {
        a.small == b.small && a.large == b.large && a.tech == b.tech && a.index == b.index
            && a.mag7 == b.mag7 && a.universe == b.universe && a.twoYear == b.twoYear
            && a.tenYear == b.tenYear && a.impliedCorr == b.impliedCorr && a.positioning == b.positioning
            && a.volPairs.map(\.implied) == b.volPairs.map(\.implied)
            && a.volPairs.map(\.underlying) == b.volPairs.map(\.underlying)
            && a.network == b.network
    }
}
