/// Every constant of the synthetic market, in one place (Samples/README.md lists them).
/// Changing any of them changes the committed demo data.
enum ModelParameters {
    // MARK: Market factor (the S&P 500)

    /// Long-run annualized volatility of the market in each regime.
    static func regimeVolatility(_ regime: VolatilityRegime) -> Double {
        switch regime {
        case .calm: return 0.105
        case .normal: return 0.14
        case .stressed: return 0.22
        }
    }

    /// Daily probability of leaving a regime (mean stays: calm 120 sessions, normal
    /// 150, stressed 35). The chain alternates calm and normal and a stressed regime
    /// relaxes to normal; stress itself only comes from the story's episodes, so the
    /// random part of the market never upstages the scripted selloffs.
    static func leaveProbability(_ regime: VolatilityRegime) -> Double {
        switch regime {
        case .calm: return 1.0 / 120
        case .normal: return 1.0 / 150
        case .stressed: return 1.0 / 35
        }
    }

    /// GJR-GARCH(1,1) on the market's daily return r:
    /// h' = omega + (alpha + gamma [r < 0]) r^2 + beta h, omega set so that h reverts
    /// to the regime's long-run variance. Down days raise volatility more than up days
    /// (the leverage effect): that is what makes implied vol jump on selloffs.
    static let garchAlpha = 0.02
    static let garchGamma = 0.12
    static let garchBeta = 0.86
    static var garchPersistence: Double { garchAlpha + garchGamma / 2 + garchBeta }

    /// Degrees of freedom of the Student-t shocks (unit variance): fat tails, capped
    /// at `tailCap` standard deviations so that no random day outdoes the scripted
    /// crashes.
    static let tailDegrees = 6
    static let tailCap = 4.5

    /// How hard the indices and yields are pulled back to the story's course each day
    /// (fraction of the distance): their deviation from it has a half-life of about
    /// 8 sessions. The Magnificent 7 only follow a straight course from their first
    /// to their last price, loosely.
    static let steering = 0.08
    static let stockSteering = 0.01

    // MARK: Factor structure of the index futures

    /// How the 2-year's daily shock enters the indices, in units of the market's daily
    /// standard deviation: the market's correlation with it, and the extra loading of
    /// small caps and of tech.
    struct RateLink {
        let market: Double
        let small: Double
        let tech: Double
    }
    /// Most of the time: higher yields hurt, small caps most (floating-rate debt).
    static let usualRateLink = RateLink(market: -0.15, small: -0.352, tech: 0.047)
    /// Growth regimes: yields rise on good news and tech rises with them.
    static let growthRateLink = RateLink(market: 0.25, small: -0.352, tech: 0.35)

    /// Russell 2000 = smallBeta x market + smallSize x size factor + rate loading.
    static let smallBeta = 1.085
    static let smallSize = 0.647
    /// Nasdaq 100 = techBeta x market + techGrowth x growth factor + rate loading.
    static let techBeta = 1.152
    static let techGrowth = 0.52

    /// Dividend yields of the cash indices, for the futures' carry basis.
    static let spxDividendYield = 0.014
    static let rutDividendYield = 0.013
    static let ndxDividendYield = 0.008

    // MARK: Rates

    /// Long-run standard deviation of the 2-year's daily change (bp) from a date on.
    static let twoYearVolatility: [(from: String, bp: Double)] = [
        ("2000-01-01", 9.0), ("2024-01-01", 7.0), ("2025-01-01", 5.5),
    ]
    /// GARCH(1,1) clustering of rate volatility.
    static let rateGarchAlpha = 0.06
    static let rateGarchBeta = 0.91
    /// The 10-year's daily change = tenYearBeta x the 2-year's shock + independent
    /// curve noise, so 2s10s steepens in rallies and flattens in selloffs of the front end.
    static let tenYearBeta = 0.78
    static let curveNoiseBP = 3.2

    // MARK: Implied volatility

    /// Implied vol = model forecast of realized vol over the next `forecastHorizon`
    /// sessions + a variance risk premium (points, scaled by sqrt(forecast / 15))
    /// + AR(1) noise + a fear term fed by down days.
    static let forecastHorizon = 21
    static let vixPremium = 3.8
    static let vxnPremium = 4.2
    static let rvxPremium = 4.0
    static let premiumPersistence = 0.93
    static let premiumNoise = 0.7
    static let fearDecay = 0.85
    /// Points added per percent the market falls (removed per percent it rises) ...
    static let spotVolPerPercent = 0.35
    /// ... and added again per percent it falls beyond 0.5% in a day.
    static let fearPerPercent = 0.6

    // MARK: Magnificent 7

    struct Stock {
        let name: String
        /// Price on the first session and on the last (split-adjusted).
        let start: Double
        let end: Double
        /// Annualized volatility in the normal regime, correlation with the Nasdaq 100.
        let volatility: Double
        let nasdaqCorrelation: Double
        /// Annual dividend yield paid quarterly from `dividendsFrom` (Adj Close < Close).
        let dividendYield: Double
        let dividendsFrom: String
        /// Typical daily share volume.
        let volume: Double
    }

    static let mag7: [Stock] = [
        Stock(name: "AAPL", start: 148, end: 268, volatility: 0.27, nasdaqCorrelation: 0.75,
              dividendYield: 0.005, dividendsFrom: "2000-01-01", volume: 58e6),
        Stock(name: "MSFT", start: 241, end: 505, volatility: 0.26, nasdaqCorrelation: 0.75,
              dividendYield: 0.008, dividendsFrom: "2000-01-01", volume: 22e6),
        Stock(name: "GOOGL", start: 98, end: 285, volatility: 0.31, nasdaqCorrelation: 0.65,
              dividendYield: 0.004, dividendsFrom: "2024-06-01", volume: 28e6),
        Stock(name: "AMZN", start: 96, end: 228, volatility: 0.33, nasdaqCorrelation: 0.68,
              dividendYield: 0, dividendsFrom: "", volume: 45e6),
        Stock(name: "NVDA", start: 16.5, end: 182, volatility: 0.48, nasdaqCorrelation: 0.65,
              dividendYield: 0, dividendsFrom: "", volume: 300e6),
        Stock(name: "META", start: 113, end: 640, volatility: 0.40, nasdaqCorrelation: 0.60,
              dividendYield: 0.0035, dividendsFrom: "2024-02-01", volume: 16e6),
        Stock(name: "TSLA", start: 190, end: 420, volatility: 0.52, nasdaqCorrelation: 0.50,
              dividendYield: 0, dividendsFrom: "", volume: 100e6),
    ]
    /// Share of each name's non-Nasdaq variance that is common to the seven.
    static let mag7CommonShare = 0.3

    // MARK: Breadth universe

    static let memberCount = 200
    /// Chance that a member lists (IPOs) during the sample instead of before it.
    static let lateListingChance = 0.06
    static let sectorCount = 10
    static let sectorVolatility = 0.10
    /// Ranges members are drawn from: beta to their market mix, weight of small caps
    /// in that mix, idiosyncratic volatility, first price.
    static let memberBeta = (0.6, 1.3)
    static let memberSmallWeight = (0.2, 0.9)
    static let memberIdiosyncraticVolatility = (0.18, 0.40)
    static let memberFirstPrice = (12.0, 250.0)
    /// Annual drift of members: mean and dispersion.
    static let memberDrift = (0.02, 0.10)
}
