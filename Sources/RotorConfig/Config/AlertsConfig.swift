import RotorCore

extension RotorConfig {
    /// The longest name a user's own alert may have: it is shown in the status bar's
    /// strip and written in every line of the log. (An override takes the built-in's
    /// name, whatever its length.)
    static let maxAlertNameLength = 64

    /// `[[alerts]]`: users' alerts on expressions, and overrides of the built-in
    /// alerts (`builtin`, the flags of the panes) by name. Every condition is checked
    /// here as a `[[panes]]` flag's is, so a mistake is an error at its file, line and
    /// key before the screen opens; `rotor check` reports the same errors.
    static func readAlerts(_ tables: [TableReader], builtin: [String]) throws(ConfigError) -> [AlertRule] {
        let builtinSet = Set(builtin)
        // Lower-cased, so that `VIX-high` and `vix-high` are not two alerts that the
        // strip and the log could not tell apart.
        let builtinFolded = Dictionary(builtin.map { ($0.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        var declared: [String: Int] = [:] // lower-cased name -> line of its [[alerts]]
        var rules: [AlertRule] = []
        // `when` and `clear` often read one expression: it is checked once.
        var checked: Set<String> = []
        for var t in tables {
            guard let name = try t.string("name") else {
                throw t.error("name", "missing (a built-in alert's name to change it, or a new name with when = \"EXPR OP NUMBER\")")
            }
            let isBuiltin = builtinSet.contains(name)
            if !isBuiltin {
                try checkAlertName(name, in: t, builtin: builtin, builtinFolded: builtinFolded)
            }
            if let earlier = declared[name.lowercased()] {
                throw t.error("name", "an alert named '\(quoted(name))' is already declared (line \(earlier)); give each [[alerts]] its own name")
            }
            declared[name.lowercased()] = t.table.line

            var rule = AlertRule(name: name, line: t.table.line)
            if isBuiltin {
                for key in ["when", "clear"] {
                    guard t.item(key) != nil else { continue }
                    throw t.error(key, "'\(name)' is a built-in alert with its own condition; to alert on an expression, choose another name")
                }
            } else {
                guard try t.string("when") != nil else {
                    throw t.error("name", "'\(quoted(name))' is not a built-in alert\(hint(name, builtin)), so it needs when = \"EXPR OP NUMBER\"; built-in alerts: \(builtin.joined(separator: ", "))")
                }
                rule.when = try condition(&t, "when", checked: &checked)
                if try t.string("clear") != nil { rule.clear = try condition(&t, "clear", checked: &checked) }
            }
            if let text = try t.string("severity") {
                guard let severity = AlertSeverity(rawValue: text.lowercased()) else {
                    let names = AlertSeverity.allCases.map(\.rawValue)
                    throw t.error("severity", "must be one of \(names.joined(separator: " ")), got '\(quoted(text))'\(hint(text, names))")
                }
                rule.severity = severity
            }
            rule.bell = try t.bool("bell")
            rule.run = try command(&t)
            rule.enabled = try t.bool("enabled") ?? true
            try t.finish()
            rules.append(rule)
        }
        return rules
    }

    /// A user's alert name: letters, digits, `-`, `_`, `:` and `.`, at most
    /// `maxAlertNameLength`, and not a built-in's name in other letter case.
    private static func checkAlertName(_ name: String, in t: TableReader, builtin: [String],
                                       builtinFolded: [String: String]) throws(ConfigError) {
        guard !name.isEmpty, name.unicodeScalars.allSatisfy(isAlertNameScalar) else {
            throw t.error("name", "'\(quoted(name))' is not an alert name (letters, digits, - _ : .)")
        }
        guard name.count <= maxAlertNameLength else {
            throw t.error("name", "'\(quoted(name))' is longer than \(maxAlertNameLength) characters")
        }
        if let exact = builtinFolded[name.lowercased()] {
            throw t.error("name", "the built-in alert is '\(exact)' (names are exact); write it so to change it, or choose another name")
        }
    }

    /// `when` or `clear`: `EXPR OP NUMBER`, its expression checked as a `[[panes]]`
    /// flag's is (syntax, functions, windows; the data is not known here), unless it
    /// is in `checked` already.
    private static func condition(_ t: inout TableReader, _ key: String,
                                  checked: inout Set<String>) throws(ConfigError) -> Condition {
        guard let text = try t.string(key) else { throw t.error(key, "missing (a condition, EXPR OP NUMBER)") }
        do {
            let condition = try Condition.parse(text)
            if checked.insert(condition.expression).inserted { try Evaluator.check(condition.expression) }
            return condition
        } catch let error as ConditionError {
            throw t.error(key, error.message.escapingControlCharacters)
        } catch {
            throw t.error(key, "\(quoted(text)): \(error)")
        }
    }

    /// `run`: the command and its arguments as an array, started without a shell, so
    /// a bare string (which a shell would have split) is an error, not a guess.
    private static func command(_ t: inout TableReader) throws(ConfigError) -> [String]? {
        if let item = t.item("run"), case .string = item.value {
            throw t.error("run", "expected an array of strings (the command and its arguments, e.g. [\"notify-send\", \"rotor\"]; no shell splits it), got a string")
        }
        guard let argv = try t.strings("run") else { return nil }
        guard !argv.isEmpty else { throw t.error("run", "is empty: give the command and its arguments, e.g. [\"notify-send\", \"rotor\"]") }
        for (n, argument) in argv.enumerated() {
            if argument.isEmpty { throw t.error("run", "argument \(n + 1) is empty") }
            // A process's arguments are C strings: a NUL cannot be passed.
            if argument.unicodeScalars.contains("\u{0}") {
                throw t.error("run", "argument \(n + 1) ('\(quoted(argument))') contains a NUL character")
            }
        }
        return argv
    }

    /// ` (did you mean X?)` when one of `candidates` is close to `word`.
    private static func hint(_ word: String, _ candidates: [String]) -> String {
        suggestion(for: word, among: candidates).map { " (did you mean \($0)?)" } ?? ""
    }

    private static func isAlertNameScalar(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || "-_:.".unicodeScalars.contains(s)
    }
}
