public import RotorCore

/// A pane as a value: its name and title, what it reads and how it shows it. The
/// built-in panes are declarations of this type (one file each, listed in
/// `PaneRegistry`); a config's `[[panes]]` become the same type, so a user's pane
/// behaves exactly like a built-in one. `PaneView` draws any of them.
public struct PaneSpec: Sendable {
    /// The stable name `[[pages]]` and `rotor export --pane` use: `rotation`, `zn`.
    public var name: String
    /// The title on the pane's border.
    public var title: String
    /// What the pane shows; most panes have one view, a pane with several (the vol
    /// pairs) cycles them with the `next_view` key.
    public var views: [View]
    /// What the views are, in the help's words ("implied/realized pair").
    public var viewsName: String?
    /// Flag rows, each shown while its condition holds on the as-of date.
    public var flags: [FlagSpec]
    /// Rows under the readings (a sparkline): the first to go in a small pane.
    public var rows: [RowSpec]
    public var table: TableSpec?
    /// Read but not shown directly (a table's cells, a chart band's source).
    public var extraExpressions: [String]

    public init(name: String, title: String, views: [View], viewsName: String? = nil, flags: [FlagSpec] = [],
                rows: [RowSpec] = [], table: TableSpec? = nil, extraExpressions: [String] = []) {
        self.name = name
        self.title = title
        self.views = views.isEmpty ? [View()] : views
        self.viewsName = viewsName
        self.flags = flags
        self.rows = rows
        self.table = table
        self.extraExpressions = extraExpressions
    }

    /// One arrangement of a pane's readings and chart.
    public struct View: Sendable {
        /// The headline readings: the first row of them survives the smallest pane.
        public var readings: [ReadingSpec]
        /// More readings, shown only when the pane is zoomed.
        public var detail: [ReadingSpec]
        public var chart: ChartSpec?
        /// A drawing of its own (the network pane's matrix and graph) in the rows the
        /// readings and table leave, instead of a chart.
        public var body: BodySpec?

        public init(readings: [ReadingSpec] = [], detail: [ReadingSpec] = [], chart: ChartSpec? = nil,
                    body: BodySpec? = nil) {
            self.readings = readings
            self.detail = detail
            self.chart = chart
            self.body = body
        }

        var expressions: [String] {
            (readings + detail).flatMap(\.expressions) + (chart?.expressions ?? []) + (body?.expressions ?? [])
        }
    }

    /// The view a view index selects, wrapped to the views (the key just counts up).
    public func view(_ index: Int) -> View { views[((index % views.count) + views.count) % views.count] }

    /// Every expression the pane reads, each once, in the order it shows them: the
    /// model evaluates these, `rotor export --pane` prints them, and a missing symbol
    /// or failing feed behind any of them marks the pane.
    public var expressions: [String] {
        var seen = Set<String>()
        let all = views.flatMap(\.expressions) + flags.flatMap(\.expressions) + rows.flatMap(\.expressions)
            + (table?.expressions ?? []) + extraExpressions
        return all.filter { seen.insert($0).inserted }
    }
}

/// A labelled number: `20d +2.32%`.
public struct ReadingSpec: Sendable {
    public enum Source: Sendable {
        /// The expression's value on the as-of date.
        case expression(String)
        /// The expression's change over its own last `rows` rows (x_t - x_{t-rows}):
        /// a move in a level such as a yield, which the language's `chg` (a ratio)
        /// does not give.
        case change(String, rows: Int)

        public var expression: String? {
            if case let .expression(e) = self { return e }
            return nil
        }

        var reads: String {
            switch self {
            case let .expression(e), let .change(e, _): e
            }
        }
    }

    public var label: String
    public var source: Source
    public var format: NumberFormatKind
    /// What the value is multiplied by for display (100: percent to bp).
    public var scale: Double
    /// A style for the number while a condition on its (unscaled) value holds.
    public var emphasis: (when: Condition.Comparison, bound: Double, style: Style)?
    /// Kept on one line with the reading before it when the two fit (see `joined`).
    public var joinsPrevious = false
    /// Records context beside it while it is extreme (see `record`).
    public var record: RecordSpec?

    public init(_ label: String, _ expression: String, _ format: NumberFormatKind, scale: Double = 1,
                emphasis: (when: Condition.Comparison, bound: Double, style: Style)? = nil) {
        self.init(label, source: .expression(expression), format, scale: scale, emphasis: emphasis)
    }

    public init(_ label: String, source: Source, _ format: NumberFormatKind, scale: Double = 1,
                emphasis: (when: Condition.Comparison, bound: Double, style: Style)? = nil) {
        self.label = label
        self.source = source
        self.format = format
        self.scale = scale
        self.emphasis = emphasis
    }

    /// This reading kept on one line with the one before it, when they fit a line:
    /// a change whose label names only its window (`20d` of the curve before it).
    public func joined() -> ReadingSpec {
        var spec = self
        spec.joinsPrevious = true
        return spec
    }

    /// This reading with its records context: beside it, while it is the highest (or
    /// lowest, as `sides` says) of at least a year of its own rows, `largest since
    /// 2011-03-02` or `record`, from the whole history (see `RecordSpec`). Only for a
    /// reading of an expression's value.
    public func record(_ sides: RecordSpec.Sides, high: RecordSpec.Words = .highest,
                       low: RecordSpec.Words = .lowest) -> ReadingSpec {
        var spec = self
        spec.record = RecordSpec(sides, high: high, low: low)
        return spec
    }

    /// What it reads: its expression, and the counts of its records context.
    var expressions: [String] {
        guard let e = source.expression else { return [] }
        return [e] + (record?.expressions(of: e) ?? [])
    }
}

/// A flag: words raised while the pane's data says so. In its pane it is a flag row
/// (kept before every other row, fitted to the width); raised (`warn` or `alert`), it
/// is also named in the status bar's alert strip, on every page and under zoom.
public struct FlagSpec: Sendable {
    /// The expressions it reads (the model evaluates them with the pane's).
    public var reads: [String]
    /// The flag on the reader's date, if it is up: its pane fields are filled in by
    /// `PaneSpec.activeFlags`.
    public var raise: @Sendable (PaneReader) -> ActiveFlag?
    /// The comparison of a `when` flag: the dates it held can be read off one
    /// window (the chart's flag marks) instead of asking `raise` on each.
    public var condition: Condition?
    /// The stable names of the alerts it raises (`rotation-extreme`; breadth's one
    /// flag raises three): each `ActiveFlag` it returns carries one in `alert`.
    public var alerts: [String] = []
    /// How its alert fires: on the row it goes up, or (a state: the curve regime)
    /// on every row its words change.
    public var alertKind: AlertKind = .raised
    /// What an alert of it reports as its value: the expression the flag tests
    /// (or the one `alert(_:_:expression:)` names).
    public var alertExpression: String? { namedAlertExpression ?? condition?.expression ?? reads.first }
    var namedAlertExpression: String?
    /// What its alert tests, in words, for a flag whose test is no single condition
    /// (the squeeze risk's two on one joined row); nil: from `condition` or its words.
    public var conditionWords: String?

    public enum AlertKind: Sendable, Equatable {
        case raised
        case wordsChange
    }

    public init(reads: [String], condition: Condition? = nil, _ raise: @escaping @Sendable (PaneReader) -> ActiveFlag?) {
        self.reads = reads
        self.condition = condition
        self.raise = raise
    }

    /// The same flag raising the alert `name` (its flags carry it unless they name
    /// their own, as breadth's do), firing as `kind` says.
    public func alert(_ name: String, _ kind: AlertKind = .raised, expression: String? = nil) -> FlagSpec {
        var spec = alerts([name], kind)
        spec.namedAlertExpression = expression
        return spec
    }

    /// The same flag, its raised flags naming one of `names` (the first unless a
    /// flag names its own).
    public func alerts(_ names: [String], _ kind: AlertKind = .raised) -> FlagSpec {
        var spec = self
        let raise = self.raise, first = names.first ?? ""
        spec.alerts = names
        spec.alertKind = kind
        spec.raise = { reader in
            guard var flag = raise(reader) else { return nil }
            if flag.alert.isEmpty { flag.alert = first }
            return flag
        }
        return spec
    }

    /// The flag while a condition holds on the as-of date; `words` may read the
    /// reader for its detail (the value that fired it).
    public static func when(_ condition: Condition,
                            _ words: @escaping @Sendable (PaneReader) -> ActiveFlag) -> FlagSpec {
        FlagSpec(reads: [condition.expression], condition: condition) { reader in
            condition.holds(reader.value(condition.expression)) ? words(reader) : nil
        }
    }

    /// Fixed words while a condition holds.
    public static func when(_ condition: Condition, _ words: ActiveFlag) -> FlagSpec {
        when(condition) { _ in words }
    }

    var expressions: [String] { reads }
}

/// How much a flag asks of the reader. The strip lists alerts before warnings.
public enum FlagSeverity: Int, Sendable, Comparable, CaseIterable {
    /// A state in words its pane always shows (the curve regime): kept like a flag
    /// row, never raised (not in the strip, not an active flag).
    case state
    /// Worth a look: implied below realized, a reversal, an MI spike.
    case warn
    /// An extreme: rotation, breadth, a user's flag.
    case alert

    public static func < (a: FlagSeverity, b: FlagSeverity) -> Bool { a.rawValue < b.rawValue }

    /// The colour of its words.
    public var role: StyleRole {
        switch self {
        case .state: .title
        case .warn: .warn
        case .alert: .alert
        }
    }
}

/// A flag that is up on a date, in words: what its pane's flag row and the alert
/// strip show, and what an alert is built on.
///
/// `word` is the flag itself (`EXTREME LOW`, `IV<RV`) and is never cut; `detail` is
/// the rest of the row in priority order (parts are dropped from the end, a part
/// without digits may end in `…`); the strip names it `subject word brief`
/// (`RTY/ES EXTREME leading`), shortened to `subject word`, then `word`.
public struct ActiveFlag: Sendable, Equatable {
    public var severity: FlagSeverity
    public var word: String
    public var detail: [FlagDetail]
    /// The strip's words after `word` (`leading`), if any.
    public var brief: String?
    /// Dim words before `word` in the pane (`curve 20d`), dropped first.
    public var label: String?
    /// What the flag is about, first in the strip: the pane's title unless the
    /// flag names its own (`VIX` for one pair of the vol pane).
    public var subject: String
    /// The pane's name (`breadth`) and title (`BREADTH`).
    public var pane: String
    public var paneTitle: String
    /// The date it is up on (the reader's as-of date).
    public var date: Day?
    /// The stable name of the alert it is (`rotation-extreme`, `iv-below-rv:VIX`).
    public var alert: String

    public init(_ severity: FlagSeverity, _ word: String, detail: [FlagDetail] = [], brief: String? = nil,
                label: String? = nil, subject: String = "", alert: String = "") {
        self.alert = alert
        self.severity = severity
        self.word = word
        self.detail = detail
        self.brief = brief
        self.label = label
        self.subject = subject
        pane = ""
        paneTitle = ""
    }

    /// Raised: in the strip and an alert (a `state` is neither).
    public var isRaised: Bool { severity > .state }
}

/// One part of a flag's detail: its words, then shorter forms tried when they do
/// not fit (`from EXTREME HIGH`, `from HIGH`).
public struct FlagDetail: Sendable, Equatable, ExpressibleByStringInterpolation {
    /// Longest first; never empty.
    public var forms: [String]

    public init(_ text: String, or shorter: String...) { forms = [text] + shorter }

    public init(stringLiteral text: String) { forms = [text] }
}

/// A row under the readings (a sparkline), from the expressions it reads.
public struct RowSpec: Sendable {
    public var expressions: [String]
    public var line: @Sendable (PaneReader) -> TextLine?

    public init(reads expressions: [String], _ line: @escaping @Sendable (PaneReader) -> TextLine?) {
        self.expressions = expressions
        self.line = line
    }
}

/// A table for the room it has (panes drop their least important columns when
/// narrow and add columns when wide; zoomed, some add rows), from the expressions
/// its cells read.
public struct TableSpec: Sendable {
    public var expressions: [String]
    public var make: @Sendable (PaneReader, TableRoom) -> Table

    public init(reads expressions: [String], _ make: @escaping @Sendable (PaneReader, TableRoom) -> Table) {
        self.expressions = expressions
        self.make = make
    }
}

/// A pane's own drawing (a matrix, a graph) from the expressions it reads: made for
/// the reader's date and the room (zoomed or not), it draws into whatever rectangle
/// the pane has left under its readings, flags and table.
public struct BodySpec: Sendable {
    public var expressions: [String]
    public var make: @Sendable (PaneReader, TableRoom) -> any Widget

    public init(reads expressions: [String], _ make: @escaping @Sendable (PaneReader, TableRoom) -> any Widget) {
        self.expressions = expressions
        self.make = make
    }
}

/// Where a pane's table goes: the pane's inner width, and whether the pane is zoomed.
public struct TableRoom: Sendable, Equatable {
    public var width: Int
    public var isZoomed: Bool

    public init(width: Int, isZoomed: Bool = false) {
        self.width = width
        self.isZoomed = isZoomed
    }
}

/// A chart: up to a few series over the lookback, on the dates of the first, with
/// a legend naming them and horizontal lines at fixed levels.
public struct ChartSpec: Sendable {
    public struct Series: Sendable {
        public var expression: String
        public var label: String
        public var role: StyleRole

        public init(_ expression: String, _ label: String, _ role: StyleRole) {
            self.expression = expression
            self.label = label
            self.role = role
        }
    }

    /// A horizontal line: a reference (zero, a rebase's 100), whose value is written
    /// on the value axis where it is drawn, or labelled (ZN 114, the label at the
    /// line's right end, always in range).
    public struct Level: Sendable, Equatable {
        public var value: Double
        public var label: String?
        /// Whether the value axis stretches to a reference so it is always drawn (the
        /// zero of a correlation, whose sign is the reading); a labelled level always is.
        public var keepsInRange: Bool

        public init(_ value: Double, label: String? = nil, keepsInRange: Bool = false) {
            self.value = value
            self.label = label
            self.keepsInRange = keepsInRange
        }
    }

    public var series: [Series]
    public var levels: [Level]
    /// Every series divided by its first value in the lookback, times this (100).
    public var rebasedTo: Double?
    /// Each pair of expressions draws, for the first series, the band where the
    /// named series' 1-year percentile reaches the thresholds (METRICS.md breadth
    /// extremes): computed once by the model over the whole history.
    public var band: String?
    public var legend: [LegendEntry]?
    /// A dim hint after the legend in the words of the view key (`next pair`, shown
    /// as `v: next pair` with the key in force), the first part to go when narrow.
    public var legendHint: String?
    public var valueLabel: @Sendable (Double) -> String
    /// Rows a year of the charted series has: 252 (sessions) for daily data, 52 for
    /// the CFTC's weekly reports. The lookback is a span of time, so a weekly chart
    /// takes `lookback.sessions x 52 / 252` rows: 1Y is 52 reports, not 252.
    public var rowsPerYear = Lookback.sessionsPerYear

    /// The rows the chart takes for a lookback (at least 2, to draw a line).
    func rows(_ lookback: Lookback) -> Int {
        max(2, (lookback.sessions * rowsPerYear + Lookback.sessionsPerYear - 1) / Lookback.sessionsPerYear)
    }

    public init(_ series: [Series], levels: [Level] = [], rebasedTo: Double? = nil, band: String? = nil,
                legend: [LegendEntry]? = nil, legendHint: String? = nil,
                valueLabel: @escaping @Sendable (Double) -> String = NumberLabel.compact) {
        self.series = series
        self.levels = levels
        self.rebasedTo = rebasedTo
        self.band = band
        self.legend = legend
        self.legendHint = legendHint
        self.valueLabel = valueLabel
    }

    /// A legend entry: a name in a style (a series' colour, dim for a reference).
    public struct LegendEntry: Sendable {
        public var name: String
        public var role: StyleRole
        public init(_ name: String, _ role: StyleRole) {
            self.name = name
            self.role = role
        }
    }

    var expressions: [String] { series.map(\.expression) + (band.map { [$0] } ?? []) }
}
