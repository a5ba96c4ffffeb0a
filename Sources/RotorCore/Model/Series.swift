/// A list of (date, value) pairs with strictly increasing dates and finite values.
///
/// An undefined value is absent, never NaN: kernels that cannot produce a value for
/// a row simply leave the row out. Dates and values are kept in two parallel arrays
/// because every kernel walks them sequentially.
public struct Series: Sendable, Equatable {
    public private(set) var dates: [Day]
    public private(set) var values: [Double]

    public init() { dates = []; values = [] }

    /// Trusts the caller: `dates` strictly increasing, same count as `values`,
    /// values finite. Kernels use this; importers use `init(sorting:)`.
    public init(dates: [Day], values: [Double]) {
        precondition(dates.count == values.count, "dates and values differ in length")
        self.dates = dates
        self.values = values
    }

    /// Builds a series from unordered pairs with distinct dates.
    public init(sorting pairs: [(Day, Double)]) {
        let sorted = pairs.sorted { $0.0 < $1.0 }
        dates = sorted.map(\.0)
        values = sorted.map(\.1)
    }

    public var count: Int { dates.count }
    public var isEmpty: Bool { dates.isEmpty }
    public var first: (date: Day, value: Double)? { isEmpty ? nil : (dates[0], values[0]) }
    public var last: (date: Day, value: Double)? { isEmpty ? nil : (dates[count - 1], values[count - 1]) }

    /// The value on `date`, if the series has that row.
    public func value(on date: Day) -> Double? {
        guard let i = index(of: date) else { return nil }
        return values[i]
    }

    /// Index of `date` (binary search).
    public func index(of date: Day) -> Int? {
        let i = lowerBound(date)
        return i < count && dates[i] == date ? i : nil
    }

    /// First index whose date is >= `date`.
    public func lowerBound(_ date: Day) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if dates[mid] < date { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The last `count` rows on or before `day` (fewer when the series is shorter).
    public func last(_ count: Int, onOrBefore day: Day) -> Series {
        let end = lowerBound(day.adding(days: 1))
        let start = Swift.max(0, end - count)
        guard start < end else { return Series() }
        return Series(dates: Array(dates[start..<end]), values: Array(values[start..<end]))
    }

    /// Rows with `from <= date <= to` (either bound optional).
    public func slice(from: Day? = nil, to: Day? = nil) -> Series {
        let lo = from.map(lowerBound) ?? 0
        let hi = to.map { lowerBound($0.adding(days: 1)) } ?? count
        guard lo < hi else { return Series() }
        return Series(dates: Array(dates[lo..<hi]), values: Array(values[lo..<hi]))
    }

    /// Appends a row after the last one (dates must keep increasing).
    public mutating func append(_ date: Day, _ value: Double) {
        precondition(dates.last.map { $0 < date } ?? true, "dates must increase")
        dates.append(date)
        values.append(value)
    }

    public mutating func reserveCapacity(_ n: Int) {
        dates.reserveCapacity(n)
        values.reserveCapacity(n)
    }
}
