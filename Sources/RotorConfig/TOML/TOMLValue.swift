/// A parsed TOML document, with the line every value came from, so that a config
/// error can point at the line the user has to change.
public indirect enum TOMLValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case float(Double)
    case bool(Bool)
    case array([TOMLItem])
    case table(TOMLTable)

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
}
