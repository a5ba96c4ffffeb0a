public import RotorCore

/// Every alert the dashboard watches: the built-ins (each flag of each pane, by its
/// stable name) with the config's overrides applied, then the config's own
/// `[[alerts]]` on expressions. One book serves the dashboard, `rotor alerts` and
/// `rotor line`, so all three fire the same alerts on the same rows.
public struct AlertBook: Sendable {
    /// One alert to watch.
    public struct Entry: Sendable {
        public var name: String
        /// Nil: the severity of its flag (a state's words: `info`).
        public var severity: AlertSeverity?
        /// Nil: ring for `alert` severity.
        public var bell: Bool?
        public var run: [String]?
        public var source: Source

        public enum Source: Sendable {
            /// A user's rule on an expression.
            case rule(when: Condition, clear: Condition?)
            /// The flags of a pane that raise this name (`panes[pane].flags[i]`).
            case flag(pane: Int, flags: [Int], kind: FlagSpec.AlertKind)
        }

        /// What identifies its state across restarts: a changed rule starts afresh.
        public var fingerprint: String {
            switch source {
            case let .rule(when, clear): "\(when)|\(clear.map(\.description) ?? "")"
            case .flag: "builtin"
            }
        }
    }

    /// Enabled alerts, the built-ins in pane order first, then the config's.
    public let entries: [Entry]
    public let panes: [PaneSpec]

    public init(panes: [PaneSpec], rules: [AlertRule] = []) {
        self.panes = panes
        let overrides = Dictionary(rules.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var entries: [Entry] = [], seen = Set<String>()
        for (p, pane) in panes.enumerated() {
            for flag in pane.flags {
                for name in flag.alerts where seen.insert(name).inserted {
                    let raising = pane.flags.indices.filter { pane.flags[$0].alerts.contains(name) }
                    var entry = Entry(name: name, source: .flag(pane: p, flags: raising, kind: flag.alertKind))
                    if let rule = overrides[name] {
                        guard rule.enabled else { continue }
                        entry.severity = rule.severity
                        entry.bell = rule.bell
                        entry.run = rule.run
                    }
                    entries.append(entry)
                }
            }
        }
        for rule in rules where !seen.contains(rule.name) && rule.enabled {
            guard let when = rule.when else { continue }
            entries.append(Entry(name: rule.name, severity: rule.severity ?? .alert, bell: rule.bell, run: rule.run,
                                 source: .rule(when: when, clear: rule.clear)))
        }
        self.entries = entries
    }

    /// The book's entries named in `names` only.
    init(_ book: AlertBook, only names: Set<String>) {
        panes = book.panes
        entries = book.entries.filter { names.contains($0.name) }
    }

    /// The names of the built-in alerts of these panes, in pane order.
    public static func builtinNames(_ panes: [PaneSpec]) -> [String] {
        var seen = Set<String>()
        return panes.flatMap { $0.flags.flatMap(\.alerts) }.filter { seen.insert($0).inserted }
    }

    /// The expressions the config's rules read, for the model to evaluate.
    public static func expressions(_ rules: [AlertRule]) -> [String] {
        rules.filter(\.enabled).flatMap(\.expressions)
    }

    /// The names turned off by `enabled = false`: the strip leaves them out.
    public static func disabled(_ rules: [AlertRule]) -> Set<String> {
        Set(rules.filter { !$0.enabled }.map(\.name))
    }
}
