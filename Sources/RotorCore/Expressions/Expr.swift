/// A parsed expression of the METRICS.md language, with the 1-based column where
/// each part starts so that errors can point at it.
public indirect enum Expr: Sendable, Equatable {
    case number(Double, text: String, column: Int)
    case symbol(String, column: Int)
    /// A universe, named without its `@`.
    case universe(String, column: Int)
    case call(name: String, arguments: [Expr], column: Int)

    public var column: Int {
        switch self {
        case let .number(_, _, column), let .symbol(_, column), let .universe(_, column),
             let .call(_, _, column): column
        }
    }

    /// The expression written without spaces, function names lower-cased: equal
    /// texts evaluate to equal series, so this keys the evaluator's cache.
    public var canonical: String {
        switch self {
        case let .number(_, text, _): text
        case let .symbol(name, _): name
        case let .universe(name, _): "@" + name
        case let .call(name, arguments, _):
            name + "(" + arguments.map(\.canonical).joined(separator: ",") + ")"
        }
    }
}

extension Expr {
    /// The symbols and universes (`@name`) the expression reads: what a new bar
    /// must touch for its value to change.
    public var names: Set<String> {
        switch self {
        case .number: []
        case let .symbol(name, _): [name]
        case let .universe(name, _): ["@" + name]
        case let .call(_, arguments, _): arguments.reduce(into: Set<String>()) { $0.formUnion($1.names) }
        }
    }
}
