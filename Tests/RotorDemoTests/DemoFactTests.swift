import RotorCore
import Testing

/// Every fact issue 3 asks of the demo market, asserted on the committed files in
/// Samples/demo, loaded through `DataFolder` and measured with the METRICS.md
/// expressions the panes use.
@Suite struct DemoFactTests {
    // MARK: Volatility and correlation

    @Test(arguments: [("ES", 12.0, 20.0), ("RTY", 17, 28), ("NQ", 15, 25),
                      ("AAPL", 22, 65), ("MSFT", 22, 65), ("GOOGL", 22, 65), ("AMZN", 22, 65),
                      ("NVDA", 22, 65), ("META", 22, 65), ("TSLA", 22, 65)])
    func annualizedVolatility(symbol: String, low: Double, high: Double) throws {
        // rvol over a window as long as the sample: the full-sample annualized vol.
        let vol = try Demo.fullSample("rvol(\(symbol),{n})", rows: "logret(\(symbol))")
        #expect(vol >= low && vol <= high, "\(symbol): \(vol)%")
    }

    @Test func indexCorrelations() throws {
        let esRTY = try Demo.fullSample("corr(ret(ES),ret(RTY),{n})", rows: "sub(ret(ES),ret(RTY))")
        let esNQ = try Demo.fullSample("corr(ret(ES),ret(NQ),{n})", rows: "sub(ret(ES),ret(NQ))")
        #expect(esRTY >= 0.75 && esRTY <= 0.92, "ES-RTY \(esRTY)")
        #expect(esNQ >= 0.85 && esNQ <= 0.97, "ES-NQ \(esNQ)")
    }

    @Test func volatilityClusters() throws {
        let rv = try Demo.series("rvol(ES,20)")
        // Calm stretches (a month under 10%) and stressed ones (two weeks over 25%).
        #expect(Demo.runs(rv) { $0 < 10 }.contains { $0 >= 20 })
        #expect(Demo.runs(rv) { $0 > 25 }.contains { $0 >= 10 })
        #expect(try #require(rv.values.max()) > 35)
    }

    @Test func fatTails() throws {
        // METRICS.md has no kurtosis: compute it from the log returns the core gives.
        let r = try Demo.series("logret(ES)").values
        let n = Double(r.count)
        let mean = r.reduce(0, +) / n
        let m2 = r.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
        let m4 = r.reduce(0) { $0 + ($1 - mean) * ($1 - mean) * ($1 - mean) * ($1 - mean) } / n
        let excessKurtosis = m4 / (m2 * m2) - 3
        #expect(excessKurtosis > 1, "excess kurtosis \(excessKurtosis)")
    }

    // MARK: Implied volatility

    @Test func impliedVolPremium() throws {
        let premium = try Demo.series("sub(VIX,rvol(ES,20))")
        let mean = premium.values.reduce(0, +) / Double(premium.count)
        #expect(mean >= 2 && mean <= 6, "mean VIX - RV20 \(mean)")
        // Implied at a discount to realized: at least two spells of 5+ sessions.
        let spells = Demo.runs(premium) { $0 < 0 }.filter { $0 >= 5 }
        #expect(spells.count >= 2, "spells \(spells)")
    }

    @Test func impliedVolJumpsWhenTheIndexFalls() throws {
        let spotVol = try Demo.fullSample("corr(ret(ES),diff(VIX),{n})", rows: "sub(ret(ES),diff(VIX))")
        #expect(spotVol < -0.5, "corr(ret(ES), diff(VIX)) \(spotVol)")
        // On each of the ten worst days of ES, the VIX rose.
        let pairs = try Demo.series("ret(ES)").zipped(with: try Demo.series("diff(VIX)"))
        let worst = pairs.sorted { $0.a < $1.a }.prefix(10)
        for day in worst {
            #expect(day.b > 0, "\(day.date): ES \(day.a), VIX change \(day.b)")
        }
    }

    // MARK: Rates

    @Test func twoYearDailyChanges() throws {
        let bp = 100 * (try Demo.fullSample("std(diff(US2Y),{n})", rows: "diff(US2Y)"))
        #expect(bp >= 4 && bp <= 10, "std of 2y daily changes \(bp) bp")
    }

    @Test func tenYearMovesWithTwoYearAndTheCurveSteepensAndFlattens() throws {
        let together = try Demo.fullSample("corr(diff(US2Y),diff(US10Y),{n})", rows: "sub(diff(US2Y),diff(US10Y))")
        #expect(together > 0.6, "corr of daily changes \(together)")
        // 20-row change of 2s10s (the curve-regime flag's ds), in percent.
        let ds = try Demo.series("mul(sma(diff(sub(US10Y,US2Y)),20),20)")
        #expect(try #require(ds.values.max()) >= 0.25, "no 25 bp steepening over 20 rows")
        #expect(try #require(ds.values.min()) <= -0.25, "no 25 bp flattening over 20 rows")
        let curve = try Demo.series("sub(US10Y,US2Y)")
        #expect(try #require(curve.values.min()) < 0 && (try #require(curve.values.max())) > 0,
                "the curve should invert and uninvert")
    }

    @Test func smallCapsTradeAgainstTheTwoYear() throws {
        let corr = try Demo.series("corr(ret(RTY),diff(US2Y),60)").values.sorted()
        let median = corr.count % 2 == 1 ? corr[corr.count / 2] : (corr[corr.count / 2 - 1] + corr[corr.count / 2]) / 2
        #expect(median < -0.2, "median corr(ret(RTY),diff(US2Y),60) \(median)")
    }

    @Test func techTradesWithTheTwoYearForAStretch() throws {
        let corr = try Demo.series("corr(ret(NQ),diff(US2Y),60)")
        let longest = Demo.runs(corr) { $0 > 0 }.max() ?? 0
        #expect(longest >= 20, "longest positive stretch \(longest) sessions")
        // Among them the scripted growth regime of early 2026.
        let growth = corr.slice(from: Demo.day("2026-01-05"), to: Demo.day("2026-05-15"))
        #expect((Demo.runs(growth) { $0 > 0 }.max() ?? 0) >= 20)
    }

    // MARK: Breadth

    @Test func breadthSpansTheRangeAndReversesFromExtremes() throws {
        let above = try Demo.series("above(@universe,50)")
        #expect(try #require(above.values.min()) <= 20)
        #expect(try #require(above.values.max()) >= 80)
        // The pane's breadth flag: extreme when pctrank >= 95 or <= 5, reversing when
        // it was extreme on one of the previous 5 rows and is not now.
        let rank = try Demo.series("pctrank(above(@universe,50),252)").values
        func reversals(_ extreme: (Double) -> Bool) -> Int {
            rank.indices.filter { t in
                !extreme(rank[t]) && (max(0, t - 5)..<t).contains { extreme(rank[$0]) }
            }.count
        }
        #expect(reversals { $0 <= 5 } > 0, "no reversal from a low extreme")
        #expect(reversals { $0 >= 95 } > 0, "no reversal from a high extreme")
    }

    // MARK: Episodes

    @Test func rotationSqueezeAfterTheTwoYearFalls() throws {
        let d2 = try Demo.series("diff(US2Y)")
        let spread = try Demo.series("spread(RTY,NQ,10)")
        func bestSpreadWithinTenSessions(after day: Day) -> Double {
            let i = spread.lowerBound(day)
            return spread.values[i..<min(spread.count, i + 11)].max() ?? -.infinity
        }
        let drops = zip(d2.dates, d2.values).filter { $0.1 <= -0.15 + 1e-9 }.map(\.0)
        #expect(drops.contains { bestSpreadWithinTenSessions(after: $0) >= 1000 })
        // The scripted one (Samples/README.md): 2024-07-11.
        let squeezeDay = Demo.day("2024-07-11")
        #expect(try #require(d2.value(on: squeezeDay)) <= -0.15 + 1e-9)
        #expect(bestSpreadWithinTenSessions(after: squeezeDay) >= 1000)
    }

    @Test func meltUpMakesNewHighsWithImpliedBelowRealized() throws {
        let es = try Demo.series("ES")
        let high = try Demo.series("max(ES,252)")
        let premium = try Demo.series("sub(VIX,rvol(ES,20))")
        let days = es.zipped(with: high).filter { $0.a >= $0.b }.compactMap { row -> Day? in
            guard let p = premium.value(on: row.date), p < 0 else { return nil }
            return row.date
        }
        let meltUp = days.filter { $0 >= Demo.day("2026-09-21") && $0 <= Demo.day("2026-10-30") }
        #expect(meltUp.count >= 3, "new 252-session highs with VIX < RV20 in the melt-up: \(meltUp)")
    }

    @Test func selloffDrivesBreadthToAnExtremeThenItReverses() throws {
        let drawdown = try Demo.series("ratio(ES,max(ES,252))")
        let above = try Demo.series("above(@universe,50)")
        let rank = try Demo.series("pctrank(above(@universe,50),252)")
        // Rows deep in a selloff: ES 10%+ below its 252-session high, breadth at a low extreme.
        let lows = rank.dates.indices.filter { i in
            let day = rank.dates[i]
            guard let dd = drawdown.value(on: day), let a = above.value(on: day) else { return false }
            return dd <= 0.9 && rank.values[i] <= 5 && a <= 15
        }
        #expect(!lows.isEmpty, "no selloff with a breadth extreme")
        // Within 25 sessions of such a row the flag has cleared and breadth is back above 40%.
        let reversed = lows.contains { i in
            (i + 1..<min(rank.count, i + 26)).contains { j in
                rank.values[j] > 5 && (above.value(on: rank.dates[j]) ?? 0) >= 40
            }
        }
        #expect(reversed, "breadth did not reverse after the selloff")
    }

    // MARK: Implied correlation

    /// COR1M lives between about 5 and 60 correlation points, spikes in the selloffs
    /// and rises when the Mag7 lag the index; COR3M is the slower one.
    @Test func impliedCorrelationRisesWhenTheMag7LagAndInSelloffs() throws {
        let cor1m = try Demo.series("COR1M").values
        let sorted = cor1m.sorted()
        #expect(sorted.first! >= 4 && sorted.last! <= 70, "COR1M \(sorted.first!) .. \(sorted.last!)")
        let median = sorted[sorted.count / 2]
        #expect(median >= 15 && median <= 35, "median \(median)")
        // The top of its year in the August 2024 spike and at the April 2025 low.
        for day in ["2024-08-05", "2025-04-08"] {
            #expect(try Demo.series("pctrank(COR1M,252)").value(on: Demo.day(day))! >= 95, "\(day)")
        }
        // The basket's 15-session lag behind the index moves it up.
        let basket = "ewbasket(AAPL,MSFT,GOOGL,AMZN,NVDA,META,TSLA)"
        let lag = "sub(chg(SPX,15),chg(\(basket),15))"
        let withLag = try Demo.fullSample("corr(COR1M,\(lag),{n})", rows: "sub(COR1M,\(lag))")
        #expect(withLag > 0.2, "corr(COR1M, Mag7 lag) \(withLag)")
        let withVIX = try Demo.fullSample("corr(COR1M,VIX,{n})", rows: "sub(COR1M,VIX)")
        #expect(withVIX > 0.5, "corr(COR1M, VIX) \(withVIX)")
        let swing1 = try Demo.fullSample("std(diff(COR1M),{n})", rows: "diff(COR1M)")
        let swing3 = try Demo.fullSample("std(diff(COR3M),{n})", rows: "diff(COR3M)")
        #expect(swing3 < swing1 / 2, "daily changes: COR3M \(swing3), COR1M \(swing1)")
    }

    // MARK: Calendar of the data

    @Test func sampleIsLongAndRecent() throws {
        let es = try Demo.series("ES")
        #expect(es.count >= 756)
        #expect(es.dates.last == Demo.day("2026-11-20"))
        let data = try Demo.data()
        for symbol in ["ES", "RTY", "NQ", "SPX", "AAPL", "MSFT", "GOOGL", "AMZN", "NVDA", "META", "TSLA",
                       "VIX", "VXN", "RVX", "US2Y", "US10Y"] {
            let s = try #require(data.symbols[symbol], "missing \(symbol)")
            #expect(s.dates == es.dates, "\(symbol) is not on the session calendar")
        }
        let universe = try #require(data.universes["universe"])
        #expect(universe.members.count >= 200)
        // Some members list during the sample.
        #expect(universe.members.contains { $0.series.dates.first! > es.dates.first! })
    }
    /// The NETWORK pane's futures co-move as the real ones do, over the whole sample:
    /// the two note futures almost as one, the dollar against gold and against the
    /// notes, crude with the market, small caps with the notes (rates hurt them).
    @Test func crossAssetFuturesCoMove() throws {
        func corr(_ a: String, _ b: String) throws -> Double {
            try Demo.fullSample("corr(ret(\(a)),ret(\(b)),{n})", rows: "sub(ret(\(a)),ret(\(b)))")
        }
        let bounds: [(String, String, ClosedRange<Double>)] = [
            ("ZN", "ZT", 0.8...0.97), ("GC", "DX", -0.7 ... -0.35), ("ZT", "DX", -0.6 ... -0.2),
            ("ES", "CL", 0.25...0.55), ("RTY", "ZT", 0.2...0.5), ("GC", "ZN", 0.2...0.55),
        ]
        for (a, b, range) in bounds {
            let c = try corr(a, b)
            #expect(range.contains(c), "\(a)-\(b) \(c)")
        }
    }

    @Test func crossAssetFuturesTradeAtRealisticLevels() throws {
        for (symbol, low, high) in [("ZT", 100.0, 106.0), ("CL", 40, 120), ("GC", 1500, 4500), ("DX", 85, 115)] {
            let closes = try Demo.series(symbol).values
            #expect(closes.min()! >= low && closes.max()! <= high, "\(symbol) \(closes.min()!)...\(closes.max()!)")
        }
    }
}
