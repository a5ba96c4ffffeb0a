/// Exponential moving average, seeded with the first value:
/// alpha = 2/(span+1), e_0 = x_0, e_t = alpha x_t + (1 - alpha) e_{t-1}
/// (`x.ewm(span=span, adjust=False).mean()`).
public enum ExponentialAverage {
    public static func ema(_ x: Series, span: Int) -> Series {
        Series(dates: x.dates, values: ema(x.values, span: span))
    }

    static func ema(_ v: [Double], span: Int) -> [Double] {
        guard let first = v.first else { return [] }
        let alpha = 2.0 / (Double(span) + 1)
        var out = [Double]()
        out.reserveCapacity(v.count)
        var e = first
        out.append(e)
        for x in v.dropFirst() {
            e = alpha * x + (1 - alpha) * e
            out.append(e)
        }
        return out
    }
}
