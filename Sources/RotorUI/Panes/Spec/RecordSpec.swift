public import RotorCore

/// Records context for a reading (METRICS.md "Records"): beside an extreme reading
/// the pane says how far back it reaches, from the whole history, not the lookback:
/// `largest since 2011-03-02`, `lowest since 2020-03-18`, `record`.
///
/// When it is shown: only while the reading is the highest (or lowest) of at least
/// `minimumRows` rows of its own series, 252 by default (a year of sessions). Inside a
/// year the pane's `z 1y` and `pct 1y` already say how extreme a reading is; beyond a
/// year they stop telling (a reading the highest of its year has `pct 1y` 100 whether
/// it is the highest in 13 months or in 13 years) and only the record says how far
/// back it reaches. So the pane is quiet on ordinary days and speaks when it matters.
///
/// Which side counts, by `sides`: a spread or a premium by its sign (a positive one is
/// measured against the earlier highs with `sincehigh`, a negative one against the
/// earlier lows with `sincelow`: a +50 bp spread that happens to be the lowest of its
/// year is not an extreme reading); a level such as % above the 50-day either way; MI
/// only upward (dependence at a high is the news, at a low it is the estimator's floor).
///
/// The date is that of the last row at least as high (or as low) as the reading: a
/// tie counts as reached, so a reading equal to an earlier one is "largest since" that
/// row, never a record. A record (no earlier row reaches it) is shown once the series
/// has `minimumRows` rows before it, so a new series is not full of records.
public struct RecordSpec: Sendable {
    public enum Sides: Sendable, Equatable {
        /// Against the earlier highs only.
        case high
        /// Against the earlier lows only.
        case low
        /// Whichever side the reading reaches `minimumRows` on.
        case both
        /// A positive reading against the highs, a negative one against the lows, zero neither.
        case bySign
    }

    /// The words of one side, longest form first; a narrow pane tries the shorter
    /// ones, then shows none.
    public struct Words: Sendable, Equatable {
        /// Before the date: `largest since`.
        public var since: String
        /// Its short form: `max since` (then `max since 2011`, the year alone).
        public var short: String
        /// A record: `record`, `record low`.
        public var record: String

        public init(since: String, short: String, record: String) {
            self.since = since
            self.short = short
            self.record = record
        }

        /// A spread at its highs: `largest since 2011-03-02`, `record`.
        public static let largest = Words(since: "largest since", short: "max since", record: "record")
        /// A level at its highs: `highest since 2021-01-08`, `record high`.
        public static let highest = Words(since: "highest since", short: "max since", record: "record high")
        /// At its lows: `lowest since 2020-03-18`, `record low`.
        public static let lowest = Words(since: "lowest since", short: "min since", record: "record low")
    }

    public enum Side: Sendable, Equatable {
        case high
        case low
    }

    /// A year of sessions: the window of the panes' `z 1y` and `pct 1y`.
    public static let defaultMinimumRows = 252

    public var sides: Sides
    public var high: Words
    public var low: Words
    /// The fewest rows the reading must reach back (or, for a record, the history
    /// before it must hold) for the note to show.
    public var minimumRows: Int

    public init(_ sides: Sides, high: Words = .highest, low: Words = .lowest, minimumRows: Int = defaultMinimumRows) {
        self.sides = sides
        self.high = high
        self.low = low
        self.minimumRows = minimumRows
    }

    /// The expression that counts the rows back on `side`: `sincehigh(x)`, `sincelow(x)`.
    public static func expression(_ side: Side, of x: String) -> String {
        side == .high ? "sincehigh(\(x))" : "sincelow(\(x))"
    }

    /// The sides it may read for an expression, in the order it tries them.
    var candidateSides: [Side] {
        switch sides {
        case .high: [.high]
        case .low: [.low]
        case .both, .bySign: [.high, .low]
        }
    }

    /// The expressions it reads for `x`: each is part of the pane's expressions, so
    /// `rotor export --pane` prints the counts the dates come from.
    func expressions(of x: String) -> [String] { candidateSides.map { Self.expression($0, of: x) } }

    func words(_ side: Side) -> Words { side == .high ? high : low }

    /// The columns its widest note takes: the words and a date, or a record's words.
    var room: Int {
        candidateSides.map { side in
            let w = words(side)
            return max(DisplayWidth.of(w.since) + 1 + DisplayWidth.of("2000-01-01"), DisplayWidth.of(w.record))
        }.max() ?? 0
    }
}

/// The records context of one reading on its date: what the pane writes beside it.
public struct RecordNote: Sendable, Equatable {
    public var side: RecordSpec.Side
    /// The date of the last row at least as high (as low) as the reading; nil for a record.
    public var since: Day?
    /// The rows back to that row (the `sincehigh`/`sincelow` value), or for a record
    /// the rows of the history before the reading.
    public var rows: Int
    /// The expression counted: `sincehigh(spread(RTY,ES,10))`.
    public var expression: String
    /// Its words, longest first: `largest since 2011-03-02`, `max since 2011-03-02`,
    /// `max since 2011`; a record has one form.
    public var forms: [String]

    public var isRecord: Bool { since == nil }
}

extension RecordSpec {
    /// The note for the reading of `x` on the reader's date: x's own last row on or
    /// before it, the count of its side on that same row turned into the date of the
    /// row that many rows back in x (METRICS.md), if it reaches `minimumRows`.
    func note(_ x: String, _ reader: PaneReader) -> RecordNote? {
        guard let series = reader.model.series[x], !series.isEmpty else { return nil }
        // x's row on the as-of date: the last one on or before it.
        let t = series.lowerBound(reader.asOf.adding(days: 1)) - 1
        guard t >= 0 else { return nil }
        let date = series.dates[t], value = series.values[t]
        let sides: [Side] = switch self.sides {
        case .bySign: value > 0 ? [.high] : value < 0 ? [.low] : []
        default: candidateSides
        }
        for side in sides {
            let counted = Self.expression(side, of: x)
            // The count on x's own row: no row there is a record (nothing earlier
            // reaches it), unless the count's series is missing altogether.
            guard let counts = reader.model.series[counted] else { continue }
            let words = words(side)
            if let k = counts.value(on: date).map({ Int($0) }) {
                guard k >= minimumRows, k <= t else { continue }
                let since = series.dates[t - k]
                let year = String(since.components.year)
                return RecordNote(side: side, since: since, rows: k, expression: counted,
                                  forms: ["\(words.since) \(since.iso)", "\(words.short) \(since.iso)", "\(words.short) \(year)"])
            } else if t >= minimumRows {
                return RecordNote(side: side, since: nil, rows: t, expression: counted, forms: [words.record])
            }
        }
        return nil
    }
}
