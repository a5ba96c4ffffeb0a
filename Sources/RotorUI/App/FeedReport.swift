/// What the data layer says about its feeds, in the words the screen shows: the
/// status bar's summary, the feeds overlay (`f`), and for each symbol whose feed is
/// stale or failing, why (the pane using it turns to the warning style and says so).
public struct FeedReport: Sendable, Equatable {
    /// `feeds ok 16/16`, `replay 16 symbols, @universe`.
    public var summary: String
    /// One line per feed: name, state, last success, last error and since when.
    public var lines: [String]
    /// Symbol (or `@universe`) -> "HTTP 429 rate limited since 14:02:11".
    public var problems: [String: String]
    /// A load in progress, such as a universe: "@universe loading 120/500".
    public var progress: [String]

    public init(summary: String, lines: [String] = [], problems: [String: String] = [:], progress: [String] = []) {
        self.summary = summary
        self.lines = lines
        self.problems = problems
        self.progress = progress
    }

    /// The symbols and universes an expression names.
    public static func names(in expression: String) -> Set<String> {
        var names = Set<String>()
        var current = ""
        for c in expression {
            if c.isLetter || c.isNumber || c == "." || c == "_" || c == "-" || c == "@" {
                current.append(c)
            } else {
                if !current.isEmpty { names.insert(current) }
                current = ""
            }
        }
        if !current.isEmpty { names.insert(current) }
        return names
    }

    /// The problems of the feeds behind these expressions, one line each.
    func problems(for expressions: [String]) -> [String] {
        guard !problems.isEmpty else { return [] }
        let used = expressions.reduce(into: Set<String>()) { $0.formUnion(FeedReport.names(in: $1)) }
        return problems.keys.sorted().filter(used.contains).map { "\($0): \(problems[$0]!)" }
    }
}
