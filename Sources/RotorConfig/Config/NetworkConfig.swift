import RotorCore

extension RotorConfig {
    /// The edge thresholds `[network] edge` may take: below 0.05 every pair would be
    /// an edge, above 0.95 none but near-copies.
    static let networkEdgeRange = 0.05...0.95

    /// `[network]`: the NETWORK pane's `symbols` (2 to 12 distinct symbols), `inputs`
    /// (an inline table of symbol = "ret" or "diff"; a yield of `[roles]` defaults to
    /// "diff", anything else to "ret") and the graph's `edge` threshold on |corr|.
    /// Every mistake names the file, line and key.
    static func readNetwork(_ r: inout TableReader, into roles: inout Roles, thresholds: inout Thresholds) throws(ConfigError) {
        if let symbols = try r.strings("symbols") {
            let range = NetworkRoles.symbolRange
            guard range.contains(symbols.count) else {
                throw r.error("symbols", "needs \(range.lowerBound) to \(range.upperBound) symbols, got \(symbols.count)")
            }
            var seen = Set<String>()
            for s in symbols {
                guard isSymbol(s) else { throw r.error("symbols", "'\(quoted(s))' is not a symbol (a letter, then letters, digits, . _ -)") }
                guard seen.insert(s.lowercased()).inserted else { throw r.error("symbols", "\(s) is listed twice") }
            }
            roles.network.symbols = symbols
        }
        if var inputs = try r.table("inputs") {
            let words = NetworkRoles.Input.allCases.map(\.rawValue)
            for key in inputs.table.keys {
                guard roles.network.symbols.contains(where: { $0.lowercased() == key.lowercased() }) else {
                    throw inputs.error(key, "\(quoted(key)) is not one of the network's symbols (\(roles.network.symbols.joined(separator: " ")))")
                }
                guard let word = try inputs.string(key) else { continue }
                guard let input = NetworkRoles.Input(rawValue: word.lowercased()) else {
                    let hint = suggestion(for: word, among: words).map { " (did you mean \($0)?)" } ?? ""
                    throw inputs.error(key, "unknown input '\(quoted(word))'\(hint): use ret (a price's returns) or diff (a yield's changes)")
                }
                roles.network.inputs[key] = input
            }
            try inputs.finish()
        }
        thresholds.networkEdge = try r.number("edge", in: networkEdgeRange) ?? thresholds.networkEdge
        try r.finish()
    }
}
