/// The flags the panes raise (METRICS.md "Flags"), computed from series values.

/// Which way a rotation extreme points.
public enum RotationExtreme: String, Sendable, Equatable {
    case smallCapsLeading = "small caps leading"
    case smallCapsLagging = "small caps lagging"

    /// |zscore(spread(RTY,ES,10),252)| >= 2 (or the configured level), signed by the spread.
    public init?(spreadZscore z: Double, threshold: Double = 2) {
        if z >= threshold { self = .smallCapsLeading } else if z <= -threshold { self = .smallCapsLagging } else { return nil }
    }
}

/// Implied vol at a discount to realized: sub(IV, rvol(UND,20)) < 0.
public func isImpliedBelowRealized(premium: Double) -> Bool { premium < 0 }

/// Breadth at an extreme of its own year, and the turn away from one.
public struct BreadthExtreme: Sendable, Equatable {
    public enum Side: String, Sendable { case high = "EXTREME HIGH", low = "EXTREME LOW" }

    /// The extreme today, if any: pctrank(above(@U,50),252) >= 95 or <= 5.
    public let side: Side?
    /// Extreme on any of the previous `lookback` rows and not now; the side it left.
    public let reversingFrom: Side?

    public static func side(_ percentile: Double, high: Double = 95, low: Double = 5) -> Side? {
        percentile >= high ? .high : (percentile <= low ? .low : nil)
    }

    /// The state on the last row of `percentile` (the pctrank series).
    public init?(percentile: Series, lookback: Int = 5, high: Double = 95, low: Double = 5) {
        guard let last = percentile.values.last else { return nil }
        side = Self.side(last, high: high, low: low)
        let previous = percentile.values.dropLast().suffix(lookback)
        reversingFrom = side == nil
            ? previous.reversed().lazy.compactMap { Self.side($0, high: high, low: low) }.first : nil
    }
}

/// The 2s10s curve regime over a window of rows: bull (yields falling on average)
/// or bear, steepener (10y minus 2y widening) or flattener; flat when the spread
/// moved less than 2 bp.
public enum CurveRegime: String, Sendable, Equatable {
    case bullSteepener = "bull steepener"
    case bearSteepener = "bear steepener"
    case bullFlattener = "bull flattener"
    case bearFlattener = "bear flattener"
    case flat

    /// From the changes of the 2-year and 10-year over the window, in basis points.
    public init(twoYearChangeBp d2: Double, tenYearChangeBp d10: Double) {
        let level = (d2 + d10) / 2, slope = d10 - d2
        if abs(slope) < 2 {
            self = .flat
        } else if level < 0 {
            self = slope > 0 ? .bullSteepener : .bullFlattener
        } else {
            self = slope > 0 ? .bearSteepener : .bearFlattener
        }
    }

    /// The regime on each joined row of the two yields (in percent) from row
    /// `window` + 1 on.
    public static func series(twoYear: Series, tenYear: Series, window: Int = 20) -> [(date: Day, regime: CurveRegime)] {
        let j = DateAlignment.innerJoin([twoYear, tenYear])
        guard window >= 1, j.dates.count > window else { return [] }
        return (window..<j.dates.count).map { t in
            let d2 = (j.columns[0][t] - j.columns[0][t - window]) * 100
            let d10 = (j.columns[1][t] - j.columns[1][t - window]) * 100
            return (j.dates[t], CurveRegime(twoYearChangeBp: d2, tenYearChangeBp: d10))
        }
    }
}
