public import RotorCore

/// A user's pane as a config's `[[panes]]` declares it: expressions only, no code.
/// `spec` makes it a `PaneSpec` like the built-ins, so it behaves exactly like them.
public struct PaneDeclaration: Sendable, Equatable {
    public struct Reading: Sendable, Equatable {
        public var label: String
        public var expression: String
        public var format: NumberFormatKind
        /// What the value is multiplied by before it is written (100: a yield
        /// difference in percent shown in basis points).
        public var scale: Double
        /// Its records context (`record = "high"` ...), as a built-in's readings have:
        /// `largest since 2011-03-02` beside it while it is the highest (or lowest) of
        /// at least a year of its rows.
        public var record: RecordSpec.Sides?

        public init(label: String, expression: String, format: NumberFormatKind, scale: Double = 1,
                    record: RecordSpec.Sides? = nil) {
            self.label = label
            self.expression = expression
            self.format = format
            self.scale = scale
            self.record = record
        }

        /// The config's word for each side: `high`, `low`, `both`, `sign`.
        public static let recordSides: [(word: String, sides: RecordSpec.Sides)] =
            [("high", .high), ("low", .low), ("both", .both), ("sign", .bySign)]

        var spec: ReadingSpec {
            let reading = ReadingSpec(label, expression, format, scale: scale)
            return record.map { reading.record($0) } ?? reading
        }
    }

    public struct ChartLine: Sendable, Equatable {
        public var expression: String
        public var label: String

        public init(expression: String, label: String) {
            self.expression = expression
            self.label = label
        }
    }

    public struct Flag: Sendable, Equatable {
        public var condition: Condition
        public var text: String

        public init(condition: Condition, text: String) {
            self.condition = condition
            self.text = text
        }
    }

    /// The most series a user chart draws: three colours stay distinct in every theme.
    public static let maxChartLines = 3

    /// The name `[[pages]]` and `rotor export --pane` use.
    public var name: String
    public var title: String
    public var readings: [Reading]
    public var chart: [ChartLine]
    public var levels: [ChartSpec.Level]
    public var flags: [Flag]
    /// The config line of its `[[panes]]` header.
    public var line: Int

    public init(name: String, title: String, readings: [Reading] = [], chart: [ChartLine] = [],
                levels: [ChartSpec.Level] = [], flags: [Flag] = [], line: Int = 0) {
        self.name = name
        self.title = title
        self.readings = readings
        self.chart = chart
        self.levels = levels
        self.flags = flags
        self.line = line
    }

    /// The pane: its readings (all headline, so a small pane keeps the first row of
    /// them), its flags as alerts (in the pane and the status bar's strip), its chart
    /// with the levels labelled on it.
    public var spec: PaneSpec {
        let roles: [StyleRole] = [.series1, .series2, .series3]
        let chartSpec = chart.isEmpty ? nil : ChartSpec(
            zip(chart, roles).map { ChartSpec.Series($0.expression, $0.label, $1) }, levels: levels,
            valueLabel: NumberLabel.compact)
        return PaneSpec(
            name: name, title: title,
            views: [.init(readings: readings.map(\.spec),
                          chart: chartSpec)],
            flags: flags.map { flag in
                .when(flag.condition, ActiveFlag(.alert, flag.text)).alert(PaneDeclaration.alertName(pane: name, flag: flag.text))
            })
    }
}

extension PaneDeclaration {
    /// The alert name of a `[[panes]]` flag: the pane's name and the flag's words,
    /// lowercased, with every run of other characters one `-` (`zn:zn-below-110`).
    public static func alertName(pane: String, flag text: String) -> String {
        var slug = "", dash = false
        for c in text.lowercased() {
            if c.isASCII && (c.isLetter || c.isNumber) {
                if dash && !slug.isEmpty { slug.append("-") }
                slug.append(c)
                dash = false
            } else {
                dash = true
            }
        }
        return "\(pane):\(slug.isEmpty ? "flag" : slug)"
    }
}

extension NumberFormatKind {
    /// A `[[panes]]` reading's `format`: `decimals N`, `signed N`, `percent` (a
    /// fraction as a signed percentage; `percent N` for N decimals), `bp` or
    /// `basis points` (signed whole basis points). Nil for anything else.
    public static func parse(userFormat text: String) -> NumberFormatKind? {
        let words = text.lowercased().split(separator: " ").map(String.init)
        func digits(_ i: Int) -> Int? {
            guard words.count == i + 1, let n = Int(words[i]), (0...8).contains(n) else { return nil }
            return n
        }
        switch words.first {
        case "decimals": return words.count == 1 ? .decimals(2) : digits(1).map(NumberFormatKind.decimals)
        case "signed": return words.count == 1 ? .signed(2) : digits(1).map(NumberFormatKind.signed)
        case "percent": return words.count == 1 ? .percent : digits(1).map { .percent(decimals: $0) }
        case "bp": return words.count == 1 ? .basisPoints : nil
        case "basis": return words == ["basis", "points"] ? .basisPoints : nil
        default: return nil
        }
    }

    /// The formats a `[[panes]]` reading may name, for error messages.
    public static let userFormats = "decimals N, signed N, percent, percent N, bp (or basis points)"
}
