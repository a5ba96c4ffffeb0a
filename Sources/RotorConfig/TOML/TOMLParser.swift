import RotorCore

/// A TOML reader for rotor's config and theme files: TOML 1.0's tables, arrays of
/// tables, dotted and quoted keys, basic and literal strings, integers, floats,
/// booleans, arrays and inline tables. Multi-line strings and dates are not part of
/// rotor's schema and are reported as such, with their line.
///
/// Written here rather than taken from a package because every error rotor reports
/// must name the line of the key at fault, which needs the line of each value.
///
/// Limits, so that no file can crash rotor or stall it: a document is at most
/// `maxBytes` (1 MB), and keys, tables, arrays and inline tables nest at most
/// `maxDepth` (32) levels (`a.b.c = [[1]]` is 5 deep); both are errors with a line.
/// Parsing costs time linear in the size: every table is changed in place, never
/// copied per key.
public struct TOMLParser {
    public struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// The biggest document read: rotor's config and themes are a few KB.
    public static let maxBytes = 1 << 20
    /// The deepest nesting of keys, tables and arrays: rotor's schema needs 3.
    public static let maxDepth = 32

    private let bytes: [UInt8]
    private var i = 0
    private var line = 1
    /// How many tables and arrays enclose the value being read.
    private var depth = 0

    public static func parse(_ text: String) throws(SyntaxError) -> TOMLTable {
        guard text.utf8.count <= maxBytes else {
            throw SyntaxError(line: 0, message: RegularFile.tooBig(text.utf8.count, maxBytes))
        }
        var parser = TOMLParser(bytes: Array(text.utf8))
        return try parser.document()
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
        // A UTF-8 byte-order mark is not part of the document.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
    }

    // MARK: Statements

    private mutating func document() throws(SyntaxError) -> TOMLTable {
        var root = TOMLTable()
        var path: [String] = [] // the current [table] or [[array]] element
        var explicit: Set<[String]> = []
        while true {
            skipBlankAndComments()
            guard let c = peek() else { return root }
            if c == UInt8(ascii: "[") {
                let headerLine = line
                i += 1
                let isArray = peek() == UInt8(ascii: "[")
                if isArray { i += 1 }
                skipSpaces()
                let keys = try key()
                try checkDepth(keys.count, at: headerLine)
                skipSpaces()
                try expect("]")
                if isArray { try expect("]") }
                try endOfLine()
                if isArray {
                    try appendTable(to: &root, at: keys, line: headerLine)
                } else {
                    guard explicit.insert(keys).inserted else {
                        throw fail("table [\(keys.joined(separator: "."))] is defined twice", at: headerLine)
                    }
                    try ensureTable(in: &root, at: keys, line: headerLine)
                }
                path = keys
            } else {
                let keyLine = line
                let keys = try key()
                skipSpaces()
                try expect("=")
                skipSpaces()
                depth = path.count + keys.count
                try checkDepth(depth, at: keyLine)
                let value = try self.value()
                try endOfLine()
                try insert(value, into: &root, at: path, keys: keys, line: keyLine)
            }
        }
    }

    private mutating func endOfLine() throws(SyntaxError) {
        skipSpaces()
        if peek() == UInt8(ascii: "#") { skipComment() }
        if peek() == UInt8(ascii: "\r") { i += 1 }
        guard let c = peek() else { return }
        guard c == UInt8(ascii: "\n") else { throw fail("unexpected \(describe(c)) after the value") }
        i += 1
        line += 1
    }

    // MARK: Keys

    /// A dotted key: `a.b."c d"`.
    private mutating func key() throws(SyntaxError) -> [String] {
        var parts = [try simpleKey()]
        while true {
            skipSpaces()
            guard peek() == UInt8(ascii: ".") else { return parts }
            i += 1
            skipSpaces()
            parts.append(try simpleKey())
        }
    }

    private mutating func simpleKey() throws(SyntaxError) -> String {
        guard let c = peek() else { throw fail("expected a key at the end of the file") }
        if c == UInt8(ascii: "\"") { return try basicString() }
        if c == UInt8(ascii: "'") { return try literalString() }
        let start = i
        while let b = peek(), isBareKey(b) { i += 1 }
        guard i > start else { throw fail("expected a key, found \(describe(c))") }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    private func isBareKey(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
            || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
    }

    // MARK: Values

    private mutating func value() throws(SyntaxError) -> TOMLItem {
        let at = line
        guard let c = peek() else { throw fail("expected a value at the end of the file") }
        switch c {
        case UInt8(ascii: "\""):
            if matches("\"\"\"") { throw fail("multi-line strings are not supported here") }
            return TOMLItem(.string(try basicString()), line: at)
        case UInt8(ascii: "'"):
            if matches("'''") { throw fail("multi-line strings are not supported here") }
            return TOMLItem(.string(try literalString()), line: at)
        case UInt8(ascii: "["):
            return TOMLItem(.array(try array()), line: at)
        case UInt8(ascii: "{"):
            return TOMLItem(.table(try inlineTable()), line: at)
        default:
            return TOMLItem(try scalar(), line: at)
        }
    }

    private mutating func array() throws(SyntaxError) -> [TOMLItem] {
        depth += 1
        defer { depth -= 1 }
        try checkDepth(depth, at: line)
        i += 1 // [
        var items: [TOMLItem] = []
        while true {
            skipBlankAndComments()
            if peek() == UInt8(ascii: "]") {
                i += 1
                return items
            }
            items.append(try value())
            skipBlankAndComments()
            guard let c = peek() else { throw fail("unterminated array") }
            if c == UInt8(ascii: ",") {
                i += 1
            } else if c != UInt8(ascii: "]") {
                throw fail("expected , or ] in the array, found \(describe(c))")
            }
        }
    }

    private mutating func inlineTable() throws(SyntaxError) -> TOMLTable {
        depth += 1
        defer { depth -= 1 }
        try checkDepth(depth, at: line)
        var table = TOMLTable(line: line)
        i += 1 // {
        skipSpaces()
        if peek() == UInt8(ascii: "}") {
            i += 1
            return table
        }
        while true {
            skipSpaces()
            let keyLine = line
            let keys = try key()
            skipSpaces()
            try expect("=")
            skipSpaces()
            // A dotted key inside nests as deep as its parts.
            depth += keys.count - 1
            try checkDepth(depth, at: keyLine)
            let v = try value()
            depth -= keys.count - 1
            try insert(v, into: &table, at: [], keys: keys, line: keyLine)
            skipSpaces()
            guard let c = peek() else { throw fail("unterminated inline table") }
            i += 1
            if c == UInt8(ascii: "}") { return table }
            guard c == UInt8(ascii: ",") else { throw fail("expected , or } in the inline table, found \(describe(c))") }
        }
    }

    /// A bare value: boolean, integer or float.
    private mutating func scalar() throws(SyntaxError) -> TOMLValue {
        let start = i
        while let b = peek(), !isDelimiter(b) { i += 1 }
        let word = String(decoding: bytes[start..<i], as: UTF8.self)
        if word == "true" { return .bool(true) }
        if word == "false" { return .bool(false) }
        guard !word.isEmpty else { throw fail("expected a value, found \(describe(bytes[start]))") }
        let digits = word.replacingUnderscores()
        if let n = Int(digits) { return .integer(n) }
        if digits.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let x = Double(digits), x.isFinite {
            return .float(x)
        }
        if word.count >= 10, word.dropFirst(4).first == "-", word.prefix(4).allSatisfy(\.isNumber) {
            throw fail("dates are not supported here; write \(word) as a string: \"\(word)\"")
        }
        throw fail("cannot read \(word) as a value (strings need quotes)")
    }

    private func isDelimiter(_ b: UInt8) -> Bool {
        b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r")
            || b == UInt8(ascii: ",") || b == UInt8(ascii: "]") || b == UInt8(ascii: "}") || b == UInt8(ascii: "#")
    }

    private mutating func basicString() throws(SyntaxError) -> String {
        i += 1 // "
        var out: [UInt8] = []
        while let c = peek() {
            i += 1
            switch c {
            case UInt8(ascii: "\""):
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\n"):
                throw fail("unterminated string")
            case UInt8(ascii: "\\"):
                guard let e = peek() else { throw fail("unterminated string") }
                i += 1
                switch e {
                case UInt8(ascii: "\""): out.append(e)
                case UInt8(ascii: "\\"): out.append(e)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"), UInt8(ascii: "U"):
                    let count = e == UInt8(ascii: "u") ? 4 : 8
                    guard i + count <= bytes.count,
                          let code = UInt32(String(decoding: bytes[i..<(i + count)], as: UTF8.self), radix: 16),
                          let scalar = Unicode.Scalar(code) else { throw fail("invalid \\u escape in a string") }
                    i += count
                    out += Array(String(Character(scalar)).utf8)
                default:
                    throw fail("invalid escape \\\(describe(e)) in a string")
                }
            default:
                out.append(c)
            }
        }
        throw fail("unterminated string")
    }

    private mutating func literalString() throws(SyntaxError) -> String {
        i += 1 // '
        let start = i
        while let c = peek() {
            if c == UInt8(ascii: "'") {
                i += 1
                return String(decoding: bytes[start..<(i - 1)], as: UTF8.self)
            }
            if c == UInt8(ascii: "\n") { break }
            i += 1
        }
        throw fail("unterminated string")
    }

    // MARK: Building the tree

    private func insert(_ item: TOMLItem, into root: inout TOMLTable, at path: [String], keys: [String],
                        line: Int) throws(SyntaxError) {
        let full = path + keys
        try modify(&root, full.dropLast()[...], line: line) { (table: inout TOMLTable) throws(SyntaxError) in
            let name = full.last!
            if let existing = table[name] {
                throw fail("duplicate key \(name) (first on line \(existing.line))", at: line)
            }
            table[name] = item
        }
    }

    private func ensureTable(in root: inout TOMLTable, at keys: [String], line: Int) throws(SyntaxError) {
        try modify(&root, keys[...], line: line) { _ in }
    }

    private func appendTable(to root: inout TOMLTable, at keys: [String], line: Int) throws(SyntaxError) {
        try modify(&root, keys.dropLast()[...], line: line) { (table: inout TOMLTable) throws(SyntaxError) in
            let name = keys.last!
            let element = TOMLItem(.table(TOMLTable(line: line)), line: line)
            try table.update(name, orInsert: TOMLItem(.array([]), line: line)) { (item: inout TOMLItem) throws(SyntaxError) in
                guard item.value.isArrayOfTables, var elements = item.value.takeArray() else {
                    throw fail("\(name) is already a value (line \(item.line)), not an array of tables", at: line)
                }
                elements.append(element)
                item.value = .array(elements)
            }
        }
    }

    /// Walks (creating tables as needed) to the table at `path` and changes it; a
    /// path through an array of tables goes into its last element.
    ///
    /// Each table on the way is moved out of its parent's item while it changes
    /// (`take...`), so that it is never shared and never copied: a document of N
    /// keys is built in O(N), not O(N^2).
    private func modify(_ table: inout TOMLTable, _ path: ArraySlice<String>, line: Int,
                        _ change: (inout TOMLTable) throws(SyntaxError) -> Void) throws(SyntaxError) {
        guard let first = path.first else { return try change(&table) }
        let fresh = TOMLItem(.table(TOMLTable(line: line)), line: line)
        try table.update(first, orInsert: fresh) { (item: inout TOMLItem) throws(SyntaxError) in
            if var sub = item.value.takeTable() {
                defer { item.value = .table(sub) }
                try modify(&sub, path.dropFirst(), line: line, change)
            } else if var items = item.value.takeArray() {
                defer { item.value = .array(items) }
                guard let last = items.indices.last, var sub = items[last].value.takeTable() else {
                    throw fail("\(first) is already a value (line \(item.line)), not a table", at: line)
                }
                defer { items[last].value = .table(sub) }
                try modify(&sub, path.dropFirst(), line: line, change)
            } else {
                throw fail("\(first) is already a value (line \(item.line)), not a table", at: line)
            }
        }
    }

    private func checkDepth(_ depth: Int, at line: Int) throws(SyntaxError) {
        guard depth <= Self.maxDepth else {
            throw fail("nested more than \(Self.maxDepth) levels deep (keys, tables and arrays)", at: line)
        }
    }

    // MARK: Scanning

    private func peek() -> UInt8? { i < bytes.count ? bytes[i] : nil }

    private func matches(_ text: String) -> Bool {
        let t = Array(text.utf8)
        return i + t.count <= bytes.count && Array(bytes[i..<(i + t.count)]) == t
    }

    private mutating func expect(_ c: Character) throws(SyntaxError) {
        guard let b = peek(), b == c.asciiValue! else {
            throw fail("expected \(c), found \(peek().map(describe) ?? "the end of the file")")
        }
        i += 1
    }

    private mutating func skipSpaces() {
        while let b = peek(), b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") { i += 1 }
    }

    private mutating func skipComment() {
        while let b = peek(), b != UInt8(ascii: "\n") { i += 1 }
    }

    /// Spaces, comments and line ends (between statements and inside arrays).
    private mutating func skipBlankAndComments() {
        while let b = peek() {
            if b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") {
                i += 1
            } else if b == UInt8(ascii: "\n") {
                i += 1
                line += 1
            } else if b == UInt8(ascii: "#") {
                skipComment()
            } else {
                return
            }
        }
    }

    private func describe(_ b: UInt8) -> String {
        switch b {
        case UInt8(ascii: "\n"): "a line end"
        case 0x20...0x7E: "'" + String(UnicodeScalar(b)) + "'"
        default: "byte 0x" + String(b, radix: 16)
        }
    }

    private func fail(_ message: String, at line: Int? = nil) -> SyntaxError {
        SyntaxError(line: line ?? self.line, message: message)
    }
}

private extension String {
    /// `1_000` -> `1000`, as TOML numbers allow.
    func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}
