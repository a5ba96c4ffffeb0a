import PostgresNIO
import Testing
@testable import RotorStore

/// The hand-read binary arrays of a packed history, on buffers made here as
/// PostgreSQL sends them (no server needed): what rotor stores is read, anything
/// else (a null, two dimensions, another element type, a short buffer) is refused.
@Suite struct StoredArraysTests {
    /// An `integer[]` or `double precision[]` in the binary format: dimensions,
    /// has-nulls, element type, (length, lower bound) per dimension, then each
    /// element as (byte length, bytes); `nil` is a null.
    func cell(_ oid: UInt32, dimensions: [Int32], elements: [ByteBuffer?], type: PostgresDataType = .int4Array) -> PostgresCell {
        var b = ByteBuffer()
        b.writeInteger(Int32(dimensions.count))
        b.writeInteger(Int32(elements.contains { $0 == nil } ? 1 : 0))
        b.writeInteger(oid)
        for d in dimensions {
            b.writeInteger(d)
            b.writeInteger(Int32(1))
        }
        for e in elements {
            if var e {
                b.writeInteger(Int32(e.readableBytes))
                b.writeBuffer(&e)
            } else {
                b.writeInteger(Int32(-1))
            }
        }
        return PostgresCell(bytes: b, dataType: type, format: .binary, columnName: "days", columnIndex: 3)
    }

    func int4(_ v: Int32) -> ByteBuffer { var b = ByteBuffer(); b.writeInteger(v); return b }
    func float8(_ v: Double) -> ByteBuffer { var b = ByteBuffer(); b.writeInteger(v.bitPattern); return b }

    @Test func whatRotorStoresIsRead() throws {
        #expect(try StoredArrays.days(cell(23, dimensions: [3], elements: [int4(20_000), int4(20_001), int4(-5)])) == [20_000, 20_001, -5])
        #expect(try StoredArrays.closes(cell(701, dimensions: [2], elements: [float8(5000.25), float8(-0.5)], type: .float8Array))
                == [5000.25, -0.5])
        #expect(try StoredArrays.closes(cell(701, dimensions: [1], elements: [float8(.nan)], type: .float8Array)).first?.isNaN == true)
        #expect(try StoredArrays.days(cell(23, dimensions: [], elements: [])) == [])
    }

    @Test func anythingElseIsRefused() {
        let refused: [PostgresCell] = [
            cell(23, dimensions: [2], elements: [int4(1), nil]),               // a null
            cell(23, dimensions: [1, 1], elements: [int4(1)]),                 // two dimensions
            cell(20, dimensions: [1], elements: [float8(1)]),                  // bigint, not integer
            cell(23, dimensions: [3], elements: [int4(1), int4(2)]),           // shorter than it says
            PostgresCell(bytes: nil, dataType: .int4Array, format: .binary, columnName: "days", columnIndex: 3),
        ]
        for c in refused {
            #expect(throws: StoreError.self) { try StoredArrays.days(c) }
        }
        #expect(throws: StoreError.self) { try StoredArrays.closes(cell(23, dimensions: [1], elements: [int4(1)])) }
    }
}
