/// The NETWORK pane's symbols and what each one contributes (the config's
/// `[network]`): the daily returns of a price, or the daily changes of a yield, since
/// a yield's level moves by differences (a 2-year from 4.00% to 4.10% is +0.10, not
/// +2.5%). The correlation matrix is of these inputs, pair by pair.
public struct NetworkRoles: Sendable, Equatable {
    /// How a symbol enters the matrix.
    public enum Input: String, Sendable, CaseIterable {
        /// `ret(X)`: a price's daily returns.
        case ret
        /// `diff(X)`: a yield's (or a spread's) daily changes.
        case diff

        /// The input's expression for `symbol`.
        public func expression(_ symbol: String) -> String { "\(rawValue)(\(symbol))" }
    }

    /// The symbols on the matrix and the graph, in order: the index futures, the
    /// 10-year and 2-year note futures, crude, gold and the dollar.
    public var symbols = ["ES", "NQ", "RTY", "ZN", "ZT", "CL", "GC", "DX"]
    /// Inputs the config names; every other symbol takes `defaultInput`.
    public var inputs: [String: Input] = [:]

    /// The fewest and most symbols the pane shows: a pair, up to what a 200-column
    /// screen draws as a matrix with numbers in its cells.
    public static let symbolRange = 2...12

    public init() {}

    /// The input of `symbol`: as the config names it, else `diff` for the yields the
    /// roles name (their changes), else `ret`.
    public func input(_ symbol: String, yields: [String]) -> Input {
        if let named = inputs.first(where: { $0.key.lowercased() == symbol.lowercased() })?.value { return named }
        return yields.contains { $0.lowercased() == symbol.lowercased() } ? .diff : .ret
    }
}

extension Roles {
    /// The yields among the roles (the 2-year and the 10-year): the network pane
    /// takes their changes unless `[network] inputs` says otherwise.
    public var yields: [String] { [twoYear, tenYear] }

    /// The network pane's input expression of `symbol` (`ret(ES)`, `diff(US2Y)`).
    public func networkInput(_ symbol: String) -> String {
        network.input(symbol, yields: yields).expression(symbol)
    }
}
