import PostgresNIO

/// A history's two arrays (`integer[]` days, `double precision[]` closes) read from
/// PostgreSQL's binary array format by hand. PostgresNIO's `[Int32]` and `[Double]`
/// decoding goes through generic metadata for every element: with a 2000-member
/// universe (a million bars) that was about 40 % of a dashboard's first read. The
/// format: dimensions, a has-nulls flag, the element type; per dimension its length
/// and lower bound; then per element its byte length and its big-endian bytes.
/// A cell in text format (never asked for by PostgresNIO) falls back to its decoder.
enum StoredArrays {
    static func days(_ cell: PostgresCell) throws -> [Int32] {
        guard cell.format == .binary else { return try cell.decode([Int32].self) }
        return try elements(cell, of: .int4, width: 4) { $0.readInteger(as: Int32.self) }
    }

    static func closes(_ cell: PostgresCell) throws -> [Double] {
        guard cell.format == .binary else { return try cell.decode([Double].self) }
        return try elements(cell, of: .float8, width: 8) { $0.readInteger(as: UInt64.self).map(Double.init(bitPattern:)) }
    }

    /// The elements of a one-dimensional array of `type` without nulls (what the
    /// schema's `array_agg` of NOT NULL columns makes); anything else is refused.
    private static func elements<T>(_ cell: PostgresCell, of type: PostgresDataType, width: Int32,
                                    _ read: (inout ByteBuffer) -> T?) throws -> [T] {
        let refused = StoreError("column \(cell.columnName): not an array of \(type) as rotor stores it")
        guard var buffer = cell.bytes, let dimensions = buffer.readInteger(as: Int32.self),
              buffer.readInteger(as: Int32.self) != nil, let element = buffer.readInteger(as: UInt32.self) else { throw refused }
        if dimensions == 0 { return [] }
        guard dimensions == 1, element == type.rawValue, let count = buffer.readInteger(as: Int32.self), count >= 0,
              buffer.readInteger(as: Int32.self) != nil, buffer.readableBytes == Int(count) * Int(4 + width) else { throw refused }
        var out: [T] = []
        out.reserveCapacity(Int(count))
        for _ in 0..<count {
            // A null's length is -1: refused with anything but the element's width.
            guard buffer.readInteger(as: Int32.self) == width, let value = read(&buffer) else { throw refused }
            out.append(value)
        }
        return out
    }
}
