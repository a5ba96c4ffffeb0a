/// Where the flags of METRICS.md fire; the config's `[thresholds]` may move them.
public struct Thresholds: Sendable, Equatable {
    /// |zscore(spread(RTY,ES,10),252)| at or beyond this is a rotation extreme.
    public var rotationZ = 2.0
    /// pctrank(above(@U,50),252) at or above this is EXTREME HIGH.
    public var breadthHigh = 95.0
    /// ... at or below this is EXTREME LOW.
    public var breadthLow = 5.0
    /// REVERSING: extreme on any of this many previous rows and not now.
    public var reversalRows = 5
    /// pctrank(COR1M,252) at or above this: implied correlation high in its year.
    public var impliedCorrHigh = 95.0
    /// The names of the macro regimes (the config's `[regimes]`): the words the rates
    /// pane's regime row and its `macro-regime` alert show.
    public var regimeNames = MacroRegimeNames()
    /// The NETWORK pane's graph draws an edge for every pair whose 60-row |corr| is
    /// at least this (`[network] edge`).
    public var networkEdge = 0.3
    /// A net position's 3-year percentile at or below this is CROWDED SHORT.
    public var crowdedShort = 5.0
    /// ... at or above this is CROWDED LONG.
    public var crowdedLong = 95.0
    /// SQUEEZE RISK: leveraged funds' small-cap percentile at or below this ...
    public var squeezePercentile = 10.0
    /// ... while the small/large 10d spread's z is at least this.
    public var squeezeZ = 2.0

    public init() {}
}
