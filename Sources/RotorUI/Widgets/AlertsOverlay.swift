import RotorCore

/// The alerts overlay (`a`): what is active now (the panes' flags up and the users'
/// alerts fired, as the strip names them), then this session's firings, newest
/// first, one a row: `time  date  alert  value  condition`.
///
/// It fits any screen: the columns are sized to what they hold and the condition
/// takes the rest, cut with `…`; the rows that do not fit are counted
/// (`+12 earlier`) rather than dropped silently.
public struct AlertsOverlay: Widget, Sendable {
    /// The flags up, most severe first (the strip's entries).
    public var active: [ActiveFlag]
    /// This session's firings, newest first.
    public var fired: [AlertDesk.Fired]
    /// The key names that close it (`a Esc`), for the title.
    public var closeKeys: String

    public init(active: [ActiveFlag], fired: [AlertDesk.Fired], closeKeys: String = "a or Esc") {
        self.active = active
        self.fired = fired
        self.closeKeys = closeKeys
    }

    public var title: String { "alerts (\(closeKeys) closes)" }

    /// Columns between two columns of a firing's row.
    static let gap = 2
    /// The widest a column other than the condition grows.
    static let nameWidth = 24, valueWidth = 14
    /// The condition keeps at least this much before the name gives way.
    static let conditionWidth = 16

    public func render(into canvas: inout Canvas, area: Rect) {
        let area = area.intersection(canvas.area)
        // The border and one blank column each side.
        let width = max(0, area.width - 4), rows = max(0, area.height - 2)
        canvas.render(Overlay(title: title, lines: lines(width: width, rows: rows)), area: area)
    }

    /// The overlay's lines in at most `width` columns and `rows` rows.
    public func lines(width: Int, rows: Int) -> [TextLine] {
        var out = [TextLine("active now", style: Style.role(.title).bold())]
        if active.isEmpty {
            out.append(TextLine("  nothing", style: .role(.dim)))
        } else {
            for flag in active { out.append(TextLine([Span("  ")] + flag.strip(.full)).truncated(to: width)) }
        }
        out.append(TextLine(""))
        out.append(TextLine("fired since the dashboard started, newest first", style: Style.role(.title).bold()))
        guard !fired.isEmpty else {
            out.append(TextLine("  nothing yet", style: .role(.dim)))
            return out
        }
        let columns = Columns(fired, width: width)
        out.append(columns.header)
        // Rows left for firings; when some do not fit, the last row counts them.
        let room = max(1, rows - out.count)
        let shown = fired.count <= room ? fired.count : max(0, room - 1)
        out += fired.prefix(shown).map(columns.row)
        if shown < fired.count {
            out.append(TextLine("  +\(fired.count - shown) earlier (rotor alerts lists them all)", style: .role(.dim))
                .truncated(to: width))
        }
        return out
    }

    /// The widths of a firing's columns for a width: time and date whole, the name
    /// and value as wide as their widest (up to a limit), the condition the rest.
    struct Columns {
        var name: Int, value: Int, condition: Int

        init(_ fired: [AlertDesk.Fired], width: Int) {
            let fixed = 8 + AlertsOverlay.gap + 10 + 3 * AlertsOverlay.gap
            let names = fired.map { DisplayWidth.of($0.firing.name) }.max() ?? 0
            let values = fired.map { DisplayWidth.of(AlertsOverlay.value($0.firing.value)) }.max() ?? 0
            value = min(max(5, values), AlertsOverlay.valueWidth)
            name = min(max(5, names), AlertsOverlay.nameWidth, max(5, width - fixed - value - AlertsOverlay.conditionWidth))
            condition = max(0, width - fixed - name - value)
        }

        var header: TextLine {
            line(cells(["time", "date", "alert", "value", "condition"]), styles: Array(repeating: .role(.dim), count: 5))
        }

        func row(_ fired: AlertDesk.Fired) -> TextLine {
            let f = fired.firing
            // The time dim, the name in its severity's colour, the condition dim.
            let styles: [Style] = [.role(.dim), .plain, Style.role(FlagSeverity(f.severity).role).bold(), .plain, .role(.dim)]
            return line(cells([fired.time, f.date.iso, f.name, AlertsOverlay.value(f.value), f.condition]), styles: styles)
        }

        /// The five cells fitted to their widths (the value right-aligned); the
        /// condition, last, is only cut.
        private func cells(_ texts: [String]) -> [String] {
            let widths = [8, 10, name, value]
            let alignments: [Alignment] = [.left, .left, .left, .right]
            return (0..<4).map { Truncation.fit(texts[$0], width: widths[$0], alignment: alignments[$0]) }
                + [Truncation.clip(texts[4], width: condition)]
        }

        private func line(_ cells: [String], styles: [Style]) -> TextLine {
            var spans: [Span] = []
            for (i, cell) in cells.enumerated() {
                if i > 0 { spans.append(Span(String(repeating: " ", count: AlertsOverlay.gap))) }
                spans.append(Span(cell, style: styles[i]))
            }
            return TextLine(spans)
        }
    }

    /// A firing's value as the overlay shows it: a number in about five significant
    /// digits (`-2.043`), words as they are (`bull steepener`).
    static func value(_ text: String) -> String {
        Double(text).map(NumberLabel.compact) ?? text
    }
}

extension FlagSeverity {
    /// An alert's severity as a flag's, for its colour (`info` as a state's).
    init(_ alert: AlertSeverity) {
        switch alert {
        case .info: self = .state
        case .warn: self = .warn
        case .alert: self = .alert
        }
    }
}
