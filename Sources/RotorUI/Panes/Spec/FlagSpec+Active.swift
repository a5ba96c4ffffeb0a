public import RotorCore

/// Whether a flag is raised, on one date or on each date of a chart's axis: the
/// marks under a pane's chart at the dates its flags fired.
extension FlagSpec {
    /// Whether the flag shows on the reader's date.
    public func isActive(_ reader: PaneReader) -> Bool {
        switch self {
        case let .when(condition, _): condition.holds(reader.value(condition.expression))
        case let .custom(_, line): line(reader) != nil
        }
    }

    /// The role a raised flag is marked in on the chart: alert or warn, from its
    /// words' colours; nil for a row that states a condition rather than raising a
    /// flag (the curve regime, in the title style), which is not marked.
    static func markRole(_ line: TextLine) -> StyleRole? {
        let roles = line.spans.compactMap { span -> StyleRole? in
            if case let .role(role) = span.style.foreground { return role }
            return nil
        }
        if roles.contains(.alert) { return .alert }
        if roles.contains(.warn) { return .warn }
        return nil
    }

    /// For each date of `axis` (the reader's lookback) on which the flag was raised,
    /// its index and mark role. A condition is read off the window of its expression;
    /// a custom flag is asked with a reader at each date (a lookback is at most 1260
    /// dates, and its windows are binary searches into the model).
    func raised(on axis: [Day], _ reader: PaneReader) -> [(index: Int, role: StyleRole)] {
        switch self {
        case let .when(condition, words):
            guard let role = FlagSpec.markRole(TextLine(words)) else { return [] }
            let window = reader.window(condition.expression, sessions: axis.count)
            return axis.indices.compactMap { i in condition.holds(window.value(on: axis[i])) ? (i, role) : nil }
        case let .custom(_, line):
            return axis.indices.compactMap { i in
                let then = PaneReader(model: reader.model, asOf: axis[i], lookback: reader.lookback)
                return line(then).flatMap(FlagSpec.markRole).map { (i, $0) }
            }
        }
    }
}

extension Array where Element == FlagSpec {
    /// The chart marks of these flags on `axis`: nil when there are no flags (no
    /// row is kept for marks), warn marks before alert ones so alert wins a cell.
    func chartMarks(on axis: [Day], _ reader: PaneReader) -> [LineChart.DateMark]? {
        guard !isEmpty else { return nil }
        let raised = flatMap { $0.raised(on: axis, reader) }
        return (raised.filter { $0.role == .warn } + raised.filter { $0.role == .alert })
            .map { LineChart.DateMark(index: $0.index, style: .role($0.role)) }
    }
}
