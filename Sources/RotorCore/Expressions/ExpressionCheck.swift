extension Evaluator {
    /// Checks an expression without data, as a config's loader must: its syntax, its
    /// functions, their arguments and windows. Each symbol and universe it names is
    /// given a few rows of made-up data and the expression is evaluated on them, so
    /// the check is the evaluator's own rules and cannot drift from them; only
    /// "no data for X" cannot be known here.
    public static func check(_ text: String) throws(ExpressionError) {
        let expr = try Parser.parse(text)
        var data = MarketData()
        let days = (1...3).compactMap { Day(year: 2000, month: 1, day: $0 + 2) }
        let rows = Series(dates: days, values: [1, 2, 3])
        for name in expr.names {
            if name.hasPrefix("@") {
                let u = String(name.dropFirst())
                data.universes[u] = Universe(name: u, members: [("A", rows), ("B", rows)])
            } else {
                data.symbols[name] = rows
            }
        }
        var evaluator = Evaluator(data: data)
        _ = try evaluator.evaluate(expr)
    }
}
