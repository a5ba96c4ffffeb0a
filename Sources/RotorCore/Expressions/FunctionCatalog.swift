/// What each function of METRICS.md takes.
enum Parameter: Sendable {
    /// Any series expression.
    case series
    /// A series or a NUMBER (arithmetic).
    case operand
    /// A literal positive integer; the name is used in error messages.
    case integer(String)
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
    static let signatures: [String: Signature] = [
        "ret": .fixed(.series), "logret": .fixed(.series), "diff": .fixed(.series),
        "norm": .fixed(.series),
        "chg": .fixed(.series, .integer("n")), "sma": .fixed(.series, .integer("n")),
        "std": .fixed(.series, .integer("n")), "zscore": .fixed(.series, .integer("n")),
        "pctrank": .fixed(.series, .integer("n")), "rvol": .fixed(.series, .integer("n")),
        "max": .fixed(.series, .integer("n")), "min": .fixed(.series, .integer("n")),
        "ema": .fixed(.series, .integer("span")),
        "ratio": .fixed(.series, .series),
        "sub": .fixed(.operand, .operand), "add": .fixed(.operand, .operand),
        "mul": .fixed(.operand, .operand), "div": .fixed(.operand, .operand),
        "spread": .fixed(.series, .series, .integer("n")),
        "corr": .fixed(.series, .series, .integer("n")),
        "beta": .fixed(.series, .series, .integer("n")),
        "mi": .fixed(.series, .series, .integer("n"), .integer("bins")),
        "ewbasket": .basket, "dispersion": .basket,
        "above": .fixed(.universe, .integer("n")), "nhnl": .fixed(.universe, .integer("n")),
        "advances": .fixed(.universe), "declines": .fixed(.universe), "netadv": .fixed(.universe),
        "adline": .fixed(.universe), "mcclellan": .fixed(.universe),
    ]

    static var names: [String] { signatures.keys.sorted() }
}
