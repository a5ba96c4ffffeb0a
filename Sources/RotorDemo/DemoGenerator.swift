public import RotorCore
import Foundation

/// Writes the bundled demo data (`Samples/demo/`): a synthetic but realistic US equity
/// market, deterministic for a seed, in the shapes of real downloads.
///
/// `files()` is a pure function of (seed, endDate, sessions): the same inputs give the
/// same bytes on every platform (the generator uses its own PRNG and its own `exp`/
/// `log`, and prints numbers from integer cents). Samples/README.md describes the
/// model, its parameters and the scripted episodes.
public struct DemoGenerator: Sendable {
    /// The seed of the committed demo data.
    public static let defaultSeed: UInt64 = 28
    /// The last session of the committed demo data.
    public static let defaultEndDate = Day(year: 2026, month: 11, day: 20)!
    /// Four years of sessions: enough for every 252-session window to fill with years to spare.
    public static let defaultSessions = 1008

    /// The index futures, cash index, stocks and the 10-year note future (Yahoo shape).
    public static let yahooSymbols = ["ES", "RTY", "NQ", "SPX", "AAPL", "MSFT", "GOOGL", "AMZN", "NVDA", "META", "TSLA", "ZN",
                                      "ZT", "CL", "GC", "DX"]
    /// The implied volatility and implied correlation indices (CBOE shape).
    public static let cboeSymbols = ["VIX", "VXN", "RVX", "COR1M", "COR3M"]
    /// The yields (FRED shape) and the FRED series each file imitates.
    public static let fredSymbols = [(symbol: "US2Y", series: "DGS2"), (symbol: "US10Y", series: "DGS10")]
    /// The breadth universe file (`@universe`).
    public static let universeFile = "universe.csv"

    public let seed: UInt64
    public let endDate: Day
    public let sessions: Int

    /// `endDate` need not be a session: the data ends on the last session on or before
    /// it. `sessions` must be at least 60.
    public init(seed: UInt64 = DemoGenerator.defaultSeed, endDate: Day = DemoGenerator.defaultEndDate,
                sessions: Int = DemoGenerator.defaultSessions) {
        precondition(sessions >= 60, "the demo needs at least 60 sessions")
        self.seed = seed
        self.endDate = endDate
        self.sessions = sessions
    }

    /// Every file of the demo folder: (path relative to the folder, contents).
    public func files() -> [(name: String, contents: String)] {
        let days = MarketCalendar.sessions(count: sessions, endingOnOrBefore: endDate)
        let paths = MarketModel(seed: seed, sessions: days).simulate()
        var bars = SeededRandom(seed: seed, stream: .bars)
        var out: [(name: String, contents: String)] = []
        typealias P = ModelParameters

        // Daily standard deviations of each instrument, for its bars.
        let marketSD = paths.marketDailySD
        func scaled(_ ratio: Double) -> [Double] { marketSD.map { $0 * ratio } }
        let link = P.usualRateLink
        let smallRatio = (P.smallBeta * P.smallBeta + P.smallSize * P.smallSize + link.small * link.small
            + 2 * P.smallBeta * link.small * link.market).squareRoot()
        let techRatio = (P.techBeta * P.techBeta + P.techGrowth * P.techGrowth + link.tech * link.tech
            + 2 * P.techBeta * link.tech * link.market).squareRoot()

        // Index futures and the cash S&P 500.
        let futures: [(name: String, index: [Double], dividend: Double, tick: Int64, sd: [Double], volume: Double)] = [
            ("ES", paths.spx, P.spxDividendYield, 25, marketSD, 1.5e6),
            ("RTY", paths.rut, P.rutDividendYield, 10, scaled(smallRatio), 1.8e5),
            ("NQ", paths.ndx, P.ndxDividendYield, 25, scaled(techRatio), 5.5e5),
        ]
        for f in futures {
            let closes = Futures.prices(index: f.index, sessions: days, twoYear: paths.twoYear, dividendYield: f.dividend)
            let style = Bars.Style(tickCents: f.tick, gap: 0.2, range: 0.5, volume: f.volume)
            let b = Bars.make(closes: closes, dailySD: f.sd, style: style, random: &bars)
            out.append((f.name + ".csv", CSVWriters.yahoo(sessions: days, bars: b)))
        }
        let spx = Bars.make(closes: paths.spx, dailySD: marketSD,
                            style: Bars.Style(gap: 0.1, range: 0.5, volume: 4.2e9), random: &bars)
        out.append(("SPX.csv", CSVWriters.yahoo(sessions: days, bars: spx)))

        // The Magnificent 7, with dividend-adjusted closes where they pay.
        let normalVolatility = P.regimeVolatility(.normal)
        for (k, stock) in P.mag7.enumerated() {
            let style = Bars.Style(gap: 0.35, range: 0.55, volume: stock.volume)
            var b = Bars.make(closes: paths.stocks[k], dailySD: scaled(stock.volatility / normalVolatility),
                              style: style, random: &bars)
            if stock.dividendYield > 0 {
                Bars.adjustForDividends(&b, sessions: days, yield: stock.dividendYield,
                                        from: Story.day(stock.dividendsFrom))
            }
            out.append((stock.name + ".csv", CSVWriters.yahoo(sessions: days, bars: b)))
        }

        // Implied volatility indices: their own daily swings are about 6% of their level.
        for (name, levels) in [("VIX", paths.vix), ("VXN", paths.vxn), ("RVX", paths.rvx)] {
            let b = Bars.make(closes: levels, dailySD: [Double](repeating: 0.06, count: levels.count),
                              style: Bars.Style(gap: 0.5, range: 0.6), random: &bars)
            out.append((name + ".csv", CSVWriters.cboe(sessions: days, bars: b)))
        }

        // Yields on FRED's weekday calendar, empty on market holidays.
        let weekdays = MarketCalendar.weekdays(from: days[0], through: days[days.count - 1])
        for (symbol, series, levels) in [("US2Y", "DGS2", paths.twoYear), ("US10Y", "DGS10", paths.tenYear)] {
            var values: [Day: Int64] = [:]
            for (t, day) in days.enumerated() { values[day] = Bars.cents(levels[t]) }
            out.append((symbol + ".csv", CSVWriters.fred(series: series, weekdays: weekdays, values: values)))
        }

        // The breadth universe.
        let columns = paths.members.map { member in
            (name: member.name,
             cents: member.closes.indices.map { t in t >= member.firstSession ? Bars.cents(member.closes[t]) : nil })
        }
        out.append((Self.universeFile, CSVWriters.wide(sessions: days, columns: columns)))

        // The 10-year note future, priced off the 10-year yield (drawn last, so the
        // files above are the same bytes as before it was added).
        let noteDailySD = [Double](repeating: 0.0035, count: days.count)
        let zn = Bars.make(closes: TreasuryFuture.prices(tenYear: paths.tenYear), dailySD: noteDailySD,
                           style: Bars.Style(gap: 0.15, range: 0.5, volume: 1.6e6), random: &bars)
        out.append(("ZN.csv", CSVWriters.yahoo(sessions: days, bars: zn)))

        // The NETWORK pane's cross-asset futures, from streams of their own (so every
        // file above is the same bytes as before they were added).
        let cross = CrossAssets(paths: paths, seed: seed)
        var crossBars = SeededRandom(seed: seed, stream: .crossAssetBars)
        let twoYearNoteSD = [Double](repeating: 0.0012, count: days.count)
        let crossFutures: [(name: String, closes: [Double], sd: [Double], style: Bars.Style)] = [
            ("ZT", cross.zt, twoYearNoteSD, Bars.Style(gap: 0.15, range: 0.5, volume: 6.5e5)),
            ("CL", cross.cl, cross.clDailySD, Bars.Style(gap: 0.3, range: 0.6, volume: 3.2e5)),
            ("GC", cross.gc, cross.gcDailySD, Bars.Style(tickCents: 10, gap: 0.25, range: 0.55, volume: 1.9e5)),
            ("DX", cross.dx, cross.dxDailySD, Bars.Style(gap: 0.2, range: 0.5, volume: 2.0e4)),
        ]
        for f in crossFutures {
            let b = Bars.make(closes: f.closes, dailySD: f.sd, style: f.style, random: &crossBars)
            out.append((f.name + ".csv", CSVWriters.yahoo(sessions: days, bars: b)))
        }

        // Implied correlation (COR1M, COR3M) from the paths above, with noise and bars
        // of its own stream, so every file above keeps its bytes.
        var correlationRandom = SeededRandom(seed: seed, stream: .impliedCorrelation)
        let correlation = ImpliedCorrelation.paths(spx: paths.spx, stocks: paths.stocks, vix: paths.vix,
                                                   random: &correlationRandom)
        let swing = [Double](repeating: ImpliedCorrelation.dailySwing, count: days.count)
        for (name, levels) in [("COR1M", correlation.oneMonth), ("COR3M", correlation.threeMonth)] {
            let b = Bars.make(closes: levels, dailySD: swing, style: Bars.Style(gap: 0.5, range: 0.6),
                              random: &correlationRandom)
            out.append((name + ".csv", CSVWriters.cboe(sessions: days, bars: b)))
        }
        // Weekly CFTC positioning of RTY, NQ and ES, from its own stream (after
        // everything else, so the files above keep their bytes).
        out += DemoPositioning.files(seed: seed, sessions: days)
        return out
    }

    /// Writes `files()` into `directory`, creating it (and its parents) if needed.
    /// Other files already in the folder are left alone.
    public func write(to directory: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let base = URL(fileURLWithPath: directory, isDirectory: true)
        for file in files() {
            try Data(file.contents.utf8).write(to: base.appendingPathComponent(file.name), options: .atomic)
        }
    }
}
