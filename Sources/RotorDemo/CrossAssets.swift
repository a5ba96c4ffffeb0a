/// The cross-asset futures of the NETWORK pane: the 2-year note (ZT), crude oil (CL),
/// gold (GC) and the dollar index (DX), derived from the simulated market and yields
/// with noise of their own, so they co-move with the rest as the real ones do:
///
/// - ZT is priced off the 2-year yield (`TreasuryFuture`), as ZN is off the 10-year:
///   it moves with ZN, and against RTY exactly as the 2-year's moves hurt small caps.
/// - DX rises with the 2-year (rate differentials) and on the market's down days
///   (the dollar as a haven), plus noise of its own.
/// - GC falls as the dollar rises (most of its tie to the rest) and as the 10-year
///   rises (real yields), plus a larger noise of its own.
/// - CL rides the market factor: its correlation with the index futures rises in
///   stressed spells, when the market's moves dwarf crude's own.
///
/// Each drifts along a straight course (in logs) between its first and last levels
/// and is pulled 2% of the way back to it each day, so four years stay in a
/// recognisable range. Draws come from the `crossAssets` stream only.
struct CrossAssets {
    var zt: [Double] = []
    var cl: [Double] = []
    var gc: [Double] = []
    var dx: [Double] = []
    /// Each one's own daily standard deviation, for its bars.
    var clDailySD: [Double] = []
    var gcDailySD: [Double] = []
    var dxDailySD: [Double] = []

    /// Loadings, per 1 percentage point of yield change or per unit of market log return.
    static let dollarPerTwoYear = 0.02
    static let dollarPerMarket = -0.10
    static let dollarOwnSD = 0.0038
    static let goldPerDollar = -1.0
    static let goldPerTenYear = -0.03
    static let goldOwnSD = 0.0085
    static let crudePerMarket = 0.9
    static let crudePerTwoYear = 0.03
    static let crudeOwnSD = 0.019
    /// (first, last) levels of each course: roughly where each traded in November
    /// 2022 and in late 2026's consensus.
    static let crudeCourse = (80.0, 64.0)
    static let goldCourse = (1770.0, 3900.0)
    static let dollarCourse = (106.5, 99.0)
    static let steering = 0.02

    init(paths: MarketPaths, seed: UInt64) {
        let ln = DeterministicMath.log, exp = DeterministicMath.exp
        let n = paths.spx.count
        var random = SeededRandom(seed: seed, stream: .crossAssets)
        zt = TreasuryFuture.prices(twoYear: paths.twoYear)
        func course(_ c: (Double, Double), _ t: Int) -> Double {
            ln(c.0) + (ln(c.1) - ln(c.0)) * Double(t) / Double(max(1, n - 1))
        }
        var logCL = ln(Self.crudeCourse.0), logGC = ln(Self.goldCourse.0), logDX = ln(Self.dollarCourse.0)
        let cap = ModelParameters.tailCap, tail = ModelParameters.tailDegrees
        func record() {
            cl.append(exp(logCL))
            gc.append(exp(logGC))
            dx.append(exp(logDX))
        }
        record()
        for t in 1..<n {
            let market = ln(paths.spx[t] / paths.spx[t - 1])
            let twoYear = paths.twoYear[t] - paths.twoYear[t - 1]
            let tenYear = paths.tenYear[t] - paths.tenYear[t - 1]
            let dollar = Self.dollarPerTwoYear * twoYear + Self.dollarPerMarket * market
                + Self.dollarOwnSD * random.studentT(degrees: tail, cap: cap)
            let gold = Self.goldPerDollar * dollar + Self.goldPerTenYear * tenYear
                + Self.goldOwnSD * random.studentT(degrees: tail, cap: cap)
            let crude = Self.crudePerMarket * market + Self.crudePerTwoYear * twoYear
                + Self.crudeOwnSD * random.studentT(degrees: tail, cap: cap)
            logDX += dollar + Self.steering * (course(Self.dollarCourse, t) - logDX)
            logGC += gold + Self.steering * (course(Self.goldCourse, t) - logGC)
            logCL += crude + Self.steering * (course(Self.crudeCourse, t) - logCL)
            record()
        }
        // The bars' daily sizes: each one's own noise with the market's share of it.
        clDailySD = paths.marketDailySD.map { m in ((Self.crudePerMarket * m) * (Self.crudePerMarket * m) + Self.crudeOwnSD * Self.crudeOwnSD).squareRoot() }
        dxDailySD = paths.marketDailySD.map { m in ((Self.dollarPerMarket * m) * (Self.dollarPerMarket * m) + Self.dollarOwnSD * Self.dollarOwnSD).squareRoot() }
        gcDailySD = dxDailySD.map { d in ((Self.goldPerDollar * d) * (Self.goldPerDollar * d) + Self.goldOwnSD * Self.goldOwnSD).squareRoot() }
    }
}
