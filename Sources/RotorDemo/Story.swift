import RotorCore

/// The scripted part of the demo market: where the indices and yields stand on a few
/// dates, and the episodes every pane is meant to show.
///
/// Dates are written for the default end date (2026-11-20). They are kept as a number
/// of sessions before the end, so a generator with another end date replays the same
/// story shifted in time; with fewer sessions, the episodes before the first session
/// are dropped.
///
/// Between knots the model is free: the random factors move every series, and
/// `AnchoredPath` pulls each one back towards a course drawn straight from knot to
/// knot, so it passes near them. A knot is a waypoint, not an exact price. Planned
/// one-day moves (`shocks`) are part of the course: they are real moves of that day,
/// not something the steering fights.
enum Story {
    static let defaultEnd = Day(year: 2026, month: 11, day: 20)!

    /// Waypoints: index levels (cash index, before the futures basis), the 2-year yield
    /// and the 10y - 2y curve, in percent. nil leaves a series free at that date.
    struct Knot {
        let date: String
        let spx: Double
        let rut: Double
        let ndx: Double
        let twoYear: Double?
        let curve: Double?
    }

    static let knots: [Knot] = [
        // date         SPX   RUT    NDX     2y    10y-2y
        Knot(date: "2022-11-16", spx: 3990, rut: 1860, ndx: 11900, twoYear: 4.40, curve: -0.62), // first session
        Knot(date: "2023-02-02", spx: 4170, rut: 1990, ndx: 12800, twoYear: 4.15, curve: -0.70),
        Knot(date: "2023-03-08", spx: 4040, rut: 1900, ndx: 12300, twoYear: 5.05, curve: -1.05), // deepest inversion
        Knot(date: "2023-03-13", spx: 3940, rut: 1790, ndx: 12150, twoYear: 4.35, curve: -0.75), // bank stress
        Knot(date: "2023-05-31", spx: 4200, rut: 1800, ndx: 14250, twoYear: 4.40, curve: -0.76), // narrow tech rally
        Knot(date: "2023-07-31", spx: 4590, rut: 2000, ndx: 15750, twoYear: 4.88, curve: -0.92),
        Knot(date: "2023-10-27", spx: 4150, rut: 1720, ndx: 14200, twoYear: 5.02, curve: -0.18), // bear steepener
        Knot(date: "2023-12-29", spx: 4770, rut: 2030, ndx: 16850, twoYear: 4.25, curve: -0.37), // pivot rally
        Knot(date: "2024-03-28", spx: 5250, rut: 2120, ndx: 18250, twoYear: 4.62, curve: -0.42),
        Knot(date: "2024-04-19", spx: 4970, rut: 1950, ndx: 17050, twoYear: 4.98, curve: -0.36),
        Knot(date: "2024-07-10", spx: 5630, rut: 2030, ndx: 20650, twoYear: 4.62, curve: -0.34), // eve of the squeeze
        Knot(date: "2024-07-17", spx: 5620, rut: 2270, ndx: 19900, twoYear: 4.32, curve: -0.26),
        Knot(date: "2024-07-24", spx: 5430, rut: 2200, ndx: 19000, twoYear: 4.36, curve: -0.12),
        Knot(date: "2024-08-05", spx: 5190, rut: 2030, ndx: 17950, twoYear: 3.90, curve: 0.00),
        Knot(date: "2024-09-24", spx: 5730, rut: 2220, ndx: 19100, twoYear: 3.55, curve: 0.20), // bull steepener
        Knot(date: "2024-11-11", spx: 6000, rut: 2430, ndx: 20050, twoYear: 4.30, curve: 0.12),
        Knot(date: "2024-12-31", spx: 5880, rut: 2230, ndx: 20050, twoYear: 4.25, curve: 0.33),
        Knot(date: "2025-02-19", spx: 6100, rut: 2280, ndx: 20350, twoYear: 4.27, curve: 0.26),
        Knot(date: "2025-03-25", spx: 5780, rut: 2080, ndx: 18800, twoYear: 4.00, curve: 0.32), // eve of the selloff
        Knot(date: "2025-04-08", spx: 4980, rut: 1800, ndx: 16150, twoYear: 3.72, curve: 0.55), // selloff low
        Knot(date: "2025-04-23", spx: 5400, rut: 1930, ndx: 17750, twoYear: 3.85, curve: 0.55),
        Knot(date: "2025-05-30", spx: 5910, rut: 2070, ndx: 19000, twoYear: 3.92, curve: 0.50),
        Knot(date: "2025-06-30", spx: 5960, rut: 2110, ndx: 19200, twoYear: 3.75, curve: 0.52),
        Knot(date: "2025-08-01", spx: 5900, rut: 2150, ndx: 19100, twoYear: 3.70, curve: 0.50),
        Knot(date: "2025-09-19", spx: 6040, rut: 2240, ndx: 19600, twoYear: 3.55, curve: 0.58),
        Knot(date: "2025-11-03", spx: 5960, rut: 2200, ndx: 19400, twoYear: 3.50, curve: 0.62),
        Knot(date: "2025-12-31", spx: 5920, rut: 2270, ndx: 19650, twoYear: 3.45, curve: 0.70),
        Knot(date: "2026-03-31", spx: 6000, rut: 2190, ndx: 20400, twoYear: 3.95, curve: 0.30), // growth regime: bear flattener
        Knot(date: "2026-05-15", spx: 5860, rut: 2160, ndx: 19750, twoYear: 3.88, curve: 0.36),
        Knot(date: "2026-06-30", spx: 5800, rut: 2170, ndx: 19400, twoYear: 3.80, curve: 0.42),
        Knot(date: "2026-08-03", spx: 5850, rut: 2190, ndx: 19600, twoYear: 3.72, curve: 0.47),
        Knot(date: "2026-09-18", spx: 5900, rut: 2210, ndx: 19500, twoYear: 3.65, curve: 0.50), // eve of the melt-up
        Knot(date: "2026-10-30", spx: 6550, rut: 2390, ndx: 20650, twoYear: 3.75, curve: 0.45), // melt-up top
        Knot(date: "2026-11-20", spx: 6480, rut: 2350, ndx: 20450, twoYear: 3.62, curve: 0.52), // last session
    ]

    /// A planned one-day move: percent changes of the cash indices, and the 2-year's
    /// change in basis points. The factor noise of the day comes on top.
    struct Shock {
        let date: String
        let spx: Double
        let rut: Double
        let ndx: Double
        var twoYearBP: Double = 0
        /// Extra implied-vol points on the day (a panic bid for options).
        var volPoints: Double = 0
    }

    static let shocks: [Shock] = [
        // Bank stress, March 2023: yields collapse while small caps (regional banks) fall.
        Shock(date: "2023-03-09", spx: -1.8, rut: -2.9, ndx: -1.9, twoYearBP: -18),
        Shock(date: "2023-03-10", spx: -1.4, rut: -2.5, ndx: -1.2, twoYearBP: -27),
        Shock(date: "2023-03-13", spx: -0.2, rut: -1.6, ndx: 0.6, twoYearBP: -35),
        // The rotation squeeze, July 2024: a soft inflation print takes the 2-year down
        // 24 bp; small caps rip while the Nasdaq sells off, for two weeks.
        Shock(date: "2024-07-11", spx: -0.9, rut: 3.6, ndx: -2.0, twoYearBP: -24),
        Shock(date: "2024-07-12", spx: 0.5, rut: 1.1, ndx: 0.3, twoYearBP: -5),
        Shock(date: "2024-07-15", spx: 0.3, rut: 1.8, ndx: 0.2),
        Shock(date: "2024-07-16", spx: 0.6, rut: 3.5, ndx: 0.2, twoYearBP: -3),
        Shock(date: "2024-07-17", spx: -1.4, rut: -0.1, ndx: -2.8),
        // The August 2024 unwind: weak payrolls, then a one-day volatility spike.
        Shock(date: "2024-08-01", spx: -1.4, rut: -3.0, ndx: -2.4, twoYearBP: -10),
        Shock(date: "2024-08-02", spx: -1.8, rut: -3.5, ndx: -2.4, twoYearBP: -28),
        Shock(date: "2024-08-05", spx: -3.0, rut: -3.4, ndx: -3.0, twoYearBP: -2, volPoints: 6),
        // The selloff, April 2025: two crash days, a capitulation, then a relief rally.
        Shock(date: "2025-04-03", spx: -4.2, rut: -5.8, ndx: -4.9, twoYearBP: -9, volPoints: 2),
        Shock(date: "2025-04-04", spx: -5.2, rut: -4.4, ndx: -5.6, twoYearBP: -25, volPoints: 3),
        Shock(date: "2025-04-07", spx: -0.2, rut: -0.3, ndx: 0.1, volPoints: 1),
        Shock(date: "2025-04-08", spx: -1.6, rut: -3.0, ndx: -2.0),
        Shock(date: "2025-04-09", spx: 6.5, rut: 6.2, ndx: 8.0, twoYearBP: 8, volPoints: -6),
        // The melt-up, autumn 2026: big up days with implied vol asleep.
        Shock(date: "2026-09-22", spx: 1.2, rut: 1.6, ndx: 1.4),
        Shock(date: "2026-09-24", spx: 1.4, rut: 1.9, ndx: 1.6),
        Shock(date: "2026-09-29", spx: -0.9, rut: -1.2, ndx: -1.1),
        Shock(date: "2026-10-01", spx: 1.5, rut: 1.5, ndx: 1.8),
        Shock(date: "2026-10-06", spx: 1.3, rut: 1.8, ndx: 1.4),
        Shock(date: "2026-10-08", spx: 1.6, rut: 2.0, ndx: 1.9),
        Shock(date: "2026-10-13", spx: -1.0, rut: -1.4, ndx: -1.3),
        Shock(date: "2026-10-15", spx: 1.7, rut: 1.4, ndx: 2.0),
        Shock(date: "2026-10-20", spx: 1.2, rut: 1.7, ndx: 1.3),
        Shock(date: "2026-10-22", spx: 1.4, rut: 1.6, ndx: 1.5),
        Shock(date: "2026-10-27", spx: 1.1, rut: 1.3, ndx: 1.2),
    ]

    /// Volatility regimes forced over a stretch (the rest of the time the regime
    /// follows its random Markov chain).
    static let volatilityRegimes: [(from: String, to: String, regime: VolatilityRegime)] = [
        ("2023-03-09", "2023-03-31", .stressed), // bank stress
        ("2023-11-01", "2024-03-28", .calm), // the low-vol grind higher
        ("2024-05-01", "2024-07-10", .calm),
        ("2024-07-17", "2024-08-09", .stressed), // squeeze unwind and the August spike
        ("2025-03-10", "2025-05-09", .stressed), // the selloff
        ("2026-08-17", "2026-10-30", .normal), // the melt-up and the weeks before it
    ]

    /// Stretches where implied vol trades at a set premium (points) over its model
    /// forecast, usually negative: implied at a discount to realized.
    static let premiumOverrides: [(from: String, to: String, points: Double)] = [
        ("2025-04-14", "2025-04-30", -3.0), // vol crush after the selloff, realized still high
        ("2026-09-28", "2026-10-30", -3.5), // melt-up: new highs, implied below realized
    ]

    /// Stretches where yields and stocks rise together on growth news (the rates
    /// factor loads positively on the market and on tech): Nasdaq returns then
    /// correlate positively with 2-year changes.
    static let growthRegimes: [(from: String, to: String)] = [
        ("2026-01-05", "2026-03-31"),
    ]

    static func day(_ text: String) -> Day {
        guard let d = Day(parsing: text) else { preconditionFailure("bad story date \(text)") }
        return d
    }
}

/// Long-run volatility level of the market factor.
enum VolatilityRegime: Int, CaseIterable {
    case calm = 0, normal, stressed
}
