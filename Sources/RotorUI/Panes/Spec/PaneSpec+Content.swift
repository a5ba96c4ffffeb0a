public import RotorCore

extension PaneSpec {
    /// What the pane shows on the reader's date, in view `view`: every reading, flag,
    /// row, table and chart the declaration names, evaluated from the model. `keys`
    /// names the view key in the legend's hint.
    public func content(_ reader: PaneReader, view index: Int = 0, keys: KeyMap = .standard) -> PaneContent {
        let view = view(index)
        var c = PaneContent()
        c.expressions = expressions
        c.readings = view.readings.map { $0.reading(reader) }
        c.detail = view.detail.map { $0.reading(reader) }
        c.flags = ActiveFlag.mergingSameWord(shownFlags(reader))
        c.rows = rows.compactMap { $0.line(reader) }
        if let table { c.table = { table.make(reader, $0) } }
        if let body = view.body { c.body = { body.make(reader, $0) } }
        if let chart = view.chart {
            c.chart = chart.chart(reader, flags: flags, pane: name)
            let viewKey = keys.bindings[.nextView]?.first.map(\.description)
            c.legend = chart.legendLine(hint: views.count > 1 ? viewKey : nil, lookback: reader.lookback,
                                        events: c.chart?.events ?? [])
        }
        return c
    }
}

extension ReadingSpec {
    func reading(_ reader: PaneReader) -> Reading {
        switch source {
        case let .expression(e):
            let v = reader.value(e)
            let style = emphasis.flatMap { rule in v.map { rule.when.holds($0, rule.bound) } == true ? rule.style : nil }
            return Reading(label: label, expression: e, scale: scale, value: v.map { $0 * scale }, format: format,
                           style: style, widestNumber: reader.widestWidth(e, format, scale: scale),
                           joinsPrevious: joinsPrevious, record: record?.note(e, reader), recordRoom: record?.room ?? 0)
        case let .change(e, rows):
            return Reading(label: label, value: reader.change(e, rows: rows).map { $0 * scale }, format: format,
                           widestNumber: reader.widestChangeWidth(e, rows: rows, format, scale: scale),
                           joinsPrevious: joinsPrevious)
        }
    }
}

extension PaneSpec {
    /// The flags up on the reader's date, in the order the pane declares them, with
    /// the pane's name and title and the date filled in: what the alert strip shows
    /// and what an alert is built on. States (the curve regime) are not flags up;
    /// `shownFlags` has them too. Cheap enough to call per date (a chart marking the
    /// dates a flag was up reads one `PaneReader` per date).
    public func activeFlags(_ reader: PaneReader) -> [ActiveFlag] {
        shownFlags(reader).filter(\.isRaised)
    }

    /// Every flag row the pane shows on the reader's date, states included.
    public func shownFlags(_ reader: PaneReader) -> [ActiveFlag] {
        flags.compactMap { spec in
            guard var flag = spec.raise(reader) else { return nil }
            flag.pane = name
            flag.paneTitle = title
            if flag.subject.isEmpty { flag.subject = title }
            flag.date = reader.asOf
            return flag
        }
    }
}

extension ChartSpec {
    /// The series over the reader's lookback on the dates of the first; rebased,
    /// banded and levelled as declared, with a mark at each date one of `flags`
    /// (the pane's) was raised.
    func chart(_ reader: PaneReader, flags: [FlagSpec] = [], pane: String = "") -> LineChart? {
        guard let first = series.first else { return nil }
        // The date cursor: the window stays on now (or scrolls to the cursor), the cursor is marked.
        let rows = rows(reader.lookback)
        let reader = reader.chartReader(for: first.expression, rows: rows)
        let axis = reader.window(first.expression, sessions: rows).dates
        guard !axis.isEmpty else { return nil }
        var lines = series.map {
            LineChart.Line(series: reader.window($0.expression, sessions: rows), axis: axis, style: .role($0.role))
        }
        if let base = rebasedTo {
            // Each line divided by its value on the first date of the lookback.
            guard let start = lines[0].values.first ?? nil, start != 0 else { return nil }
            lines[0].values = lines[0].values.map { $0.map { base * $0 / start } }
            for i in lines.indices.dropFirst() {
                guard let s = lines[i].values.first(where: { $0 != nil }) ?? nil, s != 0 else { continue }
                lines[i].values = lines[i].values.map { $0.map { base * $0 / s } }
            }
        }
        if let band, let edges = reader.model.bands[band] {
            for edge in [edges.high, edges.low] {
                // Each edge's level today is written on the value axis: the number
                // the line must reach for the flag.
                lines.append(.init(series: edge.last(reader.lookback.sessions, onOrBefore: reader.asOf), axis: axis,
                                   style: .role(.dim), labelsLast: true))
            }
        }
        let unlabelled = levels.filter { $0.label == nil }
        let labelled = levels.filter { $0.label != nil }
        var chart = LineChart(lines: lines, dates: axis, reference: unlabelled.first?.value,
                              levels: labelled.map { LineChart.Level(value: $0.value, label: $0.label!) },
                              valueLabel: valueLabel, marks: flags.chartMarks(on: axis, reader, pane: pane))
        chart.keepsReferenceInRange = unlabelled.first?.keepsInRange ?? false
        chart.cursor = reader.cursor
        chart.events = LineChart.eventMarks(reader.model.events, on: axis)
        return chart
    }

    /// What the value axis spans, in the legend's words: `axis: RTY/ES and 50d avg,
    /// 1Y`, the series (and band, and the levels it stretches to) over the lookback.
    /// The axis's top and bottom are then never mistaken for a reading's high or low.
    func axisNote(_ lookback: Lookback) -> String {
        var covered = series.map(\.label)
        if band != nil { covered.append("band") }
        covered += levels.filter { $0.label != nil || $0.keepsInRange }.map { level in
            level.label ?? (level.value == level.value.rounded() && abs(level.value) < 1e9
                ? String(Int(level.value)) : valueLabel(level.value))
        }
        let names = covered.count <= 1 ? covered.joined()
            : covered.dropLast().joined(separator: ", ") + " and " + covered.last!
        return "axis: \(names), \(lookback.label)"
    }

    /// The legend row: the declared entries, or each series' label in its colour;
    /// what the axis spans; the kinds of the `events` marked on the chart
    /// (`◆ FOMC  ● CPI`); then the hint after the view key, if the pane has views
    /// and the key is bound. A narrow pane drops the parts from the end.
    func legendLine(hint key: String?, lookback: Lookback = .year1, events: [LineChart.EventMark] = []) -> TextLine {
        let entries = legend ?? series.map { LegendEntry($0.label, $0.role) }
        var line = RotorUI.legend(entries.map { ($0.name, $0.role) })
        line.spans.append(Span("   " + axisNote(lookback), style: .role(.dim)))
        line.spans += LineChart.eventLegend(events)
        if let key, let legendHint { line.spans.append(Span("   \(key): \(legendHint)", style: .role(.dim))) }
        return line
    }
}
