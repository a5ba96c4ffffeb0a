import RotorCore

extension RotorConfig {
    /// The longest name a macro regime may have: it shares a pane row with the trend
    /// and the curve words, and a `rotor line` with the headlines.
    static let maxRegimeNameLength = 32

    /// `[regimes]`: new names for macro regimes, keyed `up_bull_steepener` ...
    /// `down_flat` (`MacroRegime.key`). An unknown key is an error at its line with the
    /// nearest key suggested; a name must have a non-blank character and at most
    /// `maxRegimeNameLength` characters; control characters in it are kept escaped
    /// (`\u{1B}` shows as `\e`), so a name can never drive the terminal.
    static func readRegimes(_ r: inout TableReader, into names: inout MacroRegimeNames) throws(ConfigError) {
        let byKey = Dictionary(uniqueKeysWithValues: MacroRegime.all.map { ($0.key, $0) })
        let keys = MacroRegime.all.map(\.key)
        for key in r.table.keys {
            guard let regime = byKey[key] else {
                let hint = suggestion(for: key, among: keys).map { " (did you mean \($0)?)" } ?? ""
                throw r.error(key, "unknown regime\(hint); the keys are up_ or down_ (the equity trend) then "
                              + MacroRegime.curves.map { $0.rawValue.replacingOccurrences(of: " ", with: "_") }.joined(separator: ", "))
            }
            guard let name = try r.string(key) else { continue }
            guard !name.allSatisfy(\.isWhitespace) else {
                throw r.error(key, "the name is empty (write the words to show, e.g. \"\(MacroRegimeNames.defaults[regime]!)\")")
            }
            let shown = name.escapingControlCharacters
            guard shown.count <= maxRegimeNameLength else {
                throw r.error(key, "'\(quoted(name))' is longer than \(maxRegimeNameLength) characters")
            }
            names[regime] = shown
        }
        try r.finish()
    }
}
