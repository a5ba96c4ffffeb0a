import RotorCore

extension RotorConfig {
    /// The most contracts the positioning pane lists: two rows each, and a pane has
    /// room for about a dozen.
    static let maxPositioningContracts = 8

    /// `[positioning] symbols`: the contracts the positioning pane reads, each the
    /// symbol of a `cftc` feed (or of `NAME_AM`, `NAME_LF`, `NAME_OI` files), in the
    /// order shown; 1 to `maxPositioningContracts`, each once.
    static func readPositioning(_ r: inout TableReader, into roles: inout Roles) throws(ConfigError) {
        if let symbols = try r.strings("symbols") {
            guard (1...maxPositioningContracts).contains(symbols.count) else {
                throw r.error("symbols", "needs 1 to \(maxPositioningContracts) symbols (the cftc feeds' symbols, e.g. RTY), got \(symbols.count)")
            }
            var seen = Set<String>()
            for s in symbols {
                guard isSymbol(s) else { throw r.error("symbols", "'\(quoted(s))' is not a symbol (a letter, then letters, digits, . _ -)") }
                guard seen.insert(s.lowercased()).inserted else { throw r.error("symbols", "\(s) is listed twice") }
            }
            roles.positioning = symbols
        }
        try r.finish()
    }
}
