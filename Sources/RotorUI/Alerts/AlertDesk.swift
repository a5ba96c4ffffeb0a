public import RotorCore

/// The dashboard's alerts: the `AlertTracker` stepped as the data moves, the firings
/// of this session (for the `a` overlay) and what the strip leaves out. It lives in
/// `DashboardState` and moves only in `update`: in a replay each time the cursor
/// reaches a new session, live on each new model (today's row moves, so today is
/// stepped again).
///
/// It starts silently: a replay's machines are stepped up to the session it starts
/// on, a live one's restored from the state file (or stepped through all but the
/// last date), so what fired before the dashboard started is neither delivered
/// nor listed, while the machines know it (a fired alert waits for its clear).
public struct AlertDesk: Sendable {
    public private(set) var tracker: AlertTracker
    /// Built-ins turned off by `enabled = false`: not in the strip either.
    public let disabled: Set<String>
    /// This session's firings, oldest first (at most `historyLimit`).
    public private(set) var history: [Fired] = []
    /// Live: the state file's, to start from on the first model with data.
    let restoring: AlertTracker.Saved?
    /// Stepped up to a first date (silently) already.
    public private(set) var started = false
    /// The last state handed to the shell to save (a save only when it changed).
    private var lastSaved: AlertTracker.Saved?

    /// The overlay keeps this many firings; older ones are in `alerts.jsonl` and
    /// `rotor alerts`.
    public static let historyLimit = 500

    /// A firing as the overlay lists it: with the wall clock (`HH:mm:ss`) of the
    /// update it fired on.
    public struct Fired: Sendable, Equatable {
        public var firing: AlertFiring
        public var time: String

        public init(firing: AlertFiring, time: String) {
            self.firing = firing
            self.time = time
        }
    }

    /// `restoring`: a live dashboard's saved state, if the state file had one.
    public init(book: AlertBook, disabled: Set<String> = [], restoring: AlertTracker.Saved? = nil) {
        tracker = AlertTracker(book: book)
        self.disabled = disabled
        // A saved state that stepped nothing says nothing: start as if there were none.
        self.restoring = restoring?.through == nil ? nil : restoring
    }

    /// The desk of a config: the panes' built-ins with its `[[alerts]]`.
    public init(panes: [PaneSpec], rules: [AlertRule], restoring: AlertTracker.Saved? = nil) {
        self.init(book: AlertBook(panes: panes, rules: rules), disabled: AlertBook.disabled(rules), restoring: restoring)
    }

    /// The last date stepped: a replay cursor moved back to it or before (the soak
    /// starts over) steps nothing and fires nothing again.
    public var highWater: Day? { tracker.through }

    /// A replay's start: every date up to `day` stepped, nothing delivered or listed.
    public mutating func startReplay(_ model: DashboardModel, dates: [Day], at day: Day) {
        _ = tracker.advance(model, dates: dates, to: day)
        started = true
    }

    /// A replay step: the sessions after the last one stepped, up to `day`.
    mutating func replay(_ model: DashboardModel, dates: [Day], to day: Day, time: String) -> [AlertFiring] {
        keep(tracker.advance(model, dates: dates, to: day), time: time)
    }

    /// A live model: on the first one with data, the saved state restored (or every
    /// date but the last stepped silently); then its last date stepped, today's row
    /// again when it has moved. Nil while the model has no data.
    mutating func live(_ model: DashboardModel, time: String) -> [AlertFiring]? {
        let dates = model.dates
        guard let last = dates.last else { return nil }
        if !started {
            started = true
            if let restoring {
                tracker = AlertTracker(book: tracker.book, restoring: restoring, model: model, dates: dates)
            } else if dates.count > 1 {
                _ = tracker.advance(model, dates: dates, to: dates[dates.count - 2])
            }
        }
        return keep(tracker.advance(model, dates: dates, to: last, again: true), time: time)
    }

    /// The state to save, when it changed since the last one handed out.
    mutating func stateToSave() -> AlertTracker.Saved? {
        let saved = tracker.saved
        guard saved != lastSaved else { return nil }
        lastSaved = saved
        return saved
    }

    private mutating func keep(_ firings: [AlertFiring], time: String) -> [AlertFiring] {
        history += firings.map { Fired(firing: $0, time: time) }
        if history.count > Self.historyLimit { history.removeFirst(history.count - Self.historyLimit) }
        return firings
    }

    /// The users' alerts fired and not cleared, as the strip's flags (an `info` one
    /// is listed in the overlay only), in the book's order.
    public var firedRules: [ActiveFlag] {
        let fired = Set(tracker.fired)
        return tracker.book.entries.compactMap { entry in
            guard case .rule = entry.source, fired.contains(entry.name) else { return nil }
            let severity: FlagSeverity
            switch entry.severity ?? .alert {
            case .info: return nil
            case .warn: severity = .warn
            case .alert: severity = .alert
            }
            var flag = ActiveFlag(severity, entry.name, subject: entry.name, alert: entry.name)
            flag.pane = "alerts"
            flag.paneTitle = "ALERTS"
            flag.date = tracker.through
            return flag
        }
    }

    /// The strip's flags: the panes' flags up, less the disabled built-ins, then the
    /// users' alerts fired.
    public func stripFlags(_ paneFlags: [ActiveFlag]) -> [ActiveFlag] {
        paneFlags.filter { !disabled.contains($0.alert) } + firedRules
    }
}

/// The effects of firings: the bell once however many ring, then each delivered.
extension [AlertFiring] {
    var effects: [Effect] {
        (contains(where: \.bell) ? [Effect.bell] : []) + map(Effect.deliverAlert)
    }
}
