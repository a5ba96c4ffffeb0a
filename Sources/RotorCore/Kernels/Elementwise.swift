import Foundation

/// Row-by-row functions of one series (on its own rows) and arithmetic on joined rows.
public enum Elementwise {
    /// x_t / x_{t-1} - 1 (`x.pct_change()`).
    public static func ret(_ x: Series) -> Series { chg(x, 1) }

    /// x_t / x_{t-n} - 1 (`x.pct_change(n)`), from row n+1.
    public static func chg(_ x: Series, _ n: Int) -> Series {
        lagged(x, n) { now, then in now / then - 1 }
    }

    /// ln(x_t / x_{t-1}) (`np.log(x).diff()`): the difference of logs, as pandas
    /// computes it, so values agree to the last bit.
    public static func logret(_ x: Series) -> Series {
        let logs = x.values.map { Foundation.log($0) }
        var out = SeriesBuilder(capacity: x.count)
        for t in x.dates.indices.dropFirst() { out.append(x.dates[t], logs[t] - logs[t - 1]) }
        return out.build()
    }

    /// x_t - x_{t-1} (`x.diff()`).
    public static func diff(_ x: Series) -> Series {
        lagged(x, 1) { now, then in now - then }
    }

    /// 100 * x_t / x_first.
    public static func norm(_ x: Series) -> Series {
        guard let base = x.values.first else { return x }
        var out = SeriesBuilder(capacity: x.count)
        for t in x.dates.indices { out.append(x.dates[t], 100 * x.values[t] / base) }
        return out.build()
    }

    /// 10000 * (a_t/a_{t-n} - 1 - (b_t/b_{t-n} - 1)) on the joined rows, in basis points.
    public static func spread(_ a: Series, _ b: Series, _ n: Int) -> Series {
        let j = DateAlignment.innerJoin([a, b])
        let av = j.columns[0], bv = j.columns[1]
        var out = SeriesBuilder(capacity: j.dates.count)
        guard n < j.dates.count else { return out.build() }
        for t in n..<j.dates.count {
            out.append(j.dates[t], 10000 * ((av[t] / av[t - n] - 1) - (bv[t] / bv[t - n] - 1)))
        }
        return out.build()
    }

    /// An operand of `sub`, `add`, `mul`, `div`, `ratio`: a series or a constant.
    public enum Operand: Sendable {
        case series(Series)
        case number(Double)
    }

    public enum Operation: Sendable {
        case add, sub, mul, div

        @inline(__always) func apply(_ a: Double, _ b: Double) -> Double {
            switch self {
            case .add: a + b
            case .sub: a - b
            case .mul: a * b
            case .div: a / b
            }
        }
    }

    /// Arithmetic on the joined rows of the series operands; a number applies to every row.
    public static func arithmetic(_ op: Operation, _ a: Operand, _ b: Operand) -> Series {
        switch (a, b) {
        case let (.series(x), .series(y)):
            let j = DateAlignment.innerJoin([x, y])
            var out = SeriesBuilder(capacity: j.dates.count)
            for t in j.dates.indices { out.append(j.dates[t], op.apply(j.columns[0][t], j.columns[1][t])) }
            return out.build()
        case let (.series(x), .number(k)):
            var out = SeriesBuilder(capacity: x.count)
            for t in x.dates.indices { out.append(x.dates[t], op.apply(x.values[t], k)) }
            return out.build()
        case let (.number(k), .series(y)):
            var out = SeriesBuilder(capacity: y.count)
            for t in y.dates.indices { out.append(y.dates[t], op.apply(k, y.values[t])) }
            return out.build()
        case (.number, .number):
            return Series()
        }
    }

    private static func lagged(_ x: Series, _ n: Int, _ f: (Double, Double) -> Double) -> Series {
        var out = SeriesBuilder(capacity: max(0, x.count - n))
        guard n >= 1, n < x.count else { return out.build() }
        for t in n..<x.count { out.append(x.dates[t], f(x.values[t], x.values[t - n])) }
        return out.build()
    }
}
