/// Records: how many rows since a series was last at least as high (or as low) as
/// it is now (METRICS.md "Records"). A pane turns the count into the date of that
/// row, `largest since 2011-03-02`; a record has no earlier row and no value.
public enum RowsSince {
    /// t - s for the largest s < t with x_s >= x_t; absent on a record high.
    public static func sincehigh(_ x: Series) -> Series { rowsSince(x) { $0 >= $1 } }

    /// t - s for the largest s < t with x_s <= x_t; absent on a record low.
    public static func sincelow(_ x: Series) -> Series { rowsSince(x) { $0 <= $1 } }

    /// The previous row that `reaches` (earlier, now) row t, by a monotonic stack:
    /// a row beaten by a later one can never be the answer for any row after that
    /// later one (the later row is nearer and reaches at least as far), so each row
    /// is pushed and popped at most once and a pass is linear.
    private static func rowsSince(_ x: Series, _ reaches: (Double, Double) -> Bool) -> Series {
        var out = SeriesBuilder(capacity: x.count)
        var stack: [Int] = []
        stack.reserveCapacity(x.count)
        x.values.withUnsafeBufferPointer { v in
            for t in 0..<v.count {
                while let top = stack.last, !reaches(v[top], v[t]) { stack.removeLast() }
                if let s = stack.last { out.append(x.dates[t], Double(t - s)) }
                stack.append(t)
            }
        }
        return out.build()
    }
}
