/// What each function of METRICS.md takes.
enum Parameter: Sendable {
    /// Any series expression.
    case series
    /// A series or a NUMBER (arithmetic).
    case operand
    /// A literal integer in `range`; the name is used in error messages.
    case integer(String, ClosedRange<Int>)
    /// A universe `@NAME`.
    case universe
}

struct Signature: Sendable {
    let parameters: [Parameter]
    /// Baskets take two or more series instead of a fixed list.
    let variadicSeries: Bool

    static func fixed(_ p: Parameter...) -> Signature { Signature(parameters: p, variadicSeries: false) }
    static let basket = Signature(parameters: [], variadicSeries: true)
}

enum FunctionCatalog {
    /// A window or span: 1...100000 rows (ExpressionLimits).
    private static let window = Parameter.integer("n", 1...ExpressionLimits.maxWindow)
    /// A window of a sample statistic (ddof = 1), which needs at least two rows.
    private static let sampleWindow = Parameter.integer("n", 2...ExpressionLimits.maxWindow)

    static let signatures: [String: Signature] = [
        "ret": .fixed(.series), "logret": .fixed(.series), "diff": .fixed(.series),
        "norm": .fixed(.series),
        "chg": .fixed(.series, window), "sma": .fixed(.series, window),
        "std": .fixed(.series, sampleWindow), "zscore": .fixed(.series, sampleWindow),
        "pctrank": .fixed(.series, window), "rvol": .fixed(.series, sampleWindow),
        "max": .fixed(.series, window), "min": .fixed(.series, window),
        "ema": .fixed(.series, .integer("span", 1...ExpressionLimits.maxWindow)),
        "ratio": .fixed(.series, .series),
        "sub": .fixed(.operand, .operand), "add": .fixed(.operand, .operand),
        "mul": .fixed(.operand, .operand), "div": .fixed(.operand, .operand),
        "spread": .fixed(.series, .series, window),
        "corr": .fixed(.series, .series, sampleWindow),
        "beta": .fixed(.series, .series, sampleWindow),
        // bins is also at most n: the evaluator checks that against the n given.
        "mi": .fixed(.series, .series, sampleWindow,
                     .integer("bins", ExpressionLimits.minBins...ExpressionLimits.maxBins)),
        "ewbasket": .basket, "dispersion": .basket,
        "above": .fixed(.universe, window), "nhnl": .fixed(.universe, window),
        "advances": .fixed(.universe), "declines": .fixed(.universe), "netadv": .fixed(.universe),
        "adline": .fixed(.universe), "mcclellan": .fixed(.universe),
    ]

    static var names: [String] { signatures.keys.sorted() }
}
