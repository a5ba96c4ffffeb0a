/// Evaluates expressions against market data.
///
/// Sub-expressions are cached by their canonical text, so the panes' many
/// expressions built on `ratio(RTY,ES)` or `ewbasket(...)` compute them once per
/// evaluator. Make a new evaluator when the data changes.
public struct Evaluator {
    public let data: MarketData
    private var cache: [String: Series] = [:]
    private var breadth: [String: Breadth] = [:]

    public init(data: MarketData) { self.data = data }

    /// Parses and evaluates `text`, which must denote a series.
    public mutating func evaluate(_ text: String) throws(ExpressionError) -> Series {
        try evaluate(Parser.parse(text))
    }

    /// Tells the evaluator which expressions are coming, so that work they share can
    /// be batched: every `above(@U,n)` among them is computed for the same universe
    /// in one pass over its members. Malformed texts are ignored here; `evaluate`
    /// reports them.
    public mutating func prepare(_ texts: [String]) {
        prefetchBreadth(texts.compactMap { try? Parser.parse($0) })
    }

    public mutating func evaluate(_ expr: Expr) throws(ExpressionError) -> Series {
        switch expr {
        case let .number(_, text, column):
            throw ExpressionError(.numberIsNotASeries(text: text), column: column)
        case let .universe(name, column):
            throw ExpressionError(.universeIsNotASeries(name: name), column: column)
        case let .symbol(name, column):
            guard let series = data.series(name) else {
                throw ExpressionError(.unknownSymbol(name), column: column)
            }
            return series
        case let .call(name, arguments, column):
            let key = expr.canonical
            if let hit = cache[key] { return hit }
            let result = try call(name, arguments, column)
            cache[key] = result
            return result
        }
    }

    // MARK: - Calls

    /// Checks the arguments against the function's parameters, evaluates them in
    /// order and runs its implementation.
    private mutating func call(_ name: String, _ args: [Expr], _ column: Int) throws(ExpressionError) -> Series {
        guard let function = FunctionCatalog.functions[name] else {
            throw ExpressionError(.unknownFunction(name), column: column)
        }
        var arguments = Arguments()
        switch function.parameters {
        case let .series(atLeast):
            guard args.count >= atLeast else {
                throw ExpressionError(.arity(function: name, expected: .seriesAtLeast(atLeast), got: args.count),
                                      column: column)
            }
            for arg in args { arguments.series.append(try seriesArgument(name, arg)) }
        case let .seriesThenInteger(atLeast, atMost, parameter):
            guard args.count > atLeast else {
                throw ExpressionError(.arity(function: name, expected: .seriesAtLeastThen(atLeast, parameter: parameter.name),
                                             got: args.count), column: column)
            }
            let seriesArgs = args.dropLast()
            arguments.integers = [try integerArgument(name, parameter, args[args.count - 1])]
            try checkDistinctSeries(name, Array(seriesArgs), atMost: atMost)
            for arg in seriesArgs { arguments.series.append(try seriesArgument(name, arg)) }
        case let .fixed(parameters):
            guard args.count == parameters.count else {
                throw ExpressionError(.arity(function: name, expected: .exactly(parameters.count), got: args.count),
                                      column: column)
            }
            let literals = try literalArguments(name, parameters, args)
            arguments.integers = literals.integers
            var universes = literals.universes.makeIterator()
            for (parameter, arg) in zip(parameters, args) {
                switch parameter {
                case .series: arguments.series.append(try seriesArgument(name, arg))
                case .operand: arguments.operands.append(try operand(name, arg))
                case .universe:
                    if let u = universes.next() { arguments.universes.append(try breadth(u.name, column: u.column)) }
                case .integer: break
                }
            }
            // Arithmetic on numbers alone would have no dates to put its rows on.
            if !arguments.operands.isEmpty, arguments.series.isEmpty, arguments.universes.isEmpty,
               !arguments.operands.contains(where: { if case .series = $0 { true } else { false } }) {
                throw ExpressionError(.noSeriesOperand(function: name), column: column)
            }
        }
        return function.implementation(arguments)
    }

    /// The integer arguments, checked, and the names of the universe arguments,
    /// checked to be universes, in argument order: all before any series is
    /// evaluated, so a bad window is reported even when a symbol is also missing.
    private func literalArguments(_ name: String, _ parameters: [Parameter], _ args: [Expr])
        throws(ExpressionError) -> (integers: [Int], universes: [(name: String, column: Int)]) {
        var integers: [Int] = []
        var universes: [(name: String, column: Int)] = []
        var bounding: [(parameter: IntegerParameter, arg: Expr)] = []
        for (parameter, arg) in zip(parameters, args) {
            switch parameter {
            case let .integer(integer):
                integers.append(try integerArgument(name, integer, arg))
                if integer.atMost != nil { bounding.append((integer, arg)) }
            case .universe:
                guard case let .universe(universe, column) = arg else {
                    throw ExpressionError(.expectedUniverse(function: name, got: .init(arg)), column: arg.column)
                }
                universes.append((universe, column))
            case .series, .operand:
                break
            }
        }
        // A bound by another argument is checked once every argument is in its range.
        let integerParameters = parameters.compactMap { if case let .integer(p) = $0 { p } else { nil } }
        for (parameter, arg) in bounding {
            guard let mine = integerParameters.firstIndex(where: { $0.name == parameter.name }),
                  let limit = integerParameters.firstIndex(where: { $0.name == parameter.atMost }) else { continue }
            if integers[mine] > integers[limit] {
                throw ExpressionError(.exceedsArgument(function: name, parameter: parameter.name,
                                                       limit: integerParameters[limit].name,
                                                       limitValue: integers[limit], got: integers[mine]),
                                      column: arg.column)
            }
        }
        return (integers, universes)
    }

    /// At most `atMost` series, no two the same expression: checked before
    /// any is evaluated. Numbers and universes are left for `seriesArgument` to reject.
    private func checkDistinctSeries(_ name: String, _ args: [Expr], atMost: Int) throws(ExpressionError) {
        if args.count > atMost {
            throw ExpressionError(.tooManySeries(function: name, limit: atMost, got: args.count), column: args[atMost].column)
        }
        var seen: [String: Int] = [:]
        for (i, arg) in args.enumerated() {
            switch arg {
            case .number, .universe: continue
            case .symbol, .call:
                let key = arg.canonical.lowercased() // symbols match case-insensitively
                if let first = seen[key] {
                    throw ExpressionError(.repeatedSeries(function: name, series: arg.canonical, first: first + 1, again: i + 1),
                                          column: arg.column)
                }
                seen[key] = i
            }
        }
    }

    /// Fills the cache with the well-formed `above(@U,n)` calls found anywhere in
    /// `exprs`, batched per universe: `Breadth.above` of several windows is one pass
    /// over the members and equals `above(n)` of each. Anything malformed is left for
    /// `evaluate` to report.
    private mutating func prefetchBreadth(_ exprs: [Expr]) {
        var wanted: [String: [(key: String, n: Int)]] = [:]
        func visit(_ e: Expr) {
            guard case let .call(name, args, _) = e else { return }
            args.forEach(visit)
            guard name == "above", args.count == 2, case let .universe(u, _) = args[0],
                  let n = try? integerArgument(name, FunctionCatalog.window, args[1]),
                  cache[e.canonical] == nil else { return }
            wanted[u, default: []].append((e.canonical, n))
        }
        exprs.forEach(visit)
        for (universeName, calls) in wanted {
            guard let b = try? breadth(universeName, column: 0) else { continue }
            let windows = Array(Set(calls.map(\.n))).sorted()
            let results = Dictionary(uniqueKeysWithValues: zip(windows, b.above(windows)))
            for call in calls { cache[call.key] = results[call.n] }
        }
    }

    /// The breadth tallies of a universe, built once per evaluator.
    private mutating func breadth(_ universeName: String, column: Int) throws(ExpressionError) -> Breadth {
        if let cached = breadth[universeName.lowercased()] { return cached }
        guard let universe = data.universe(universeName) else {
            throw ExpressionError(.unknownUniverse(universeName), column: column)
        }
        let b = Breadth(universe)
        breadth[universeName.lowercased()] = b
        return b
    }

    // MARK: - Arguments

    private mutating func seriesArgument(_ function: String, _ arg: Expr) throws(ExpressionError) -> Series {
        switch arg {
        case .number, .universe:
            throw ExpressionError(.expectedSeries(function: function, got: .init(arg)), column: arg.column)
        default:
            return try evaluate(arg)
        }
    }

    private mutating func operand(_ function: String, _ arg: Expr) throws(ExpressionError) -> Elementwise.Operand {
        if case let .number(value, _, _) = arg { return .number(value) }
        return .series(try seriesArgument(function, arg))
    }

    /// A literal integer in the parameter's bounds. A literal that is not a whole
    /// number is "not a positive integer"; a whole number outside the bounds (0, -3,
    /// 10^12) is told the bounds, since that is what the user has to change.
    private func integerArgument(_ function: String, _ parameter: IntegerParameter,
                                 _ arg: Expr) throws(ExpressionError) -> Int {
        guard case let .number(value, text, column) = arg, value == value.rounded(), !text.contains(".") else {
            throw ExpressionError(.notAnInteger(function: function, parameter: parameter.name, got: .init(arg)),
                                  column: arg.column)
        }
        let range = parameter.bounds
        guard value >= Double(range.lowerBound), value <= Double(range.upperBound) else {
            throw ExpressionError(.range(function: function, parameter: parameter.name, bounds: range, got: text),
                                  column: column)
        }
        return Int(value)
    }
}
