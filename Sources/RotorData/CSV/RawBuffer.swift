/// Growable storage for the parser's hot loops: appends without Array's
/// copy-on-write uniqueness check (a call per append).
struct RawBuffer<Element: BitwiseCopyable>: ~Copyable {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow() }
        base[count] = element
        count += 1
    }

    @inline(__always)
    mutating func removeAll() { count = 0 }

    @inline(__always)
    subscript(index: Int) -> Element { base[index] }

    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    @inline(never)
    private mutating func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.initialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }
}

/// A column-major table of Doubles that grows by rows: each column is contiguous, so
/// reading a column back is sequential however wide the file is.
struct ColumnTable: ~Copyable {
    private(set) var base: UnsafeMutablePointer<Double>
    let columns: Int
    private(set) var rowCapacity: Int
    private(set) var rows = 0

    init(columns: Int, rowCapacity: Int) {
        self.columns = columns
        self.rowCapacity = max(rowCapacity, 16)
        base = .allocate(capacity: max(columns, 1) * self.rowCapacity)
    }

    deinit { base.deallocate() }

    /// Makes room for one more row and returns its index; `commitRow` adds it.
    @inline(__always)
    mutating func reserveRow() -> Int {
        if rows == rowCapacity { grow() }
        return rows
    }

    @inline(__always)
    mutating func commitRow() { rows += 1 }

    @inline(__always)
    func set(row: Int, column: Int, _ value: Double) {
        base[column &* rowCapacity &+ row] = value
    }

    /// The cells of `column`, rows in file order.
    func column(_ column: Int) -> UnsafeBufferPointer<Double> {
        UnsafeBufferPointer(start: base + column * rowCapacity, count: rows)
    }

    @inline(never)
    private mutating func grow() {
        let capacity = rowCapacity * 2
        let larger = UnsafeMutablePointer<Double>.allocate(capacity: max(columns, 1) * capacity)
        for c in 0..<columns {
            (larger + c * capacity).initialize(from: base + c * rowCapacity, count: rows)
        }
        base.deallocate()
        base = larger
        rowCapacity = capacity
    }
}
