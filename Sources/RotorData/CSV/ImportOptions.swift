/// How CSV files are read into series.
public struct ImportOptions: Sendable, Equatable {
    /// Take an OHLC file's `Adj Close` column instead of `Close` when the file has one.
    public var preferAdjustedClose: Bool

    public init(preferAdjustedClose: Bool = false) {
        self.preferAdjustedClose = preferAdjustedClose
    }
}
