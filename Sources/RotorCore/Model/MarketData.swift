/// A named set of member series, for breadth (`@spx`, `@universe`).
public struct Universe: Sendable, Equatable {
    public var name: String
    /// Members in a stable order (their names sorted or as the file listed them).
    public var members: [(name: String, series: Series)]

    public init(name: String, members: [(name: String, series: Series)]) {
        self.name = name
        self.members = members
    }

    public static func == (a: Universe, b: Universe) -> Bool {
        a.name == b.name && a.members.count == b.members.count
            && zip(a.members, b.members).allSatisfy { $0.name == $1.name && $0.series == $1.series }
    }
}

/// Everything an expression can name: symbols (close series) and universes.
public struct MarketData: Sendable, Equatable {
    public var symbols: [String: Series]
    /// Keyed by name without the `@`.
    public var universes: [String: Universe]

    public init(symbols: [String: Series] = [:], universes: [String: Universe] = [:]) {
        self.symbols = symbols
        self.universes = universes
    }

    /// The series of `symbol`: an exact match, else the one case-insensitive match.
    public func series(_ symbol: String) -> Series? {
        if let s = symbols[symbol] { return s }
        return MarketData.caseInsensitiveLookup(symbol, in: symbols)
    }

    /// The universe named `name` (without `@`), matched like `series(_:)`.
    public func universe(_ name: String) -> Universe? {
        if let u = universes[name] { return u }
        return MarketData.caseInsensitiveLookup(name, in: universes)
    }

    private static func caseInsensitiveLookup<V>(_ key: String, in table: [String: V]) -> V? {
        let wanted = key.lowercased()
        let matches = table.filter { $0.key.lowercased() == wanted }
        return matches.count == 1 ? matches.first?.value : nil
    }
}
