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
    /// `id` names the flag (pane and place) in the model's `FlagHistory`.
    func raised(on axis: [Day], _ reader: PaneReader, id: String) -> [(index: Int, role: StyleRole)] {
        switch self {
        case let .when(condition, words):
            guard let role = FlagSpec.markRole(TextLine(words)) else { return [] }
            let window = reader.window(condition.expression, sessions: axis.count)
            return axis.indices.compactMap { i in condition.holds(window.value(on: axis[i])) ? (i, role) : nil }
        case let .custom(_, line):
            // A row shown today in neither colour states a condition (the curve
            // regime, shown every day): not a flag to mark, and not worth asking on
            // every date of the lookback.
            if let today = line(reader), FlagSpec.markRole(today) == nil { return [] }
            let history = reader.model.flagHistory
            return axis.indices.compactMap { i in
                let key = FlagHistory.Key(flag: id, date: axis[i], sessions: reader.lookback.sessions)
                return history.role(key) {
                    line(PaneReader(model: reader.model, asOf: axis[i], lookback: reader.lookback)).flatMap(FlagSpec.markRole)
                }.map { (i, $0) }
            }
        }
    }
}

extension Array where Element == FlagSpec {
    /// The chart marks of these flags on `axis`: nil when there are no flags (no
    /// row is kept for marks), warn marks before alert ones so alert wins a cell.
    /// `pane` names the pane the flags are of.
    func chartMarks(on axis: [Day], _ reader: PaneReader, pane: String) -> [LineChart.DateMark]? {
        guard !isEmpty else { return nil }
        let raised = enumerated().flatMap { $1.raised(on: axis, reader, id: "\(pane)#\($0)") }
        return (raised.filter { $0.role == .warn } + raised.filter { $0.role == .alert })
            .map { LineChart.DateMark(index: $0.index, style: .role($0.role)) }
    }
}
