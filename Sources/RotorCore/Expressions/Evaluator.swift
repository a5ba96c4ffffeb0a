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
            throw ExpressionError("\(text) is a number, not a series", column: column)
        case let .universe(name, column):
            throw ExpressionError("@\(name) is a universe, not a series: use a breadth function such as above(@\(name),50)",
                                  column: column)
        case let .symbol(name, column):
            guard let series = data.series(name) else {
                throw ExpressionError("unknown symbol \(name)", column: column)
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

    private mutating func call(_ name: String, _ args: [Expr], _ column: Int) throws(ExpressionError) -> Series {
        guard let signature = FunctionCatalog.signatures[name] else {
            throw ExpressionError("unknown function \(name)", column: column)
        }
        if signature.variadicSeries {
            guard args.count >= 2 else {
                throw ExpressionError("\(name): expected at least 2 series, got \(args.count)", column: column)
            }
            var members: [Series] = []
            for arg in args { members.append(try seriesArgument(name, arg)) }
            return name == "ewbasket" ? Baskets.ewbasket(members) : Baskets.dispersion(members)
        }
        guard args.count == signature.parameters.count else {
            let plural = signature.parameters.count == 1 ? "argument" : "arguments"
            throw ExpressionError("\(name): expected \(signature.parameters.count) \(plural), got \(args.count)",
                                  column: column)
        }
        // Check the literal arguments before evaluating any series, so a bad window is
        // reported even when a symbol is also missing.
        var integers: [Int] = []
        for (parameter, arg) in zip(signature.parameters, args) {
            if case let .integer(label, range) = parameter {
                integers.append(try integerArgument(name, label, arg, in: range))
            }
            if case .universe = parameter, case .universe = arg {} else if case .universe = parameter {
                throw ExpressionError("\(name): expected a universe such as @spx, got \(arg.describedForError)",
                                      column: arg.column)
            }
        }
        if name == "mi", integers[1] > integers[0] {
            throw ExpressionError("mi: bins must be at most n (\(integers[0])), got \(integers[1])", column: args[3].column)
        }
        switch name {
        case "ret": return Elementwise.ret(try seriesArgument(name, args[0]))
        case "logret": return Elementwise.logret(try seriesArgument(name, args[0]))
        case "diff": return Elementwise.diff(try seriesArgument(name, args[0]))
        case "norm": return Elementwise.norm(try seriesArgument(name, args[0]))
        case "chg": return Elementwise.chg(try seriesArgument(name, args[0]), integers[0])
        case "sma": return RollingStats.sma(try seriesArgument(name, args[0]), integers[0])
        case "std": return RollingStats.std(try seriesArgument(name, args[0]), integers[0])
        case "zscore": return RollingStats.zscore(try seriesArgument(name, args[0]), integers[0])
        case "rvol": return RollingStats.rvol(try seriesArgument(name, args[0]), integers[0])
        case "pctrank": return RollingRank.pctrank(try seriesArgument(name, args[0]), integers[0])
        case "max": return RollingExtrema.max(try seriesArgument(name, args[0]), integers[0])
        case "min": return RollingExtrema.min(try seriesArgument(name, args[0]), integers[0])
        case "ema": return ExponentialAverage.ema(try seriesArgument(name, args[0]), span: integers[0])
        case "ratio":
            return Elementwise.arithmetic(.div, .series(try seriesArgument(name, args[0])),
                                          .series(try seriesArgument(name, args[1])))
        case "sub", "add", "mul", "div":
            let op: Elementwise.Operation = switch name {
            case "sub": .sub
            case "add": .add
            case "mul": .mul
            default: .div
            }
            let a = try operand(name, args[0]), b = try operand(name, args[1])
            if case .number = a, case .number = b {
                throw ExpressionError("\(name): at least one argument must be a series", column: column)
            }
            return Elementwise.arithmetic(op, a, b)
        case "spread":
            return Elementwise.spread(try seriesArgument(name, args[0]), try seriesArgument(name, args[1]), integers[0])
        case "corr":
            return RollingCovariance.corr(try seriesArgument(name, args[0]), try seriesArgument(name, args[1]),
                                          integers[0])
        case "beta":
            return RollingCovariance.beta(try seriesArgument(name, args[0]), try seriesArgument(name, args[1]),
                                          integers[0])
        case "mi":
            return MutualInformation.mi(try seriesArgument(name, args[0]), try seriesArgument(name, args[1]),
                                        integers[0], bins: integers[1])
        default:
            return try breadthCall(name, args[0], integers)
        }
    }

    private mutating func breadthCall(_ name: String, _ arg: Expr, _ integers: [Int]) throws(ExpressionError) -> Series {
        guard case let .universe(universeName, column) = arg else {
            throw ExpressionError("\(name): expected a universe such as @spx", column: arg.column)
        }
        let b = try breadth(universeName, column: column)
        switch name {
        case "above": return b.above(integers[0])
        case "nhnl": return b.nhnl(integers[0])
        case "advances": return b.advanceDecline.advances
        case "declines": return b.advanceDecline.declines
        case "netadv": return b.advanceDecline.net
        case "adline": return b.adline()
        default: return b.mcclellan()
        }
    }

    /// Fills the cache with the well-formed `above(@U,n)` calls found anywhere in
    /// `exprs`, batched per universe. Anything malformed is left for `evaluate`
    /// to report.
    private mutating func prefetchBreadth(_ exprs: [Expr]) {
        var wanted: [String: [(key: String, n: Int)]] = [:]
        func visit(_ e: Expr) {
            guard case let .call(name, args, _) = e else { return }
            args.forEach(visit)
            guard name == "above", args.count == 2, case let .universe(u, _) = args[0],
                  let n = try? integerArgument(name, "n", args[1], in: 1...ExpressionLimits.maxWindow), cache[e.canonical] == nil else { return }
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
            throw ExpressionError("unknown universe @\(universeName)", column: column)
        }
        let b = Breadth(universe)
        breadth[universeName.lowercased()] = b
        return b
    }

    // MARK: - Arguments

    private mutating func seriesArgument(_ function: String, _ arg: Expr) throws(ExpressionError) -> Series {
        switch arg {
        case .number, .universe:
            throw ExpressionError("\(function): expected a series, got \(arg.describedForError)", column: arg.column)
        default:
            return try evaluate(arg)
        }
    }

    private mutating func operand(_ function: String, _ arg: Expr) throws(ExpressionError) -> Elementwise.Operand {
        if case let .number(value, _, _) = arg { return .number(value) }
        return .series(try seriesArgument(function, arg))
    }

    /// A literal integer in `range`. A literal that is not a whole number is "not a
    /// positive integer"; a whole number outside the range (0, -3, 10^12) is told
    /// the range, since that is what the user has to change.
    private func integerArgument(_ function: String, _ label: String, _ arg: Expr,
                                 in range: ClosedRange<Int>) throws(ExpressionError) -> Int {
        guard case let .number(value, text, column) = arg else {
            throw ExpressionError("\(function): \(label) must be a positive integer, got \(arg.describedForError)",
                                  column: arg.column)
        }
        guard value == value.rounded(), !text.contains(".") else {
            throw ExpressionError("\(function): \(label) must be a positive integer, got \(text)", column: column)
        }
        guard value >= Double(range.lowerBound), value <= Double(range.upperBound) else {
            throw ExpressionError("\(function): \(label) must be between \(range.lowerBound) and \(range.upperBound), got \(text)",
                                  column: column)
        }
        return Int(value)
    }
}
