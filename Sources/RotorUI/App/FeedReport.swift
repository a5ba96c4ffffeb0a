import RotorCore

/// What the data layer says about its feeds, in the words the screen shows: the
/// status bar's summary, the feeds overlay (`f`), and for each symbol whose feed is
/// stale or failing, why (the pane using it turns to the warning style and says so).
public struct FeedReport: Sendable, Equatable {
    /// `feeds ok 16/16`, `replay 17 symbols, @universe`.
    public var summary: String
    /// One line per feed: name, state, last success, last error and since when.
    public var lines: [String]
    /// Symbol (or `@universe`) -> "HTTP 429 rate limited since 14:02:11".
    public var problems: [String: String]
    /// Loads in progress by symbol or universe: "@universe" -> "loading 120/500".
    public var progress: [String: String]
    /// A problem behind every feed at once (the shared store lost, its collector
    /// silent): said once in every pane that reads a feed, before the feeds' own.
    public var sharedProblem: String?

    public init(summary: String, lines: [String] = [], problems: [String: String] = [:], progress: [String: String] = [:]) {
        self.summary = summary
        self.lines = lines
        self.problems = problems
        self.progress = progress
    }

    /// The problems of the feeds behind these expressions, one line each.
    func problems(for expressions: [String]) -> [String] {
        let own = lines(problems, for: expressions, separator: ": ")
        guard let sharedProblem, !expressions.isEmpty else { return own }
        return [sharedProblem] + own
    }

    /// The loads in progress behind these expressions.
    func progress(for expressions: [String]) -> [String] {
        lines(progress, for: expressions, separator: " ")
    }

    private func lines(_ notes: [String: String], for expressions: [String], separator: String) -> [String] {
        guard !notes.isEmpty else { return [] }
        let used = expressions.reduce(into: Set<String>()) { $0.formUnion((try? Parser.parse($1).names) ?? []) }
        return notes.keys.sorted().filter(used.contains).map { $0 + separator + notes[$0]! }
    }
}
