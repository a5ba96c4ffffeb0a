/// One `[[alerts]]` entry of the config: a user's alert on any expression, or an
/// override of a built-in alert (the flag of a pane) by its name.
public struct AlertRule: Sendable, Equatable {
    /// Stable, unique: what the strip, the log, `rotor alerts` and the state file
    /// call it. A built-in's name (`rotation-extreme`) makes the entry an override.
    public var name: String
    /// `EXPR OP NUMBER`; nil only for an override of a built-in.
    public var when: Condition?
    /// What re-arms it after a firing; nil: `when` is false.
    public var clear: Condition?
    /// Nil keeps a built-in's own severity; a user's alert defaults to `alert`.
    public var severity: AlertSeverity?
    /// Nil: ring for `alert` severity only.
    public var bell: Bool?
    /// A command as an argument list, started without a shell on each firing.
    public var run: [String]?
    /// False turns an alert (a built-in's, usually) off: it never fires.
    public var enabled: Bool
    /// The config line of its `[[alerts]]` header, for messages.
    public var line: Int

    public init(name: String, when: Condition? = nil, clear: Condition? = nil, severity: AlertSeverity? = nil,
                bell: Bool? = nil, run: [String]? = nil, enabled: Bool = true, line: Int = 0) {
        self.name = name
        self.when = when
        self.clear = clear
        self.severity = severity
        self.bell = bell
        self.run = run
        self.enabled = enabled
        self.line = line
    }

    /// The expressions it reads (the model evaluates them beside the panes').
    public var expressions: [String] {
        [when?.expression, clear?.expression].compactMap { $0 }
    }
}
