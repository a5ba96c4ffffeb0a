/// A parsed TOML document, with the line every value came from, so that a config
/// error can point at the line the user has to change.
public indirect enum TOMLValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case float(Double)
    case bool(Bool)
    case array([TOMLItem])
    case table(TOMLTable)

    /// Moves the table out, leaving a placeholder, so that the caller holds the
    /// only reference and can change it without a copy; nil (and no change) when
    /// this is not a table.
    mutating func takeTable() -> TOMLTable? {
        guard case let .table(t) = self else { return nil }
        self = .bool(false)
        return t
    }

    /// The same for an array.
    mutating func takeArray() -> [TOMLItem]? {
        guard case let .array(a) = self else { return nil }
        self = .bool(false)
        return a
    }

    /// An array of tables (what `[[name]]` appends to): empty, or a table first and
    /// last. Only the ends are looked at, so that appending N tables costs O(N), not
    /// O(N^2); an array written with `= [...]` has other values at its ends.
    var isArrayOfTables: Bool {
        guard case let .array(items) = self else { return false }
        func isTable(_ item: TOMLItem?) -> Bool { if case .table? = item?.value { true } else { false } }
        return items.isEmpty || (isTable(items.first) && isTable(items.last))
    }

    /// The type's name as an error message says it.
    public var typeName: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a number"
        case .bool: "true or false"
        case .array: "an array"
        case .table: "a table"
        }
    }
}

/// A value and the (1-based) line it starts on.
public struct TOMLItem: Sendable, Equatable {
    public var value: TOMLValue
    public var line: Int

    public init(_ value: TOMLValue, line: Int) {
        self.value = value
        self.line = line
    }
}

/// A table's keys in the order they were written.
public struct TOMLTable: Sendable, Equatable {
    public private(set) var keys: [String] = []
    private var items: [String: TOMLItem] = [:]
    /// The line of the table's header (`[roles]`), 0 for the document itself.
    public var line: Int

    public init(line: Int = 0) { self.line = line }

    public subscript(key: String) -> TOMLItem? {
        get { items[key] }
        set {
            if items[key] == nil, newValue != nil { keys.append(key) }
            if newValue == nil { keys.removeAll { $0 == key } }
            items[key] = newValue
        }
    }

    public var isEmpty: Bool { keys.isEmpty }

    /// Changes the item at `key` in place, adding `fresh` first when there is none
    /// (the parser builds documents with this, so no table is copied per key).
    mutating func update<E: Error>(_ key: String, orInsert fresh: @autoclosure () -> TOMLItem,
                                   _ change: (inout TOMLItem) throws(E) -> Void) throws(E) {
        if items[key] == nil {
            keys.append(key)
            items[key] = fresh()
        }
        try change(&items[key]!)
    }
}
