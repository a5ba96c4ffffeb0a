/// One argument a function of METRICS.md takes.
enum Parameter: Sendable {
    /// Any series expression.
    case series
    /// A series or a NUMBER (arithmetic).
    case operand
    /// A literal integer.
    case integer(IntegerParameter)
    /// A universe `@NAME`; the function reads its breadth tallies.
    case universe
}

/// A literal integer argument: the name errors call it by and the values it may take.
struct IntegerParameter: Sendable {
    let name: String
    let bounds: ClosedRange<Int>
    /// An earlier integer parameter of the same call this one may not exceed.
    var atMost: String? = nil
}

/// The arguments of one call, evaluated and sorted by kind, each list in argument
/// order: `mi(a,b,n,bins)` has series [a, b] and integers [n, bins].
struct Arguments {
    var series: [Series] = []
    var operands: [Elementwise.Operand] = []
    var integers: [Int] = []
    /// The universes' breadth tallies.
    var universes: [Breadth] = []
}

/// A function of the language: what it takes and what it computes from that, in one
/// value, so that no name can be listed without an implementation of its own.
///
/// The evaluator checks the arguments against `parameters` (count, literal ranges,
/// kinds) before it evaluates any of them, then hands them to `implementation`,
/// which only computes. The constructors below pair a parameter list with the
/// closure shape that reads it, so an entry cannot read an argument it did not declare.
struct Function: Sendable {
    enum Parameters: Sendable {
        case fixed([Parameter])
        /// Baskets: this many series or more, all evaluated into `Arguments.series`.
        case series(atLeast: Int)
        /// Functions of the pairs of a basket: `atLeast...atMost` series, all different
        /// (a series paired with itself is no pair of the basket), then one integer.
        case seriesThenInteger(atLeast: Int, atMost: Int, IntegerParameter)
    }

    let parameters: Parameters
    let implementation: @Sendable (Arguments) -> Series

    /// f(x)
    static func ofSeries(_ f: @escaping @Sendable (Series) -> Series) -> Function {
        Function(parameters: .fixed([.series])) { f($0.series[0]) }
    }

    /// f(x, n)
    static func ofSeries(_ n: IntegerParameter, _ f: @escaping @Sendable (Series, Int) -> Series) -> Function {
        Function(parameters: .fixed([.series, .integer(n)])) { f($0.series[0], $0.integers[0]) }
    }

    /// f(a, b)
    static func ofPair(_ f: @escaping @Sendable (Series, Series) -> Series) -> Function {
        Function(parameters: .fixed([.series, .series])) { f($0.series[0], $0.series[1]) }
    }

    /// f(a, b, n)
    static func ofPair(_ n: IntegerParameter, _ f: @escaping @Sendable (Series, Series, Int) -> Series) -> Function {
        Function(parameters: .fixed([.series, .series, .integer(n)])) { f($0.series[0], $0.series[1], $0.integers[0]) }
    }

    /// f(a, b, n, m)
    static func ofPair(_ n: IntegerParameter, _ m: IntegerParameter,
                       _ f: @escaping @Sendable (Series, Series, Int, Int) -> Series) -> Function {
        Function(parameters: .fixed([.series, .series, .integer(n), .integer(m)])) {
            f($0.series[0], $0.series[1], $0.integers[0], $0.integers[1])
        }
    }

    /// Arithmetic: a op b, where either may be a number (not both: the evaluator
    /// requires a series among operands).
    static func arithmetic(_ op: Elementwise.Operation) -> Function {
        Function(parameters: .fixed([.operand, .operand])) { Elementwise.arithmetic(op, $0.operands[0], $0.operands[1]) }
    }

    /// f(s1, ..., sk), k >= 2.
    static func basket(_ f: @escaping @Sendable ([Series]) -> Series) -> Function {
        Function(parameters: .series(atLeast: 2)) { f($0.series) }
    }

    /// f(s1, ..., sk, n), 2 <= k <= `atMost`, the series all different.
    static func pairs(atMost: Int, _ n: IntegerParameter, _ f: @escaping @Sendable ([Series], Int) -> Series) -> Function {
        Function(parameters: .seriesThenInteger(atLeast: 2, atMost: atMost, n)) { f($0.series, $0.integers[0]) }
    }

    /// f(@U)
    static func breadth(_ f: @escaping @Sendable (Breadth) -> Series) -> Function {
        Function(parameters: .fixed([.universe])) { f($0.universes[0]) }
    }

    /// f(@U, n)
    static func breadth(_ n: IntegerParameter, _ f: @escaping @Sendable (Breadth, Int) -> Series) -> Function {
        Function(parameters: .fixed([.universe, .integer(n)])) { f($0.universes[0], $0.integers[0]) }
    }
}

/// Every function of METRICS.md: its parameters and its kernel, by name.
enum FunctionCatalog {
    /// A window: 1...100000 rows (ExpressionLimits).
    static let window = IntegerParameter(name: "n", bounds: 1...ExpressionLimits.maxWindow)
    /// A window of a sample statistic (ddof = 1), which needs at least two rows.
    static let sampleWindow = IntegerParameter(name: "n", bounds: 2...ExpressionLimits.maxWindow)
    /// An ema span: 1...100000 rows.
    static let span = IntegerParameter(name: "span", bounds: 1...ExpressionLimits.maxWindow)
    /// mi's bins per variable: 2...64, and at most its n (a window of n rows fills at
    /// most n bins).
    static let bins = IntegerParameter(name: "bins", bounds: ExpressionLimits.minBins...ExpressionLimits.maxBins,
                                       atMost: "n")

    static let functions: [String: Function] = [
        // One series
        "ret": .ofSeries(Elementwise.ret), "logret": .ofSeries(Elementwise.logret), "diff": .ofSeries(Elementwise.diff),
        "norm": .ofSeries(Elementwise.norm),
        "chg": .ofSeries(window, Elementwise.chg), "sma": .ofSeries(window, RollingStats.sma),
        "std": .ofSeries(sampleWindow, RollingStats.std), "zscore": .ofSeries(sampleWindow, RollingStats.zscore),
        "pctrank": .ofSeries(window, RollingRank.pctrank), "rvol": .ofSeries(sampleWindow, RollingStats.rvol),
        "max": .ofSeries(window, RollingExtrema.max), "min": .ofSeries(window, RollingExtrema.min),
        "ema": .ofSeries(span) { ExponentialAverage.ema($0, span: $1) },
        "sincehigh": .ofSeries(RowsSince.sincehigh), "sincelow": .ofSeries(RowsSince.sincelow),
        // Two series
        "ratio": .ofPair { Elementwise.arithmetic(.div, .series($0), .series($1)) },
        "sub": .arithmetic(.sub), "add": .arithmetic(.add), "mul": .arithmetic(.mul), "div": .arithmetic(.div),
        "spread": .ofPair(window, Elementwise.spread),
        "corr": .ofPair(sampleWindow, RollingCovariance.corr),
        "beta": .ofPair(sampleWindow, RollingCovariance.beta),
        "mi": .ofPair(sampleWindow, bins) { MutualInformation.mi($0, $1, $2, bins: $3) },
        // Baskets
        "ewbasket": .basket(Baskets.ewbasket), "dispersion": .basket(Baskets.dispersion),
        "avgcorr": .pairs(atMost: ExpressionLimits.maxCorrelationSeries, sampleWindow, AverageCorrelation.avgcorr),
        // Breadth
        "above": .breadth(window) { $0.above($1) }, "nhnl": .breadth(window) { $0.nhnl($1) },
        "advances": .breadth { $0.advanceDecline.advances }, "declines": .breadth { $0.advanceDecline.declines },
        "netadv": .breadth { $0.advanceDecline.net },
        "adline": .breadth { $0.adline() }, "mcclellan": .breadth { $0.mcclellan() },
    ]

    static var names: [String] { functions.keys.sorted() }
}
