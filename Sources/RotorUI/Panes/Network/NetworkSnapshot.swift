public import RotorCore

/// The network on one date: each pair's correlation, its change over 20 rows, its
/// MI and that MI's percentile, each with the expression it is the value of, so a
/// test sets every cell and list entry against `rotor export`.
public struct NetworkSnapshot: Sendable {
    /// One number of a pair as the pane writes it.
    public struct Value: Sendable, Equatable {
        /// The expression it is the value of, or (a change) the change of over
        /// `changeRows` of its own rows: x_t - x_{t-20}.
        public let expression: String
        public let isChange: Bool
        public let value: Double?
        public let format: NumberFormatKind

        /// The number as shown, `–` while its window is not yet full.
        public var text: String { value.map(format.format) ?? NumberFormatKind.absent }
    }

    /// Everything the pane shows of one pair.
    public struct Entry: Sendable, Equatable {
        public let pair: NetworkPane.Pair
        public let correlation: Value
        public let change: Value
        public let mutualInformation: Value
        public let percentile: Value

        /// `RTY-ZN +0.45 (+0.30 in 20d)`, the name padded to `nameWidth`.
        public func line(nameWidth: Int = 0) -> String {
            let name = pair.name.padding(toLength: max(nameWidth, pair.name.count), withPad: " ", startingAt: 0)
            return "\(name) \(correlation.text) (\(change.text) in \(NetworkPane.changeRows)d)"
        }
    }

    public let symbols: [String]
    /// One per pair, in `NetworkPane.pairs` order.
    public let entries: [Entry]
    /// The graph's edge threshold on |corr|.
    public let edge: Double
    public let asOf: Day

    /// The correlations' and MI's formats: `+0.45`, `0.41` (nats), a percentile `97`.
    public static let correlationFormat = NumberFormatKind.signed(2)
    public static let informationFormat = NumberFormatKind.decimals(2)
    public static let percentileFormat = NumberFormatKind.decimals(0)

    public init(_ reader: PaneReader, roles: Roles, edge: Double) {
        symbols = roles.network.symbols
        self.edge = edge
        asOf = reader.asOf
        entries = NetworkPane.pairs(roles).map { pair in
            Entry(pair: pair,
                  correlation: Value(expression: pair.correlation, isChange: false, value: reader.value(pair.correlation),
                                     format: Self.correlationFormat),
                  change: Value(expression: pair.correlation, isChange: true,
                                value: reader.change(pair.correlation, rows: NetworkPane.changeRows),
                                format: Self.correlationFormat),
                  mutualInformation: Value(expression: pair.mutualInformation, isChange: false,
                                           value: reader.value(pair.mutualInformation), format: Self.informationFormat),
                  percentile: Value(expression: pair.percentile, isChange: false, value: reader.value(pair.percentile),
                                    format: Self.percentileFormat))
        }
    }

    /// The entry of symbols `a` and `b` (either order; nil on the diagonal).
    public func entry(_ a: Int, _ b: Int) -> Entry? {
        guard a != b else { return nil }
        let (i, j) = (min(a, b), max(a, b))
        // Pairs run row by row over the upper triangle.
        let n = symbols.count
        let index = i * (2 * n - i - 1) / 2 + (j - i - 1)
        return entries.indices.contains(index) ? entries[index] : nil
    }

    /// The graph's edges: every pair whose |corr| is at least the threshold,
    /// strongest first (ties in matrix order).
    public var edges: [Entry] {
        entries.filter { e in e.correlation.value.map { abs($0) >= edge } ?? false }
            .sorted(by: Self.descending(\.correlation))
    }

    /// The pairs whose correlation moved most over 20 rows, either way, largest first.
    public var largestChanges: [Entry] {
        entries.filter { $0.change.value != nil }.sorted(by: Self.descending(\.change))
    }

    /// The pairs whose MI is highest in its own year (ties by the MI itself).
    public var highestInformation: [Entry] {
        entries.filter { $0.percentile.value != nil }.sorted { a, b in
            let (pa, pb) = (a.percentile.value!, b.percentile.value!)
            if pa != pb { return pa > pb }
            return (a.mutualInformation.value ?? 0) > (b.mutualInformation.value ?? 0)
        }
    }

    /// The widest pair name, for aligned lists.
    public var nameWidth: Int { entries.map(\.pair.name.count).max() ?? 0 }

    /// By |value| descending; a stable order for ties (Swift's sort is not stable).
    static func descending(_ key: KeyPath<Entry, Value>) -> (Entry, Entry) -> Bool {
        { a, b in
            let (x, y) = (abs(a[keyPath: key].value ?? 0), abs(b[keyPath: key].value ?? 0))
            if x != y { return x > y }
            return (a.pair.i, a.pair.j) < (b.pair.i, b.pair.j)
        }
    }
}
