public import RotorCore

/// An alert firing on a row: what the overlay lists, `alerts.jsonl` keeps, a `run`
/// command is told and `rotor alerts` prints.
public struct AlertFiring: Sendable, Equatable {
    /// The data date of the row it fired on.
    public var date: Day
    public var name: String
    /// The expression its value is of (a built-in's: the one its flag tests).
    public var expression: String
    /// The expression's value on that row, in full precision (`-2.0431...`); a words
    /// alert's new words (`bull steepener`).
    public var value: String
    /// What it tests, as the user reads it (`zscore(...) >= 2`, `regime changed`).
    public var condition: String
    public var severity: AlertSeverity
    /// Rings the terminal bell when delivered.
    public var bell: Bool
    public var run: [String]?

    public init(date: Day, name: String, expression: String, value: String, condition: String,
                severity: AlertSeverity, bell: Bool, run: [String]? = nil) {
        self.date = date
        self.name = name
        self.expression = expression
        self.value = value
        self.condition = condition
        self.severity = severity
        self.bell = bell
        self.run = run
    }

    /// Firings in the order `rotor alerts` prints them: by date, then name.
    public static func ordered(_ a: AlertFiring, _ b: AlertFiring) -> Bool {
        a.date != b.date ? a.date < b.date : a.name < b.name
    }
}
