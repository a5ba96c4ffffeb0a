public import RotorCore

/// The alerts of a book stepped through the model's rows: each entry's
/// `AlertMachine`, and the last date stepped. The dashboard steps it as the replay
/// moves (or on each live update), `rotor alerts` over the whole history; the same
/// steps give the same firings.
public struct AlertTracker: Sendable {
    public let book: AlertBook
    public private(set) var machines: [String: AlertMachine] = [:]
    /// The last date stepped (nil: none yet).
    public private(set) var through: Day?

    public init(book: AlertBook) {
        self.book = book
    }

    /// Steps every date of `dates` (ascending) after `through`, up to `last`; with
    /// `again`, the date `through` once more first (live: today's row has moved).
    /// Returns the firings, in date order then the book's order.
    public mutating func advance(_ model: DashboardModel, dates: [Day], to last: Day, again: Bool = false) -> [AlertFiring] {
        var steps = dates.filter { d in d <= last && through.map { d > $0 } ?? true }
        if again, let through, through <= last, steps.first != through { steps.insert(through, at: 0) }
        var out: [AlertFiring] = []
        for day in steps {
            out += step(model, on: day)
        }
        if let final = steps.last { through = max(through ?? final, final) }
        return out
    }

    /// Every firing over the whole of `dates` from a fresh start: `rotor alerts`.
    public static func history(_ book: AlertBook, _ model: DashboardModel, dates: [Day]) -> [AlertFiring] {
        var tracker = AlertTracker(book: book)
        guard let last = dates.last else { return [] }
        return tracker.advance(model, dates: dates, to: last)
    }

    /// What a live dashboard keeps across restarts (the state file): the last date
    /// stepped and each alert's machine, with the fingerprint of the rule it was of.
    public struct Saved: Sendable, Codable, Equatable {
        /// `Day.ordinal` of the last date stepped.
        public var through: Int32?
        public var alerts: [String: SavedAlert]

        public struct SavedAlert: Sendable, Codable, Equatable {
            public var fingerprint: String
            public var machine: AlertMachine

            public init(fingerprint: String, machine: AlertMachine) {
                self.fingerprint = fingerprint
                self.machine = machine
            }
        }

        public init(through: Int32?, alerts: [String: SavedAlert]) {
            self.through = through
            self.alerts = alerts
        }
    }

    public var saved: Saved {
        var alerts: [String: Saved.SavedAlert] = [:]
        for entry in book.entries {
            if let machine = machines[entry.name] { alerts[entry.name] = .init(fingerprint: entry.fingerprint, machine: machine) }
        }
        return Saved(through: through?.ordinal, alerts: alerts)
    }

    /// The tracker as it was saved, stepped on to where it stood (no firings): an
    /// alert new to the book, or whose rule changed since, is stepped from the first
    /// of `dates` to the saved date first, so it fires on the rows after as if it had
    /// always been watched.
    public init(book: AlertBook, restoring saved: Saved, model: DashboardModel, dates: [Day]) {
        self.book = book
        guard let ordinal = saved.through else { return }
        let through = Day(ordinal: ordinal)
        let fresh = book.entries.filter { saved.alerts[$0.name]?.fingerprint != $0.fingerprint }
        if !fresh.isEmpty {
            var catchUp = AlertTracker(book: AlertBook(book, only: Set(fresh.map(\.name))))
            _ = catchUp.advance(model, dates: dates, to: through)
            machines = catchUp.machines
        }
        for entry in book.entries where saved.alerts[entry.name]?.fingerprint == entry.fingerprint {
            machines[entry.name] = saved.alerts[entry.name]?.machine
        }
        self.through = through
    }

    /// The names fired and not yet cleared, in the book's order.
    public var fired: [String] {
        book.entries.map(\.name).filter { machines[$0]?.isFired == true }
    }

    private mutating func step(_ model: DashboardModel, on day: Day) -> [AlertFiring] {
        let reader = PaneReader(model: model, asOf: day, lookback: .year1)
        var raisedByFlag: [Int: [Int: ActiveFlag?]] = [:]
        func raised(_ pane: Int, _ flag: Int) -> ActiveFlag? {
            if let known = raisedByFlag[pane]?[flag] { return known }
            let answer = book.panes[pane].flags[flag].raise(reader)
            raisedByFlag[pane, default: [:]][flag] = .some(answer)
            return answer
        }
        var out: [AlertFiring] = []
        for entry in book.entries {
            var machine = machines[entry.name] ?? AlertMachine()
            defer { machines[entry.name] = machine }
            switch entry.source {
            case let .rule(when, clear):
                let value = reader.value(when.expression)
                let now = value.map { when.comparison.holds($0, when.bound) }
                let clears = clear.map { c in reader.value(c.expression).map { c.comparison.holds($0, c.bound) } ?? false }
                guard machine.step(when: now, clear: clears), let value else { continue }
                let severity = entry.severity ?? .alert
                out.append(AlertFiring(date: day, name: entry.name, expression: when.expression,
                                       value: NumberFormat.shortest(value), condition: when.description,
                                       severity: severity, bell: entry.bell ?? (severity == .alert), run: entry.run))
            case let .flag(p, flags, kind):
                let specs = flags.map { book.panes[p].flags[$0] }
                let up = flags.compactMap { raised(p, $0) }.first { $0.alert == entry.name }
                let expression = specs.first?.alertExpression ?? ""
                switch kind {
                case .wordsChange:
                    guard machine.step(words: up?.word), let up else { continue }
                    let severity = entry.severity ?? .info
                    out.append(AlertFiring(date: day, name: entry.name, expression: expression, value: up.word,
                                           condition: "regime changed", severity: severity,
                                           bell: entry.bell ?? (severity == .alert), run: entry.run))
                case .raised:
                    // Known when the flag is up, or when every expression its flags read has
                    // a value on this date (down for a reason, not for lack of data).
                    let now: Bool? = up.map { $0.isRaised }
                        ?? (specs.allSatisfy { $0.reads.allSatisfy { reader.value($0) != nil } } ? false : nil)
                    guard machine.step(when: now), let up else { continue }
                    let severity = entry.severity ?? AlertSeverity(up.severity)
                    out.append(AlertFiring(date: day, name: entry.name, expression: expression,
                                           value: reader.value(expression).map(NumberFormat.shortest) ?? "",
                                           condition: AlertTracker.condition(of: specs, up), severity: severity,
                                           bell: entry.bell ?? (severity == .alert), run: entry.run))
                }
            }
        }
        return out
    }

    /// What a built-in tests, in words: its flag's condition, or its flag's word.
    private static func condition(of specs: [FlagSpec], _ up: ActiveFlag) -> String {
        if let words = specs.first?.conditionWords { return words }
        let tests = specs.compactMap(\.condition)
        // Two sides of one bound (the rotation extreme's z >= 2 and z <= -2): |z| >= 2.
        if tests.count == 2, tests[0].expression == tests[1].expression, tests[0].bound == -tests[1].bound,
           [tests[0].comparison, tests[1].comparison] == [.atLeast, .atMost] {
            return "|\(tests[0].expression)| >= \(NumberFormat.shortest(tests[0].bound))"
        }
        let conditions = tests.map(\.description)
        return conditions.isEmpty ? ([up.word] + up.detail.map { $0.forms[0] }).joined(separator: " ") : conditions.joined(separator: " or ")
    }
}

extension AlertSeverity {
    /// A flag's severity as an alert's: a state's words are `info`.
    public init(_ flag: FlagSeverity) {
        switch flag {
        case .state: self = .info
        case .warn: self = .warn
        case .alert: self = .alert
        }
    }
}
