/// A running sum with error compensation (Knuth's branch-free TwoSum, so that
/// data-dependent branches do not stall the rolling kernels' inner loops).
///
/// Rolling kernels add a value when it enters the window and add its negation when
/// it leaves. Because the removed term is bit-for-bit the term that was added, the
/// compensated total stays within a few ulps of the exact sum of what is in the
/// window, however large the values that have passed through it.
struct CompensatedSum {
    private var sum = 0.0
    private var compensation = 0.0

    @inline(__always) mutating func add(_ x: Double) {
        let t = sum + x
        let virtualX = t - sum
        compensation += (sum - (t - virtualX)) + (x - virtualX)
        sum = t
    }

    var value: Double { sum + compensation }

    /// The compensated sum of `values[range] - shift`.
    static func of(_ values: UnsafeBufferPointer<Double>, _ range: Range<Int>, minus shift: Double = 0) -> Double {
        var s = CompensatedSum()
        for i in range {
            let d = values[i] - shift
            s.add(d)
        }
        return s.value
    }
}
