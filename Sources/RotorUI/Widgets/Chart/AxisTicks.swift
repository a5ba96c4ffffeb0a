/// Where a chart puts its value ticks and its dates: a few round values spread over
/// the value axis, a few dates spread over the time axis, more of each as the chart
/// grows (3 to 6 when there is room for them).
enum AxisTicks {
    /// The fewest and most labels on an axis that has room for them.
    static let fewest = 3, most = 6

    /// How many value labels a plot `rows` high wants: one per 5 rows, 3 to 6, and
    /// never more than `valueLimit`.
    static func valueCount(rows: Int) -> Int { min(max(fewest, rows / 5 + 1), valueLimit(rows: rows)) }

    /// The most value labels a plot `rows` high holds: 6, and never two on
    /// neighbouring rows (a 4-row plot has 2, a 2-row plot 1).
    static func valueLimit(rows: Int) -> Int { min(most, max(1, (rows + 1) / 2)) }

    /// Round values inside `low...high`: multiples of a step of 1, 2, 2.5 or 5 times a
    /// power of ten, the finest step giving at most `count` of them; when that gives
    /// fewer than `fewest`, the finest giving at most `limit` (a 12-row plot takes 4
    /// ticks rather than 2). A step is round *in the chart's format*: each tick's label
    /// must read back as its value (`0.3500` on a 4-decimal axis, never `0.35` for
    /// 0.35125), so labels never round to the same text or lie about where they sit.
    static func values(low: Double, high: Double, count: Int, limit: Int? = nil,
                       label: (Double) -> String) -> [Double] {
        guard low.isFinite, high.isFinite, high > low, count >= 1 else { return [] }
        let limit = max(count, limit ?? count)
        var candidates: [[Double]] = []
        // From a step of about a tenth of span/count up: finest first.
        let start = decade((high - low) / Double(count)) - 1
        for power in start...(start + 3) {
            for mantissa in [1.0, 2.0, 2.5, 5.0] {
                let ticks = multiples(of: mantissa * pow10(power), low: low, high: high)
                if !ticks.isEmpty, ticks.count <= limit, readsBack(ticks, label) { candidates.append(ticks) }
            }
        }
        let within = candidates.first { $0.count <= count }
        if let within, within.count >= min(fewest, count) { return within }
        return candidates.first { $0.count >= min(fewest, count) } ?? within ?? []
    }

    /// The multiples of `step` in `low...high`, computed from integers so 0.1 * 3
    /// lands on 0.3.
    private static func multiples(of step: Double, low: Double, high: Double) -> [Double] {
        let first = (low / step).rounded(.up), last = (high / step).rounded(.down)
        guard first <= last, last - first < 100 else { return [] }
        // Divide by the inverse for negative powers: 3 / 10 is exactly 0.3, 3 * 0.1 is not.
        let inverse = 1 / step
        let exactInverse = inverse.rounded() == inverse || abs(inverse.rounded() - inverse) < 1e-9 * inverse
        return stride(from: first, through: last, by: 1).map {
            exactInverse && inverse >= 1 ? $0 / inverse.rounded() : $0 * step
        }
    }

    /// The power of ten at or below a positive `x` (0.042 -> -2), without Foundation.
    private static func decade(_ x: Double) -> Int {
        var power = 0, scaled = x
        while scaled >= 10 && power < 300 { scaled /= 10; power += 1 }
        while scaled < 1 && power > -300 { scaled *= 10; power -= 1 }
        return power
    }

    private static func pow10(_ power: Int) -> Double {
        var x = 1.0
        for _ in 0..<abs(power) { x *= 10 }
        return power < 0 ? 1 / x : x
    }

    /// Whether every tick's label is distinct and means its value.
    private static func readsBack(_ ticks: [Double], _ label: (Double) -> String) -> Bool {
        let texts = ticks.map(label)
        guard Set(texts).count == texts.count else { return false }
        for (tick, text) in zip(ticks, texts) {
            guard let read = number(in: text) else { return false }
            if abs(read - tick) > 1e-9 * max(1, abs(tick)) { return false }
        }
        return true
    }

    /// The number a label writes: a sign, digits with a point, a unit suffix
    /// (`+0.40`, `45.0%`, `120.0k`, `-12 bp`); nil when it is not one.
    static func number(in text: String) -> Double? {
        var s = Substring(text)
        var multiplier = 1.0
        while let last = s.last, !(last.isASCII && last.isNumber) {
            switch last {
            case "k": multiplier = 1e3
            case "M": multiplier = 1e6
            case "B": multiplier = 1e9
            default: break
            }
            s = s.dropLast()
        }
        if s.first == "+" { s = s.dropFirst() }
        return Double(String(s)).map { $0 * multiplier }
    }

    /// Positions of `count` dates evenly spread over `points` positions, the first
    /// and the last included (one date: the last).
    static func datePositions(count: Int, points: Int) -> [Int] {
        guard points > 0, count > 0 else { return [] }
        guard count > 1, points > 1 else { return [points - 1] }
        let n = min(count, points)
        return (0..<n).map { Int((Double($0) * Double(points - 1) / Double(n - 1)).rounded()) }
    }
}
