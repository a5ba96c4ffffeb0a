public import RotorCore

/// One pane drawn from the model: its box (title, lookback, focus), its chart over
/// the lookback, and its headline numbers, or what is missing and how to add it.
public struct PaneView: Widget {
    public let spec: PaneSpec
    public let model: DashboardModel
    public let asOf: Day
    public let lookback: Lookback
    public let isFocused: Bool

    public init(spec: PaneSpec, model: DashboardModel, asOf: Day, lookback: Lookback, isFocused: Bool) {
        self.spec = spec
        self.model = model
        self.asOf = asOf
        self.lookback = lookback
        self.isFocused = isFocused
    }

    public func render(into canvas: inout Canvas, area: Rect) {
        let missing = missingSymbols
        let box = Box(title: "\(spec.pane.rawValue) \(spec.pane.title)", note: lookback.label,
                      isFocused: isFocused, isWarning: !missing.isEmpty)
        canvas.render(box, area: area)
        let inner = box.inner(of: area)
        guard !inner.isEmpty else { return }

        // Headline numbers first: they must survive the smallest pane.
        var lines: [TextLine] = []
        for h in spec.headlines {
            guard let v = model.value(h.expression, asOf: asOf) else { continue }
            lines.append(TextLine([Span(h.label + " ", style: .role(.dim)), Span(h.format.format(v), style: .role(.text))]))
        }
        for symbol in missing {
            lines.append(TextLine("no data for \(symbol): add \(symbol).csv or map \(symbol) in the config", style: .role(.warn)))
        }
        let text = packed(lines, width: inner.width)
        let textRows = min(text.count, inner.height)
        let chartArea = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - textRows)
        // Under the chart; at the top when there is no room for a chart.
        let textTop = chartArea.height >= 3 ? inner.maxY - textRows : inner.y
        for (i, line) in text.prefix(textRows).enumerated() {
            _ = canvas.write(line, x: inner.x, y: textTop + i, clip: inner)
        }
        guard chartArea.height >= 3 else { return }
        let axis = model.window(spec.chart[0].expression, asOf: asOf, sessions: lookback.sessions).dates
        let chartLines = spec.chart.map { line in
            LineChart.Line(series: model.window(line.expression, asOf: asOf, sessions: lookback.sessions), axis: axis,
                           style: .role(line.role))
        }
        canvas.render(LineChart(lines: chartLines, dates: axis, reference: spec.reference), area: chartArea)
    }

    /// Headlines side by side when they fit, one per row otherwise.
    private func packed(_ lines: [TextLine], width: Int) -> [TextLine] {
        var rows: [TextLine] = []
        var current: [Span] = []
        var used = 0
        for line in lines {
            let w = line.spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
            if !current.isEmpty, used + 3 + w <= width {
                current.append(Span("   "))
                current += line.spans
                used += 3 + w
            } else {
                if !current.isEmpty { rows.append(TextLine(current)) }
                current = line.spans
                used = w
            }
        }
        if !current.isEmpty { rows.append(TextLine(current)) }
        return rows
    }

    /// Symbols the pane needs that the data does not have.
    private var missingSymbols: [String] {
        let expressions = spec.chart.map(\.expression) + spec.headlines.map(\.expression)
        var out: [String] = []
        for e in expressions {
            guard let message = model.failures[e] else { continue }
            for prefix in ["unknown symbol ", "unknown universe "] where message.hasPrefix(prefix) {
                let name = String(message.dropFirst(prefix.count))
                if !out.contains(name) { out.append(name) }
            }
        }
        return out
    }
}
