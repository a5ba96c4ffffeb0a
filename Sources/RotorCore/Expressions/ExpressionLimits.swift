/// The bounds every expression is held to (METRICS.md "Limits (added)"), in one
/// place so that the parser, the evaluator, the kernels and the docs agree.
///
/// They exist so that no text can make rotor allocate without bound, recurse off
/// the end of its stack or take time out of proportion to its length: a window of
/// 100,000 rows is about 400 years of daily bars, a 64 x 64 histogram is already
/// far finer than a 100,000-row window can fill, and 64 levels of nesting is
/// several times what any pane uses (they nest at most 4 deep).
public enum ExpressionLimits {
    /// The largest window `n` or `span` (rows).
    public static let maxWindow = 100_000
    /// The most `bins` per variable in `mi`.
    public static let maxBins = 64
    /// The fewest `bins` in `mi`: one bin has no information to measure.
    public static let minBins = 2
    /// The most series in `avgcorr`: 32 series are 496 pairs, each a rolling
    /// correlation over the joined rows, so the cost (k^2 / 2 passes) stays within a
    /// few times a pane's; baskets in the research have 7 to 10 names.
    public static let maxCorrelationSeries = 32
    /// The deepest nesting of calls: `ret(ES)` is 1 deep, `sma(ret(ES),5)` 2.
    public static let maxDepth = 64
}
