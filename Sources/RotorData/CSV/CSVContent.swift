public import RotorCore

/// What one CSV file holds.
public enum CSVContent: Sendable, Equatable {
    /// One series: an OHLC file's close (or adjusted close), or the single value column.
    case series(Series)
    /// One series per member column, in header order (members without any value are
    /// left out).
    case wide([(name: String, series: Series)])

    public static func == (a: CSVContent, b: CSVContent) -> Bool {
        switch (a, b) {
        case let (.series(x), .series(y)):
            return x == y
        case let (.wide(x), .wide(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.name == $1.name && $0.series == $1.series }
        default:
            return false
        }
    }
}
