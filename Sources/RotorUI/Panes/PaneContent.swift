import RotorCore

/// One labelled number of a pane: `20d +2.32%`. It keeps the expression it came
/// from, so a test can set every number on screen against `rotor export`.
public struct Reading: Sendable, Equatable {
    public var label: String
    /// The METRICS.md expression whose value this is, when it is one directly.
    public var expression: String?
    /// What the expression's value is multiplied by for display (100: percent to bp).
    public var scale: Double
    /// The value shown: the expression's value times `scale`, or a derived number.
    public var value: Double?
    public var format: NumberFormatKind
    /// A style for the number that wins over the default (a flag colour).
    public var style: Style?
    /// The width of the widest number it shows on any date: its slot in a row of
    /// readings is the label and this, so the rows are the same on every date.
    public var widestNumber: Int
    /// Kept on one line with the reading before it (its change: `2s10s +29 bp   20d
    /// -1 bp`) when the two fit a line, so a label never starts a line without its subject.
    public var joinsPrevious: Bool
    /// Its records context on this date (`largest since 2011-03-02`), written after
    /// it (and the readings joined to it) when the row has room.
    public var record: RecordNote?
    /// The columns its widest records note takes (0 without records context): the
    /// room a roomy pane keeps for it on every date.
    public var recordRoom: Int

    public init(label: String, expression: String? = nil, scale: Double = 1, value: Double?,
                format: NumberFormatKind, style: Style? = nil, widestNumber: Int = 0, joinsPrevious: Bool = false,
                record: RecordNote? = nil, recordRoom: Int = 0) {
        self.label = label
        self.expression = expression
        self.scale = scale
        self.value = value
        self.format = format
        self.style = style
        self.widestNumber = widestNumber
        self.joinsPrevious = joinsPrevious
        self.record = record
        self.recordRoom = recordRoom
    }

    /// The columns the reading takes in a row of readings on every date: its label
    /// and its widest number (or today's, if wider).
    public var slot: Int { max(line.width, (label.isEmpty ? 0 : DisplayWidth.of(label) + 1) + widestNumber) }

    /// The number as shown, or `–` while its window is not yet full.
    public var text: String { value.map(format.format) ?? NumberFormatKind.absent }

    /// Label dim, number in the text role (or the reading's own style).
    public var line: TextLine {
        var spans: [Span] = []
        if !label.isEmpty { spans.append(Span(label + " ", style: .role(.dim))) }
        spans.append(Span(text, style: style ?? .role(.text)))
        return TextLine(spans)
    }
}

/// Everything a pane shows inside its border, before layout: the headline readings
/// (which must survive the smallest pane), flag lines, a table, a chart, and extra
/// readings for when the pane is zoomed.
public struct PaneContent: Sendable {
    public var readings: [Reading] = []
    /// Raised flags and states in words (EXTREME, REVERSING, the curve regime): each
    /// one row fitted to the pane's width, kept before every other row when the pane
    /// is short of rows.
    public var flags: [ActiveFlag] = []
    /// Other rows under the readings (a sparkline): the first to go in a small pane.
    public var rows: [TextLine] = []
    /// The table for the room it has (panes drop their least important columns when
    /// narrow, add columns when wide and rows when zoomed).
    public var table: (@Sendable (TableRoom) -> Table)?
    public var chart: LineChart?
    /// The view's own drawing for the room it has (`BodySpec`), in the rows left.
    public var body: (@Sendable (TableRoom) -> any Widget)?
    /// A row naming the chart's lines, drawn above it when there is room.
    public var legend: TextLine?
    /// More readings, shown only when the pane is zoomed.
    public var detail: [Reading] = []
    /// Every expression the pane reads: the source of its missing-symbol warnings
    /// and of its data age.
    public var expressions: [String] = []

    public init() {}
}

/// A legend row: each name in its line's colour.
func legend(_ names: [(String, StyleRole)]) -> TextLine {
    var spans: [Span] = []
    for (i, (name, role)) in names.enumerated() {
        if i > 0 { spans.append(Span("  ")) }
        spans.append(Span("━ " + name, style: .role(role)))
    }
    return TextLine(spans)
}
