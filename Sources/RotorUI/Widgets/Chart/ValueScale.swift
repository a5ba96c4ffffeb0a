/// The vertical scale of a chart: which values the top and bottom dot rows stand for.
struct ValueScale: Equatable {
    let low: Double
    let high: Double

    /// The range of the finite values, widened by `padding` (a fraction of the span)
    /// on each side so the line does not run along the border. Constant data gets a
    /// span of its own (5% of the value, or 1 around zero) and sits mid-chart. Nil when
    /// there is no finite value at all.
    static func automatic(_ values: some Sequence<Double>, padding: Double) -> ValueScale? {
        var low = Double.infinity, high = -Double.infinity
        for v in values where v.isFinite {
            low = min(low, v)
            high = max(high, v)
        }
        guard low <= high else { return nil }
        if low == high {
            let half = low == 0 ? 1 : abs(low) * 0.05
            return ValueScale(low: low - half, high: high + half)
        }
        let pad = (high - low) * max(0, padding)
        return ValueScale(low: low - pad, high: high + pad)
    }

    /// A fixed range; a reversed or empty one is widened as constant data would be.
    static func fixed(_ range: ClosedRange<Double>) -> ValueScale? {
        guard range.lowerBound.isFinite, range.upperBound.isFinite else { return nil }
        if range.lowerBound == range.upperBound { return automatic([range.lowerBound], padding: 0) }
        return ValueScale(low: range.lowerBound, high: range.upperBound)
    }

    /// The dot row (0 at the top) of `value` in a raster `rows` dots high; values
    /// outside the scale are pinned to the nearer edge so they stay visible.
    func dotRow(_ value: Double, rows: Int) -> Int {
        guard rows > 1 else { return 0 }
        let clamped = min(max(value, low), high)
        let fraction = (high - clamped) / (high - low)
        return Int((fraction * Double(rows - 1)).rounded())
    }

    func contains(_ value: Double) -> Bool { value >= low && value <= high }
}
