/// Rows shared by several series: the inner join on date.
///
/// `columns[k][i]` is series k's value on `dates[i]`. pandas:
/// `pd.concat([a, b, ...], axis=1, join="inner")`.
public struct JoinedRows: Sendable {
    public var dates: [Day]
    public var columns: [[Double]]
}

public enum DateAlignment {
    /// Inner join on date; each input is walked once (sorted merge).
    public static func innerJoin(_ series: [Series]) -> JoinedRows {
        guard let first = series.first else { return JoinedRows(dates: [], columns: []) }
        if series.count == 1 { return JoinedRows(dates: first.dates, columns: [first.values]) }
        // Fast path: identical date vectors (the common case for one data source).
        if series.dropFirst().allSatisfy({ $0.dates == first.dates }) {
            return JoinedRows(dates: first.dates, columns: series.map(\.values))
        }
        var cursors = Array(repeating: 0, count: series.count)
        var dates: [Day] = []
        var columns = Array(repeating: [Double](), count: series.count)
        let capacity = series.map(\.count).min() ?? 0
        dates.reserveCapacity(capacity)
        for k in columns.indices { columns[k].reserveCapacity(capacity) }
        outer: while true {
            // The candidate date is the largest current date; advance everyone to it.
            var candidate = Day(ordinal: Int32.min)
            for k in series.indices {
                guard cursors[k] < series[k].count else { break outer }
                candidate = max(candidate, series[k].dates[cursors[k]])
            }
            var allMatch = true
            for k in series.indices {
                let s = series[k]
                while cursors[k] < s.count, s.dates[cursors[k]] < candidate { cursors[k] += 1 }
                guard cursors[k] < s.count else { break outer }
                if s.dates[cursors[k]] != candidate { allMatch = false }
            }
            if allMatch {
                dates.append(candidate)
                for k in series.indices {
                    columns[k].append(series[k].values[cursors[k]])
                    cursors[k] += 1
                }
            }
        }
        return JoinedRows(dates: dates, columns: columns)
    }

    /// Sorted union of several sorted date vectors, merged pairwise: linear in the
    /// total when the lists are mostly the same dates (a universe's members).
    public static func unionDates(_ dateLists: [[Day]]) -> [Day] {
        var union: [Day] = []
        for list in dateLists where list != union {
            var merged: [Day] = []
            merged.reserveCapacity(max(union.count, list.count))
            var i = 0, j = 0
            while i < union.count || j < list.count {
                if j == list.count || (i < union.count && union[i] < list[j]) {
                    merged.append(union[i]); i += 1
                } else if i == union.count || list[j] < union[i] {
                    merged.append(list[j]); j += 1
                } else {
                    merged.append(union[i]); i += 1; j += 1
                }
            }
            union = merged
        }
        return union
    }

    /// For each of `dates` (sorted, a subset of `union`), its index in `union`.
    public static func positions(of dates: [Day], in union: [Day]) -> [Int] {
        var out = [Int](repeating: 0, count: dates.count)
        var j = 0
        for (i, d) in dates.enumerated() {
            while union[j] < d { j += 1 }
            out[i] = j
        }
        return out
    }
}

/// Builds a series from candidate values, dropping non-finite ones: an undefined
/// value (a division by zero, the log of a negative) is absent, never inf or NaN.
struct SeriesBuilder {
    private var dates: [Day] = []
    private var values: [Double] = []

    init(capacity: Int) {
        dates.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    @inline(__always) mutating func append(_ date: Day, _ value: Double) {
        guard value.isFinite else { return }
        dates.append(date)
        values.append(value)
    }

    func build() -> Series { Series(dates: dates, values: values) }
}

/// The sorted union of several sorted date lists, with the position of any of their
/// dates in it: a universe's calendar. Dates are marked in a table indexed by day
/// (a few thousand entries for decades of data), so building it costs one store per
/// member row and a lookup is one load, with no comparisons of dates.
struct DayIndex: Sendable {
    let union: [Day]
    private let base: Int
    private let slots: [Int]

    init(_ dateLists: [[Day]]) {
        let low = dateLists.compactMap(\.first).min(), high = dateLists.compactMap(\.last).max()
        guard let low, let high, Int(high.ordinal) - Int(low.ordinal) < 10_000_000 else {
            // Empty, or dates spread over millennia: merge, and look up by search.
            union = DateAlignment.unionDates(dateLists)
            base = 0
            slots = []
            return
        }
        base = Int(low.ordinal)
        var slots = [Int](repeating: -1, count: Int(high.ordinal) - base + 1)
        for list in dateLists {
            for d in list { slots[Int(d.ordinal) - base] = 0 }
        }
        var union: [Day] = []
        for i in slots.indices where slots[i] == 0 {
            slots[i] = union.count
            union.append(Day(ordinal: Int32(base + i)))
        }
        self.union = union
        self.slots = slots
    }

    /// Position of `day` (one of the lists' dates) in `union`.
    subscript(day: Day) -> Int {
        if !slots.isEmpty { return slots[Int(day.ordinal) - base] }
        var lo = 0, hi = union.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if union[mid] < day { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
