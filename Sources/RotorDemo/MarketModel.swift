import RotorCore

/// The simulated closes of everything the demo writes, one value per session.
struct MarketPaths {
    let sessions: [Day]
    /// Cash index levels (the S&P 500 is SPX; the futures add a basis to all three).
    var spx: [Double] = []
    var rut: [Double] = []
    var ndx: [Double] = []
    /// The market's conditional daily standard deviation (sizes bars and volumes).
    var marketDailySD: [Double] = []
    /// Magnificent 7 closes, in `ModelParameters.mag7` order.
    var stocks: [[Double]] = []
    var vix: [Double] = []
    var vxn: [Double] = []
    var rvx: [Double] = []
    /// Yields in percent.
    var twoYear: [Double] = []
    var tenYear: [Double] = []
    var members: [Member] = []

    struct Member {
        let name: String
        /// First session with a price (later than 0 for members that list during the sample).
        let firstSession: Int
        /// One close per session; entries before `firstSession` are not written.
        var closes: [Double]
    }
}

/// A latent-factor market with regime-switching, GARCH-like volatility.
///
/// Each session, in order:
/// 1. the volatility regime (calm / normal) follows a Markov chain unless the story
///    forces one (stressed regimes are all scripted);
/// 2. the 2-year yield moves by a GARCH(1,1) Student-t shock (plus any planned move and
///    the steering towards the story's course); the 10-year follows with beta 0.78
///    plus independent curve noise;
/// 3. the market factor (SPX) moves by its GJR-GARCH volatility times a Student-t
///    shock that is partly the rate shock; small caps and tech load on the market,
///    on their own factor (size, growth) and on the rate shock;
/// 4. the Magnificent 7 load on the Nasdaq and on a common factor; breadth members on
///    a mix of SPX and small caps, a sector factor and their own noise;
/// 5. implied vols are the model's own forecast of volatility plus a premium.
///
/// Every index and yield also receives the `AnchoredPath` steering of the story
/// (Story.swift), which keeps the four years on a recognisable course.
struct MarketModel {
    let seed: UInt64
    let sessions: [Day]

    func simulate() -> MarketPaths {
        typealias P = ModelParameters
        let n = sessions.count
        let clock = StoryClock(sessionCount: n)
        let ln = DeterministicMath.log
        let exp = DeterministicMath.exp

        // The story, placed on this calendar.
        var plannedSPX = [Double](repeating: 0, count: n)
        var plannedRUT = plannedSPX, plannedNDX = plannedSPX, plannedRate = plannedSPX, volPoints = plannedSPX
        for shock in Story.shocks {
            let i = clock.index(of: shock.date)
            guard i >= 1 && i < n else { continue }
            plannedSPX[i] = ln(1 + shock.spx / 100)
            plannedRUT[i] = ln(1 + shock.rut / 100)
            plannedNDX[i] = ln(1 + shock.ndx / 100)
            plannedRate[i] = shock.twoYearBP
            volPoints[i] = shock.volPoints
        }
        var forcedRegime = [VolatilityRegime?](repeating: nil, count: n)
        for r in Story.volatilityRegimes {
            let a = max(0, clock.index(of: r.from)), b = min(n - 1, clock.index(of: r.to))
            if a <= b { for i in a...b { forcedRegime[i] = r.regime } }
        }
        // (points, weight): the weight ramps over 3 sessions at each end so implied vol
        // slides into and out of a scripted spell instead of jumping.
        var premiumOverride = [(points: Double, weight: Double)?](repeating: nil, count: n)
        for r in Story.premiumOverrides {
            let from = clock.index(of: r.from), to = clock.index(of: r.to)
            let a = max(0, from), b = min(n - 1, to)
            if a <= b {
                for i in a...b {
                    premiumOverride[i] = (r.points, min(1, Double(i - from + 1) / 3, Double(to - i + 1) / 3))
                }
            }
        }
        let growth = clock.mask(Story.growthRegimes)
        var rateVolatility = [Double](repeating: P.twoYearVolatility[0].bp, count: n)
        for step in P.twoYearVolatility {
            let a = max(0, clock.index(of: step.from))
            if a < n { for i in a..<n { rateVolatility[i] = step.bp } }
        }

        let knots = Story.knots.map { (index: clock.index(of: $0.date), knot: $0) }
        let none = [Double](repeating: 0, count: n)
        let kappa = P.steering
        let spxPath = AnchoredPath(knots: knots.map { ($0.index, ln($0.knot.spx)) }, planned: plannedSPX, reversion: kappa)
        let rutPath = AnchoredPath(knots: knots.map { ($0.index, ln($0.knot.rut)) }, planned: plannedRUT, reversion: kappa)
        let ndxPath = AnchoredPath(knots: knots.map { ($0.index, ln($0.knot.ndx)) }, planned: plannedNDX, reversion: kappa)
        let ratePath = AnchoredPath(knots: knots.compactMap { k in k.knot.twoYear.map { (k.index, $0 * 100) } },
                                    planned: plannedRate, reversion: kappa)
        let curvePath = AnchoredPath(knots: knots.compactMap { k in k.knot.curve.map { (k.index, $0 * 100) } },
                                     planned: none, reversion: kappa)
        let firstKnot = clock.index(of: Story.knots[0].date)
        let lastKnot = clock.index(of: Story.knots[Story.knots.count - 1].date)
        let stockPaths = P.mag7.map { stock in
            AnchoredPath(knots: [(firstKnot, ln(stock.start)), (lastKnot, ln(stock.end))],
                         planned: none, reversion: P.stockSteering)
        }

        var regimeRandom = SeededRandom(seed: seed, stream: .volatilityRegime)
        var marketRandom = SeededRandom(seed: seed, stream: .market)
        var rateRandom = SeededRandom(seed: seed, stream: .rates)
        var impliedRandom = SeededRandom(seed: seed, stream: .impliedVol)
        var stockRandom = SeededRandom(seed: seed, stream: .mag7)
        var setupRandom = SeededRandom(seed: seed, stream: .universeSetup)
        var memberRandom = SeededRandom(seed: seed, stream: .universe)
        let tail = P.tailDegrees

        // Breadth members: fixed traits drawn once.
        struct Trait {
            let beta, smallWeight, idiosyncratic, drift: Double
            let sector: Int
        }
        var traits: [Trait] = []
        var members: [MarketPaths.Member] = []
        for m in 0..<P.memberCount {
            let beta = setupRandom.uniform(P.memberBeta.0, P.memberBeta.1)
            let weight = setupRandom.uniform(P.memberSmallWeight.0, P.memberSmallWeight.1)
            let idio = setupRandom.uniform(P.memberIdiosyncraticVolatility.0, P.memberIdiosyncraticVolatility.1)
            let drift = P.memberDrift.0 + P.memberDrift.1 * setupRandom.normal()
            let sector = setupRandom.integer(below: P.sectorCount)
            let price = exp(setupRandom.uniform(ln(P.memberFirstPrice.0), ln(P.memberFirstPrice.1)))
            let late = setupRandom.uniform() < P.lateListingChance
            let listing = late ? 60 + setupRandom.integer(below: max(1, n * 2 / 3)) : 0
            traits.append(Trait(beta: beta, smallWeight: weight, idiosyncratic: idio, drift: drift, sector: sector))
            let name = "M" + String(repeating: "0", count: max(0, 3 - String(m + 1).count)) + String(m + 1)
            var closes = [Double](repeating: 0, count: n)
            closes[min(listing, n - 1)] = (price * 100).rounded() / 100
            members.append(MarketPaths.Member(name: name, firstSession: min(listing, n - 1), closes: closes))
        }

        // Implied-vol term structure: the average of the GARCH variance forecast over
        // the next `forecastHorizon` sessions, h_LR + (h' - h_LR) * termWeight.
        let persistence = P.garchPersistence
        var power = 1.0
        for _ in 0..<P.forecastHorizon { power *= persistence }
        let termWeight = (1 - power) / (Double(P.forecastHorizon) * (1 - persistence))
        func longRunVariance(_ regime: VolatilityRegime) -> Double {
            let v = P.regimeVolatility(regime)
            return v * v / 252
        }
        let normalDailySD = P.regimeVolatility(.normal) / 252.0.squareRoot()
        func link(_ t: Int) -> ModelParameters.RateLink { growth[t] ? P.growthRateLink : P.usualRateLink }
        /// Daily standard deviations of RUT and NDX relative to the market's.
        func relativeSD(_ l: ModelParameters.RateLink) -> (small: Double, tech: Double) {
            let small = P.smallBeta * P.smallBeta + P.smallSize * P.smallSize + l.small * l.small
                + 2 * P.smallBeta * l.small * l.market
            let tech = P.techBeta * P.techBeta + P.techGrowth * P.techGrowth + l.tech * l.tech
                + 2 * P.techBeta * l.tech * l.market
            return (small.squareRoot(), tech.squareRoot())
        }

        // State.
        var paths = MarketPaths(sessions: sessions)
        var logSPX = spxPath.start, logRUT = rutPath.start, logNDX = ndxPath.start
        var logStocks = stockPaths.map(\.start)
        var twoYearBP = ratePath.start, curveBP = curvePath.start
        var regime = forcedRegime[0] ?? .normal
        var variance = longRunVariance(regime)
        var rateVariance = rateVolatility[0] * rateVolatility[0]
        var lastRateShock = 0.0
        var noise = (vix: 0.0, vxn: 0.0, rvx: 0.0)
        var fear = 0.0
        var memberLogs = members.map { ln($0.closes[$0.firstSession]) }

        func record(_ t: Int) {
            paths.spx.append(exp(logSPX))
            paths.rut.append(exp(logRUT))
            paths.ndx.append(exp(logNDX))
            paths.marketDailySD.append(variance.squareRoot())
            for (k, value) in logStocks.enumerated() { paths.stocks[k].append(exp(value)) }
            paths.twoYear.append(twoYearBP / 100)
            paths.tenYear.append((twoYearBP + curveBP) / 100)
            // Implied vol from the variance forecast made after today's close.
            let hLR = longRunVariance(regime)
            let forecast = hLR + (variance - hLR) * termWeight
            let core = 100 * (252 * max(forecast, 1e-6)).squareRoot()
            let ratios = relativeSD(link(t))
            func implied(_ core: Double, _ mean: Double, _ noise: Double, _ floor: Double) -> Double {
                var premium = mean * (core / 15).squareRoot() + noise + fear
                if let forced = premiumOverride[t] {
                    premium = forced.weight * (forced.points + 0.5 * noise) + (1 - forced.weight) * premium
                }
                // A soft floor: implied vol flattens out towards `floor` instead of
                // sitting on it (dealers will not sell options for nothing).
                let level = core + premium
                return level > floor + 2 ? level : floor + 2 * exp((level - floor - 2) / 2)
            }
            paths.vix.append(implied(core, P.vixPremium, noise.vix, 9))
            paths.vxn.append(implied(core * ratios.tech, P.vxnPremium, noise.vxn, 11))
            paths.rvx.append(implied(core * ratios.small, P.rvxPremium, noise.rvx, 12))
            for m in members.indices where t >= members[m].firstSession {
                members[m].closes[t] = exp(memberLogs[m])
            }
        }

        paths.stocks = Array(repeating: [], count: P.mag7.count)
        record(0)
        for t in 1..<n {
            // 1. Volatility regime.
            let u = regimeRandom.uniform()
            if let forced = forcedRegime[t] {
                regime = forced
            } else if u < P.leaveProbability(regime) {
                regime = regime == .normal ? .calm : .normal
            }

            // 2. Rates (basis points).
            let rateLR = rateVolatility[t] * rateVolatility[t]
            rateVariance = (1 - P.rateGarchAlpha - P.rateGarchBeta) * rateLR
                + P.rateGarchAlpha * lastRateShock * lastRateShock + P.rateGarchBeta * rateVariance
            let rateShock = rateRandom.studentT(degrees: tail, cap: P.tailCap) // also the equities' rate factor
            let curveShock = rateRandom.studentT(degrees: tail, cap: P.tailCap)
            // On a day with a scripted yield move, that move is the day's news: the
            // random part shrinks to a third so the script reads clearly.
            let rateNoiseWeight = plannedRate[t] == 0 ? 1.0 : 1.0 / 3
            let rateMove = rateVariance.squareRoot() * rateShock * rateNoiseWeight + plannedRate[t]
            lastRateShock = rateMove
            twoYearBP += rateMove + ratePath.drift(at: t, current: twoYearBP)
            curveBP += (P.tenYearBeta - 1) * rateMove + P.curveNoiseBP * curveShock
                + curvePath.drift(at: t, current: curveBP)

            // 3. Index factors (log returns).
            let l = link(t)
            let sd = variance.squareRoot()
            let marketShock = marketRandom.studentT(degrees: tail, cap: P.tailCap)
            let sizeShock = marketRandom.studentT(degrees: tail, cap: P.tailCap)
            let growthShock = marketRandom.studentT(degrees: tail, cap: P.tailCap)
            let spxDrift = spxPath.drift(at: t, current: logSPX)
            // The day's news (noise and planned move) feeds volatility; the steering
            // drift does not, or steering would breed volatility that needs more steering.
            let spxNews = sd * (l.market * rateShock + (1 - l.market * l.market).squareRoot() * marketShock)
                + plannedSPX[t]
            let rSPX = spxNews + spxDrift
            // Each follower's own drift is what its knots need beyond what the market's
            // drift already gives it through the beta.
            let rutDrift = rutPath.drift(at: t, current: logRUT) - P.smallBeta * spxDrift
            let rRUT = P.smallBeta * rSPX + sd * (P.smallSize * sizeShock + l.small * rateShock)
                + (plannedRUT[t] - P.smallBeta * plannedSPX[t]) + rutDrift
            let ndxDrift = ndxPath.drift(at: t, current: logNDX) - P.techBeta * spxDrift
            let rNDX = P.techBeta * rSPX + sd * (P.techGrowth * growthShock + l.tech * rateShock)
                + (plannedNDX[t] - P.techBeta * plannedSPX[t]) + ndxDrift
            logSPX += rSPX
            logRUT += rRUT
            logNDX += rNDX
            let gamma = spxNews < 0 ? P.garchGamma : 0
            let hLR = longRunVariance(regime)
            let omega = (1 - persistence) * hLR
            variance = omega + (P.garchAlpha + gamma) * spxNews * spxNews + P.garchBeta * variance
            // Idiosyncratic noise follows market volatility, more softly.
            let stress = (sd / normalDailySD).squareRoot()

            // 4a. Magnificent 7.
            let ndxTotalDrift = P.techBeta * spxDrift + ndxDrift
            let common = stockRandom.studentT(degrees: tail, cap: P.tailCap)
            for (k, stock) in P.mag7.enumerated() {
                let own = stockRandom.studentT(degrees: tail, cap: P.tailCap)
                let ndxVol = P.regimeVolatility(.normal) * relativeSD(P.usualRateLink).tech
                let beta = stock.nasdaqCorrelation * stock.volatility / ndxVol
                let residual = stock.volatility * (1 - stock.nasdaqCorrelation * stock.nasdaqCorrelation).squareRoot()
                    / 252.0.squareRoot()
                let shock = P.mag7CommonShare.squareRoot() * common + (1 - P.mag7CommonShare).squareRoot() * own
                let drift = stockPaths[k].drift(at: t, current: logStocks[k]) - beta * ndxTotalDrift
                logStocks[k] += beta * rNDX + residual * stress * shock + drift
            }

            // 4b. Breadth members: every member draws every day, listed or not, so the
            // streams stay aligned whatever the listing dates.
            var sectorMoves: [Double] = []
            for _ in 0..<P.sectorCount {
                sectorMoves.append(P.sectorVolatility / 252.0.squareRoot() * stress * memberRandom.studentT(degrees: tail, cap: P.tailCap))
            }
            for m in members.indices {
                let trait = traits[m]
                let own = memberRandom.studentT(degrees: tail, cap: P.tailCap)
                let marketMix = (1 - trait.smallWeight) * rSPX + trait.smallWeight * rRUT
                let r = trait.beta * marketMix + sectorMoves[trait.sector]
                    + trait.idiosyncratic / 252.0.squareRoot() * stress * own + trait.drift / 252
                if t > members[m].firstSession { memberLogs[m] += r }
            }

            // 5. Implied-vol premium state: AR(1) noise, and a fear term that rises when the
            //    market falls and bleeds away when it rises (spot-vol correlation), with
            //    an extra kick on large down days.
            // The three premia share 36% of their innovations' variance.
            let shared = impliedRandom.normal()
            let own = (vxn: impliedRandom.normal(), rvx: impliedRandom.normal())
            noise.vix = P.premiumPersistence * noise.vix + P.premiumNoise * shared
            noise.vxn = P.premiumPersistence * noise.vxn + P.premiumNoise * (0.6 * shared + 0.8 * own.vxn)
            noise.rvx = P.premiumPersistence * noise.rvx + P.premiumNoise * (0.6 * shared + 0.8 * own.rvx)
            let movePercent = 100 * spxNews
            fear = P.fearDecay * fear - P.spotVolPerPercent * movePercent
                + P.fearPerPercent * max(0, -movePercent - 0.5) + volPoints[t]

            record(t)
        }
        paths.members = members
        return paths
    }
}
