import RotorCore

/// One daily bar, prices in integer cents (so rounding happens once, exactly).
struct Bar {
    var open: Int64
    var high: Int64
    var low: Int64
    var close: Int64
    var adjustedClose: Int64
    var volume: Int64
}

/// Turns simulated closes into the bars of a real download: a price tick, an open
/// gapped from the previous close, a high and a low around the session's body, a
/// volume that rises with volatility and with the size of the move.
enum Bars {
    struct Style {
        /// Price increment in cents: 25 for ES and NQ futures, 10 for RTY, 1 otherwise.
        var tickCents: Int64 = 1
        /// Overnight gap and intraday excursion, in daily standard deviations.
        var gap = 0.25
        var range = 0.55
        /// Typical volume (0: no volume, as for the CBOE indices).
        var volume = 0.0
    }

    static func cents(_ price: Double, tick: Int64 = 1) -> Int64 {
        let ticks = (price * 100 / Double(tick)).rounded(.toNearestOrAwayFromZero)
        return max(tick, Int64(ticks) * tick)
    }

    /// `dailySD[t]`: the instrument's own daily standard deviation on session t.
    static func make(closes: [Double], dailySD: [Double], style: Style,
                     random: inout SeededRandom) -> [Bar] {
        let exp = DeterministicMath.exp
        var bars: [Bar] = []
        bars.reserveCapacity(closes.count)
        let typicalSD = dailySD.reduce(0, +) / Double(max(1, dailySD.count))
        for t in closes.indices {
            let sd = dailySD[t]
            let gapDraw = random.normal(), highDraw = random.normal(), lowDraw = random.normal()
            let volumeDraw = random.normal()
            let previous = t > 0 ? closes[t - 1] : closes[0] * exp(-sd * gapDraw)
            let close = cents(closes[t], tick: style.tickCents)
            let open = cents(previous * exp(style.gap * sd * gapDraw), tick: style.tickCents)
            let top = Double(max(open, close)) / 100, bottom = Double(min(open, close)) / 100
            let high = max(cents(top * exp(style.range * sd * abs(highDraw)), tick: style.tickCents), open, close)
            let low = min(cents(bottom * exp(-style.range * sd * abs(lowDraw)), tick: style.tickCents), open, close)
            var volume: Int64 = 0
            if style.volume > 0 {
                let move = t > 0 ? abs(closes[t] / closes[t - 1] - 1) / sd : 0
                let activity = (sd / typicalSD).squareRoot() * (0.75 + 0.25 * min(move, 4))
                volume = Int64((style.volume * activity * exp(0.22 * volumeDraw)).rounded())
            }
            bars.append(Bar(open: open, high: high, low: low, close: close, adjustedClose: close, volume: volume))
        }
        return bars
    }

    /// Yahoo's dividend-adjusted close: every close before an ex-dividend date is
    /// multiplied by (1 - dividend / previous close). Dividends are paid quarterly, ex
    /// on the first session on or after the 10th of February, May, August and
    /// November, at `yield / 4` of the previous close (rounded to a cent).
    static func adjustForDividends(_ bars: inout [Bar], sessions: [Day], yield: Double, from: Day) {
        guard yield > 0, bars.count > 1 else { return }
        var factor = 1.0
        var t = bars.count - 1
        while t >= 1 {
            bars[t].adjustedClose = cents(Double(bars[t].close) / 100 * factor)
            let (_, month, day) = sessions[t].components
            let previousSession = sessions[t - 1].components
            let exDividend = [2, 5, 8, 11].contains(month) && day >= 10
                && (previousSession.month != month || previousSession.day < 10) && sessions[t] >= from
            if exDividend {
                let previousClose = Double(bars[t - 1].close) / 100
                let dividend = max(0.01, (previousClose * yield / 4 * 100).rounded() / 100)
                factor *= 1 - dividend / previousClose
            }
            t -= 1
        }
        bars[0].adjustedClose = cents(Double(bars[0].close) / 100 * factor)
    }
}

/// The quarterly equity index futures (ES, NQ, RTY): a continuous front-month series
/// as Yahoo's `ES=F` shows it, the cash index plus the cost of carry to expiry.
enum Futures {
    /// The contract in front on `day`: the next quarterly expiry (third Friday of
    /// March, June, September, December) at least 5 days away; earlier, volume has
    /// rolled to the next one. The roll shows as a small jump in the series, as it does
    /// in real continuous futures data.
    static func frontExpiry(on day: Day) -> Day {
        var (year, month, _) = day.components
        while true {
            if month % 3 == 0 {
                let expiry = MarketCalendar.nthWeekday(3, of: month, year, weekday: 5)
                if expiry.ordinal - day.ordinal >= 5 { return expiry }
            }
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
    }

    /// Futures closes for cash `index` closes: index x (1 + (r - q) x days / 365),
    /// financing r taken as the 2-year yield (the demo has no bill rate).
    static func prices(index: [Double], sessions: [Day], twoYear: [Double], dividendYield: Double) -> [Double] {
        index.indices.map { t in
            let days = Double(frontExpiry(on: sessions[t]).ordinal - sessions[t].ordinal)
            return index[t] * (1 + (twoYear[t] / 100 - dividendYield) * days / 365)
        }
    }
}
