public import RotorCore

/// Whether a flag is raised, on one date or on each date of a chart's axis: the
/// marks under a pane's chart at the dates its flags fired.
extension FlagSpec {
    /// Whether the flag is up on the reader's date (a state such as the curve regime
    /// is shown, never raised).
    public func isActive(_ reader: PaneReader) -> Bool {
        guard let flag = raise(reader) else { return false }
        return flag.severity != .state
    }

    /// The role a raised flag is marked in on the chart; nil for a state.
    static func markRole(_ severity: FlagSeverity) -> StyleRole? {
        switch severity {
        case .alert: .alert
        case .warn: .warn
        case .state: nil
        }
    }

    /// For each date of `axis` (the reader's lookback) on which the flag was raised,
    /// its index and mark role. A `when` flag's condition is read off the window of
    /// its expression and only the dates it held are asked for the severity; any
    /// other flag is asked with a reader at each date (a lookback is at most 1260
    /// dates, and its windows are binary searches into the model), its answers kept
    /// in the model's `FlagHistory` under `id` (pane and place).
    func raised(on axis: [Day], _ reader: PaneReader, id: String) -> [(index: Int, role: StyleRole)] {
        func at(_ day: Day) -> PaneReader { PaneReader(model: reader.model, asOf: day, lookback: reader.lookback) }
        if let condition {
            let window = reader.window(condition.expression, sessions: axis.count)
            return axis.indices.compactMap { i in
                guard condition.holds(window.value(on: axis[i])),
                      let role = raise(at(axis[i])).flatMap({ FlagSpec.markRole($0.severity) }) else { return nil }
                return (i, role)
            }
        }
        // A state shown today (the curve regime, shown every day) is not a flag to
        // mark, and not worth asking on every date of the lookback.
        if let today = raise(reader), today.severity == .state { return [] }
        let history = reader.model.flagHistory
        return axis.indices.compactMap { i in
            let key = FlagHistory.Key(flag: id, date: axis[i], sessions: reader.lookback.sessions)
            return history.role(key) { raise(at(axis[i])).flatMap { FlagSpec.markRole($0.severity) } }.map { (i, $0) }
        }
    }
}

extension Array where Element == FlagSpec {
    /// The chart marks of these flags on `axis`: nil when none of them is ever
    /// raised (states only, or no flags: no row is kept for marks), warn marks
    /// before alert ones so alert wins a cell. `pane` names the pane the flags are of.
    func chartMarks(on axis: [Day], _ reader: PaneReader, pane: String) -> [LineChart.DateMark]? {
        guard !isEmpty else { return nil }
        let raised = enumerated().flatMap { $1.raised(on: axis, reader, id: "\(pane)#\($0)") }
        return (raised.filter { $0.role == .warn } + raised.filter { $0.role == .alert })
            .map { LineChart.DateMark(index: $0.index, style: .role($0.role)) }
    }
}
