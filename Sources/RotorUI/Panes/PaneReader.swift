public import RotorCore

/// The model as one pane sees it on one replay date: values as of that date,
/// windows ending on it, and which expressions could not be evaluated.
///
/// With the date cursor shown, `asOf` is the cursor's date (every reading, table
/// and flag is of that date) while `now` stays the replay's session or the live
/// last date: the charts keep their window on now and mark the cursor in it (see
/// `chartReader(for:)`).
public struct PaneReader: Sendable {
    public let model: DashboardModel
    /// The date the pane's values are of: the cursor's when it is shown, else now.
    public let asOf: Day
    public let lookback: Lookback
    /// The date on screen: the replay's session, or the live data's last date.
    public let now: Day
    /// The date cursor's date, when it is shown: marked on every chart.
    public let cursor: Day?

    public init(model: DashboardModel, asOf: Day, lookback: Lookback) {
        self.init(model: model, now: asOf, cursor: nil, lookback: lookback)
    }

    /// The reader of a screen at `now` with the date cursor on `cursor` (nil:
    /// hidden); a cursor past now is read as now, since the screen has no data later.
    public init(model: DashboardModel, now: Day, cursor: Day?, lookback: Lookback) {
        self.model = model
        self.now = now
        self.cursor = cursor.map { min($0, now) }
        self.asOf = self.cursor ?? now
        self.lookback = lookback
    }

    /// The same reader with its windows and values ending on `end` (a chart's
    /// last date), keeping now and the cursor.
    private init(_ reader: PaneReader, endingOn end: Day) {
        model = reader.model
        now = reader.now
        cursor = reader.cursor
        asOf = end
        lookback = reader.lookback
    }

    /// The reader a chart of `expression` (its first line, whose dates are the
    /// axis) is drawn with: its windows end on the chart's last date.
    ///
    /// The window keeps ending on now, as without the cursor, so the chart does not
    /// move as the cursor moves inside it and the cursor's marker is seen against
    /// the present. Only once the cursor is before the window's first session does
    /// the window leave now: it then centres on the cursor (half the lookback before
    /// it, half after, so what led to that date and what came of it are both in
    /// sight), held whole at the start of the data and never past now. Each further
    /// step back scrolls the chart a session under a marker that stays in the
    /// middle; stepping on, the window is back on now as soon as now's window holds
    /// the cursor again. It is worked out from the cursor and now alone (no state),
    /// so a snapshot, a resize or a lookback change shows the same window.
    public func chartReader(for expression: String, rows: Int? = nil) -> PaneReader {
        guard let cursor, let series = model.series[expression] else { return self }
        let sessions = rows ?? lookback.sessions
        let nowEnd = series.lowerBound(now.adding(days: 1)) - 1
        guard nowEnd >= 0 else { return self }
        let at = series.lowerBound(cursor.adding(days: 1)) - 1
        guard at < nowEnd - sessions + 1 else { return PaneReader(self, endingOn: now) }
        let end = min(nowEnd, max(at + sessions / 2, sessions - 1))
        return PaneReader(self, endingOn: series.dates[end])
    }

    public var roles: Roles { model.roles }

    /// The last value on or before `asOf`.
    public func value(_ expression: String) -> Double? { model.value(expression, asOf: asOf) }

    /// The last `sessions` rows up to `asOf` (the chart lookback by default).
    public func window(_ expression: String, sessions: Int? = nil) -> Series {
        model.window(expression, asOf: asOf, sessions: sessions ?? lookback.sessions)
    }

    /// The change of the series over its own last `rows` rows up to `asOf`
    /// (x_t - x_{t-rows}), absent until the series has rows + 1 rows.
    public func change(_ expression: String, rows: Int) -> Double? {
        let w = window(expression, sessions: rows + 1)
        guard w.count == rows + 1 else { return nil }
        return w.values[rows] - w.values[0]
    }

    /// The date of the series' last row on or before `asOf`.
    public func lastDate(_ expression: String) -> Day? { window(expression, sessions: 1).last?.date }

    /// Why the expression has no series (`.unknownSymbol("RVX")`), if it has none.
    public func failure(_ expression: String) -> ExpressionError? { model.failures[expression] }

    /// A reading of the expression's value as of `asOf`.
    public func reading(_ label: String, _ expression: String, _ format: NumberFormatKind, scale: Double = 1,
                        style: Style? = nil) -> Reading {
        Reading(label: label, expression: expression, scale: scale, value: value(expression).map { $0 * scale },
                format: format, style: style)
    }
}
