/// Reads one TOML table against a schema: typed values by key, and, once the
/// schema has asked for everything it knows, an error for any key it did not ask
/// for (with the nearest known key as a suggestion). Every error names the file, the
/// line and the key.
struct TableReader {
    let file: String
    let table: TOMLTable
    /// The table's dotted name in messages (`roles`, `vol_pairs[2]`), empty for the top.
    let name: String
    /// The keys the schema asked for, in order (for suggestions) and as a set (so
    /// that a table of thousands of keys is checked in linear time).
    private(set) var known: [String] = []
    private var knownSet: Set<String> = []

    init(file: String, table: TOMLTable, name: String = "") {
        self.file = file
        self.table = table
        self.name = name
    }

    private func qualified(_ key: String) -> String { name.isEmpty ? key : name + "." + key }

    private func wrongType(_ key: String, _ item: TOMLItem, expected: String) -> ConfigError {
        ConfigError(file: file, line: item.line,
                    message: "\(qualified(key)): expected \(expected), got \(item.value.typeName)")
    }

    func error(_ key: String, _ message: String) -> ConfigError {
        ConfigError(file: file, line: table[key]?.line ?? table.line, message: "\(qualified(key)): \(message)")
    }

    mutating func item(_ key: String) -> TOMLItem? {
        if knownSet.insert(key).inserted { known.append(key) }
        return table[key]
    }

    mutating func string(_ key: String) throws(ConfigError) -> String? {
        guard let item = item(key) else { return nil }
        guard case let .string(s) = item.value else { throw wrongType(key, item, expected: "a string") }
        return s
    }

    mutating func integer(_ key: String, in range: ClosedRange<Int>? = nil) throws(ConfigError) -> Int? {
        guard let item = item(key) else { return nil }
        guard case let .integer(n) = item.value else { throw wrongType(key, item, expected: "an integer") }
        if let range, !range.contains(n) {
            throw error(key, "must be \(range.lowerBound) to \(range.upperBound), got \(n)")
        }
        return n
    }

    /// An integer or a float.
    mutating func number(_ key: String, in range: ClosedRange<Double>? = nil) throws(ConfigError) -> Double? {
        guard let item = item(key) else { return nil }
        let x: Double
        switch item.value {
        case let .integer(n): x = Double(n)
        case let .float(f): x = f
        default: throw wrongType(key, item, expected: "a number")
        }
        if let range, !range.contains(x) {
            throw error(key, "must be \(short(range.lowerBound)) to \(short(range.upperBound)), got \(short(x))")
        }
        return x
    }

    mutating func bool(_ key: String) throws(ConfigError) -> Bool? {
        guard let item = item(key) else { return nil }
        guard case let .bool(b) = item.value else { throw wrongType(key, item, expected: "true or false") }
        return b
    }

    /// A string, or an array of strings (a single key binding may be written bare).
    mutating func strings(_ key: String) throws(ConfigError) -> [String]? {
        guard let item = item(key) else { return nil }
        switch item.value {
        case let .string(s): return [s]
        case let .array(items):
            var out: [String] = []
            for element in items {
                guard case let .string(s) = element.value else {
                    throw wrongType(key, element, expected: "an array of strings")
                }
                out.append(s)
            }
            return out
        default: throw wrongType(key, item, expected: "an array of strings")
        }
    }

    mutating func table(_ key: String) throws(ConfigError) -> TableReader? {
        guard let item = item(key) else { return nil }
        guard case let .table(t) = item.value else { throw wrongType(key, item, expected: "a table") }
        return TableReader(file: file, table: t, name: qualified(key))
    }

    /// `[[key]]` tables.
    mutating func tables(_ key: String) throws(ConfigError) -> [TableReader]? {
        guard let item = item(key) else { return nil }
        guard case let .array(items) = item.value else { throw wrongType(key, item, expected: "an array of tables") }
        var out: [TableReader] = []
        for (n, element) in items.enumerated() {
            guard case let .table(t) = element.value else { throw wrongType(key, element, expected: "a table") }
            out.append(TableReader(file: file, table: t, name: "\(qualified(key))[\(n + 1)]"))
        }
        return out
    }

    /// Every key the schema did not ask for, as errors (strict) in file order.
    /// At most `limit` of them, then one line that counts the rest: a file of
    /// thousands of stray keys is not thousands of warnings at every start.
    func unknownKeys(atMost limit: Int = .max) -> [ConfigError] {
        let unknown = table.keys.filter { !knownSet.contains($0) }
        var out = unknown.prefix(limit).map(unknownKey)
        let rest = unknown.count - out.count
        if rest > 0 {
            let place = name.isEmpty ? "" : " in [\(name)]"
            let line = table[unknown[limit]]!.line
            out.append(ConfigError(file: file, line: line, message: "and \(rest) more unknown keys\(place)"))
        }
        return out
    }

    /// Throws the first unknown key (and words only that one).
    func finish() throws(ConfigError) {
        if let first = table.keys.first(where: { !knownSet.contains($0) }) { throw unknownKey(first) }
    }

    private func unknownKey(_ key: String) -> ConfigError {
        let hint = suggestion(for: key, among: known).map { " (did you mean \($0)?)" } ?? ""
        let what = name.isEmpty ? "unknown key \(key)" : "unknown key \(key) in [\(name)]"
        return ConfigError(file: file, line: table[key]!.line, message: what + hint)
    }

    private func short(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
