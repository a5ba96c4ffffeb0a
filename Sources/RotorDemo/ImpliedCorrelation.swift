/// Cboe's implied correlation indices of the S&P 500's largest names, COR1M (one
/// month) and COR3M (three months), in correlation points (0-100), derived from the
/// simulated paths: implied correlation is what index options cost against options
/// on the names, so it rises with fear (the VIX) and when the Magnificent 7 lag the
/// index, giving it less support ("this is WHY implied correlation can blow out").
/// Mag7 leadership, the index carried by a few names, pushes it down.
enum ImpliedCorrelation {
    /// COR1M = `level` + `points` x ln(VIX / `calmVIX`) from fear, plus `perLagPercent`
    /// points for each percent the seven names' average log return trails the S&P
    /// 500's over the last `lagSessions` sessions (minus as much when they lead), plus
    /// AR(1) noise.
    static let level = 7.0
    static let points = 28.0
    static let calmVIX = 9.0
    static let perLagPercent = 0.6
    static let lagSessions = 15
    /// AR(1) noise in points: persistence and innovation.
    static let persistence = 0.9
    static let noise = 1.2
    /// A soft floor: the index flattens out towards it instead of going through it.
    static let floor = 5.0
    /// COR3M: an exponential average of COR1M over about `termSpan` sessions plus a
    /// term premium, so it sits above COR1M in calm markets and below it in a spike.
    static let termSpan = 40.0
    static let termPremium = 3.0
    /// The indices' own daily swings, as a fraction of their level (for their bars).
    static let dailySwing = 0.05

    /// One COR1M and one COR3M value per session. `stocks` are the Mag7 closes.
    static func paths(spx: [Double], stocks: [[Double]], vix: [Double],
                      random: inout SeededRandom) -> (oneMonth: [Double], threeMonth: [Double]) {
        let ln = DeterministicMath.log, exp = DeterministicMath.exp
        var oneMonth: [Double] = [], threeMonth: [Double] = []
        var ar = 0.0, average = 0.0
        let alpha = 2 / (termSpan + 1)
        for t in spx.indices {
            let from = max(0, t - lagSessions)
            let basket = stocks.map { ln($0[t] / $0[from]) }.reduce(0, +) / Double(max(1, stocks.count))
            let lagPercent = 100 * (ln(spx[t] / spx[from]) - basket)
            ar = persistence * ar + noise * random.normal()
            let raw = level + points * ln(vix[t] / calmVIX) + perLagPercent * lagPercent + ar
            let value = raw > floor + 2 ? raw : floor + 2 * exp((raw - floor - 2) / 2)
            average = t == 0 ? value : average + alpha * (value - average)
            oneMonth.append(value)
            threeMonth.append(average + termPremium)
        }
        return (oneMonth, threeMonth)
    }
}
