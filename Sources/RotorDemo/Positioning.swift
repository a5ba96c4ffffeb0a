import RotorCore

/// The demo's weekly CFTC positioning (Traders in Financial Futures, futures only)
/// for the E-mini Russell 2000, Nasdaq-100 and S&P 500: asset managers' and leveraged
/// funds' net contracts and the open interest, one row per report, dated by its
/// as-of Tuesday (`CFTCReleaseCalendar`), in the files a `cftc` feed's symbols are
/// named after (`RTY_AM.csv`, `RTY_LF.csv`, `RTY_OI.csv`).
///
/// The story: leveraged funds are the most short RTY of three years going into the
/// July 2024 rotation squeeze and cover over the weeks after it, while asset
/// managers, neutral on RTY just before the squeeze, turn more bullish the week
/// after; asset managers stay long NQ throughout; ES is the usual picture (asset
/// managers long about 40% of open interest, leveraged funds short). The history
/// starts two years before the daily data, as the CFTC's own goes back to 2006, so
/// the 3-year (156-report) percentile exists by the squeeze.
///
/// Each net share of open interest follows a course drawn straight between knots
/// (percent of open interest) plus a weekly AR(1) deviation; open interest follows
/// its own AR(1) around its level in logs. Everything draws from the `positioning`
/// stream, so adding these files changed no other file's bytes.
enum DemoPositioning {
    /// One contract: its file prefix, open interest and the course of each group's
    /// net share of open interest (story dates, percent).
    struct Contract {
        let name: String
        let openInterest: Double
        let assetManagers: [(date: String, percent: Double)]
        let leveragedFunds: [(date: String, percent: Double)]
    }

    static let contracts: [Contract] = [
        Contract(name: "RTY", openInterest: 450_000,
                 assetManagers: [("2020-12-01", 12), ("2021-06-15", 15), ("2022-06-14", 6), ("2023-06-13", 10),
                                 ("2023-12-26", 14), ("2024-07-09", 1.5), ("2024-07-16", 0), // neutral before CPI
                                 ("2024-07-23", 6), ("2024-08-13", 9), ("2025-04-08", 4), ("2025-12-30", 10),
                                 ("2026-11-17", 12)],
                 leveragedFunds: [("2020-12-01", -14), ("2021-06-15", -10), ("2022-01-11", -18), ("2022-09-13", -21),
                                  ("2023-03-14", -15), ("2023-07-18", -11), ("2023-10-31", -20), ("2024-01-09", -13), ("2024-05-28", -20),
                                  ("2024-07-09", -30), ("2024-07-16", -31), // most short in 3 years, into the squeeze
                                  ("2024-07-23", -25), ("2024-08-06", -19), ("2024-09-03", -14), // covering
                                  ("2024-12-31", -15), ("2025-04-08", -21), ("2025-07-15", -15), ("2026-03-31", -18),
                                  ("2026-11-17", -12)]),
        Contract(name: "NQ", openInterest: 250_000,
                 assetManagers: [("2020-12-01", 32), ("2022-10-11", 26), ("2023-07-18", 38), ("2024-07-16", 42),
                                 ("2025-04-08", 33), ("2025-12-30", 38), ("2026-10-27", 44), ("2026-11-17", 43)],
                 leveragedFunds: [("2020-12-01", 2), ("2022-10-11", -5), ("2023-07-18", 4), ("2024-07-16", 3),
                                  ("2025-04-08", -6), ("2026-11-17", 1)]),
        Contract(name: "ES", openInterest: 2_100_000,
                 assetManagers: [("2020-12-01", 40), ("2022-10-11", 35), ("2023-12-26", 43), ("2024-07-16", 44),
                                 ("2025-04-08", 37), ("2026-10-27", 46), ("2026-11-17", 45)],
                 leveragedFunds: [("2020-12-01", -14), ("2022-10-11", -9), ("2023-12-26", -17), ("2024-07-16", -19),
                                  ("2025-04-08", -11), ("2026-11-17", -16)]),
    ]

    /// Weekly AR(1): persistence and shock size of a net share (percent points) and
    /// of open interest (log).
    static let sharePersistence = 0.7
    static let shareShock = 1.4
    static let interestPersistence = 0.9
    static let interestShock = 0.025
    /// The reports start this many weeks before the daily data.
    static let weeksBeforeData = 104

    /// The files, for daily sessions `days`: three per contract.
    static func files(seed: UInt64, sessions days: [Day]) -> [(name: String, contents: String)] {
        guard let first = days.first, let last = days.last else { return [] }
        // The story is written for the default end; another end shifts it by whole
        // weeks, so story Tuesdays stay Tuesdays.
        let defaultLast = MarketCalendar.sessions(count: 1, endingOnOrBefore: Story.defaultEnd)[0]
        let shift = Int((last.ordinal - defaultLast.ordinal) / 7) * 7
        let reports = asOfDates(from: first.adding(days: -7 * weeksBeforeData), through: last)
        var random = SeededRandom(seed: seed, stream: .positioning)
        var out: [(name: String, contents: String)] = []
        for contract in contracts {
            let interest = openInterest(contract.openInterest, count: reports.count, random: &random)
            for (series, knots) in [(PositioningSeries.assetManagers, contract.assetManagers),
                                    (.leveragedFunds, contract.leveragedFunds)] {
                let share = course(knots, reports, shift: shift)
                var deviation = 0.0
                let net = reports.indices.map { t -> Int64 in
                    deviation = sharePersistence * deviation + shareShock * random.normal()
                    return Int64(((share[t] + deviation) / 100 * Double(interest[t])).rounded())
                }
                out.append(file(series.symbol(contract.name), reports, net))
            }
            out.append(file(PositioningSeries.openInterest.symbol(contract.name), reports, interest))
        }
        return out
    }

    /// Every report's as-of date from the first on or after `start` through `end`.
    static func asOfDates(from start: Day, through end: Day) -> [Day] {
        var out: [Day] = []
        var day = CFTCReleaseCalendar.nextAsOf(after: start.adding(days: -1))
        while day <= end {
            out.append(day)
            day = CFTCReleaseCalendar.nextAsOf(after: day)
        }
        return out
    }

    /// Open interest in contracts: an AR(1) in logs around `level`.
    static func openInterest(_ level: Double, count: Int, random: inout SeededRandom) -> [Int64] {
        var x = 0.0
        return (0..<count).map { _ in
            x = interestPersistence * x + interestShock * random.normal()
            return Int64((level * DeterministicMath.exp(x)).rounded())
        }
    }

    /// The course through the knots on each report date (flat beyond the ends).
    static func course(_ knots: [(date: String, percent: Double)], _ reports: [Day], shift: Int) -> [Double] {
        let points = knots.map { (day: Double(Story.day($0.date).ordinal) + Double(shift), value: $0.percent) }
        return reports.map { report in
            let x = Double(report.ordinal)
            guard let after = points.firstIndex(where: { $0.day >= x }) else { return points[points.count - 1].value }
            guard after > 0 else { return points[0].value }
            let a = points[after - 1], b = points[after]
            return a.value + (b.value - a.value) * (x - a.day) / (b.day - a.day)
        }
    }

    /// A two-column file `Date,<SYMBOL>`: the shape a `cftc` feed's symbol reads as.
    static func file(_ symbol: String, _ reports: [Day], _ values: [Int64]) -> (name: String, contents: String) {
        var out = "Date,\(symbol)\n"
        for (day, value) in zip(reports, values) { out += "\(day.iso),\(value)\n" }
        return (symbol + ".csv", out)
    }
}
