import Foundation
import RotorCore
import RotorUI
import Testing
@testable import RotorConfig

/// `[[alerts]]`: a user's alert on an expression and an override of a built-in
/// become the expected `AlertRule`s; every mistake is an error at its file, line and
/// key, found when the config loads (so `rotor check` finds it before the screen opens).
@Suite struct AlertsConfigTests: MyTomlParsing {
    /// The default panes' built-in alerts, as the "not a built-in" error lists them.
    static let builtins = "rotation-extreme, implied-corr-high, iv-below-rv:VIX, iv-below-rv:VXN, iv-below-rv:RVX, breadth-extreme-high, "
        + "breadth-extreme-low, breadth-reversing, curve-regime, macro-regime, mi-spike, "
            + "squeeze-risk, crowded-short:RTY_AM, crowded-long:RTY_AM, crowded-short:RTY_LF, crowded-long:RTY_LF, crowded-short:NQ_AM, crowded-long:NQ_AM, crowded-short:NQ_LF, crowded-long:NQ_LF, crowded-short:ES_AM, crowded-long:ES_AM, crowded-short:ES_LF, crowded-long:ES_LF"

    // MARK: Good entries

    @Test func aUsersAlertAndAnOverrideParse() throws {
        let c = try parse("""
        [data]
        folder = "demo"

        [[alerts]]
        name = "rty-es:stretched.10d"
        when = "zscore(spread(RTY,ES,10),252) >= 2.5"
        clear = "zscore(spread(RTY,ES,10),252) < 1"
        severity = "warn"
        bell = true
        run = ["notify-send", "rotor", "RTY/ES stretched; $HOME is not expanded"]

        [[alerts]]
        name = "curve-regime"
        enabled = false

        [[alerts]]
        name = "iv-below-rv:VIX"
        severity = "Info"
        bell = false
        run = ["/usr/bin/logger", "-t", "rotor"]
        """)
        #expect(c.alerts == [
            AlertRule(name: "rty-es:stretched.10d",
                      when: Condition("zscore(spread(RTY,ES,10),252)", .atLeast, 2.5),
                      clear: Condition("zscore(spread(RTY,ES,10),252)", .below, 1),
                      severity: .warn, bell: true,
                      run: ["notify-send", "rotor", "RTY/ES stretched; $HOME is not expanded"], line: 4),
            AlertRule(name: "curve-regime", enabled: false, line: 12),
            AlertRule(name: "iv-below-rv:VIX", severity: .info, bell: false, run: ["/usr/bin/logger", "-t", "rotor"], line: 16),
        ])
        // What the dashboard watches: the rule's two expressions; the override's off.
        #expect(AlertBook.expressions(c.alerts) == ["zscore(spread(RTY,ES,10),252)", "zscore(spread(RTY,ES,10),252)"])
        #expect(AlertBook.disabled(c.alerts) == ["curve-regime"])
        let book = AlertBook(panes: c.paneSpecs, rules: c.alerts)
        #expect(!book.entries.contains { $0.name == "curve-regime" })
        #expect(book.entries.last?.name == "rty-es:stretched.10d" && book.entries.last?.severity == .warn)
        let vix = try #require(book.entries.first { $0.name == "iv-below-rv:VIX" })
        #expect(vix.severity == .info && vix.bell == false && vix.run == ["/usr/bin/logger", "-t", "rotor"])
    }

    @Test func defaultsAreLeftToTheBook() throws {
        let c = try parse("[[alerts]]\nname = \"es-down\"\nwhen = \"chg(ES,1) <= -0.02\"\n")
        // No severity, bell, run or clear: nil, so the book applies its defaults.
        #expect(c.alerts == [AlertRule(name: "es-down", when: Condition("chg(ES,1)", .atMost, -0.02), line: 1)])
        #expect(try parse("").alerts.isEmpty)
    }

    /// A `[[panes]]` flag is a built-in alert too (`<pane>:<slug>`), so it can be
    /// overridden, and `when` on it is refused like on any built-in.
    @Test func aUserPanesFlagIsABuiltin() throws {
        let pane = """
        [[panes]]
        name = "zn"
        title = "ZN"
        readings = [{ expr = "ZN" }]
        flags = [{ when = "ZN > 114", text = "ZN above 114" }]

        """
        let c = try parse(pane + "[[alerts]]\nname = \"zn:zn-above-114\"\nseverity = \"warn\"\n")
        #expect(c.alerts == [AlertRule(name: "zn:zn-above-114", severity: .warn, line: 6)])
        #expect(failure(pane + "[[alerts]]\nname = \"zn:zn-above-114\"\nwhen = \"ZN > 115\"\n")
            == "my.toml:8: alerts[1].when: 'zn:zn-above-114' is a built-in alert with its own condition; to alert on an expression, choose another name")
        #expect(failure(pane + "[[alerts]]\nname = \"zn:zn-above-115\"\n")
            == "my.toml:7: alerts[1].name: 'zn:zn-above-115' is not a built-in alert (did you mean zn:zn-above-114?), so it needs when = \"EXPR OP NUMBER\"; built-in alerts: \(Self.builtins), zn:zn-above-114")
    }

    /// The vol pairs' built-ins follow `[[vol_pairs]]`: a pair the config dropped is
    /// not a built-in any more.
    @Test func theBuiltinsFollowTheConfigsPanes() throws {
        let pairs = "[[vol_pairs]]\nimplied = \"VIX\"\nunderlying = \"ES\"\n"
        #expect(try parse(pairs + "[[alerts]]\nname = \"iv-below-rv:VIX\"\nenabled = false\n").alerts.count == 1)
        #expect(failure(pairs + "[[alerts]]\nname = \"iv-below-rv:VXN\"\nenabled = false\n")?
            .hasPrefix("my.toml:5: alerts[1].name: 'iv-below-rv:VXN' is not a built-in alert (did you mean iv-below-rv:VIX?), so it needs when") == true)
    }

    // MARK: Every mistake at its file, line and key

    @Test(arguments: [
        // The name.
        ("[[alerts]]\nwhen = \"ES > 1\"\n",
         "my.toml:1: alerts[1].name: missing (a built-in alert's name to change it, or a new name with when = \"EXPR OP NUMBER\")"),
        ("[[alerts]]\nname = 7\n", "my.toml:2: alerts[1].name: expected a string, got an integer"),
        ("[[alerts]]\nname = \"\"\nwhen = \"ES > 1\"\n", "my.toml:2: alerts[1].name: '' is not an alert name (letters, digits, - _ : .)"),
        ("[[alerts]]\nname = \"es high\"\nwhen = \"ES > 1\"\n",
         "my.toml:2: alerts[1].name: 'es high' is not an alert name (letters, digits, - _ : .)"),
        ("[[alerts]]\nname = \"es/high\"\nwhen = \"ES > 1\"\n",
         "my.toml:2: alerts[1].name: 'es/high' is not an alert name (letters, digits, - _ : .)"),
        ("[[alerts]]\nname = \"\(String(repeating: "a", count: 65))\"\nwhen = \"ES > 1\"\n",
         "my.toml:2: alerts[1].name: '\(String(repeating: "a", count: 57))...' is longer than 64 characters"),
        ("[[alerts]]\nname = \"Rotation-Extreme\"\n",
         "my.toml:2: alerts[1].name: the built-in alert is 'rotation-extreme' (names are exact); write it so to change it, or choose another name"),
        ("[[alerts]]\nname = \"es-high\"\nwhen = \"ES > 1\"\n\n[[alerts]]\nname = \"ES-High\"\nwhen = \"ES > 2\"\n",
         "my.toml:6: alerts[2].name: an alert named 'ES-High' is already declared (line 1); give each [[alerts]] its own name"),
        ("[[alerts]]\nname = \"mi-spike\"\nbell = false\n[[alerts]]\nname = \"mi-spike\"\nenabled = false\n",
         "my.toml:5: alerts[2].name: an alert named 'mi-spike' is already declared (line 1); give each [[alerts]] its own name"),
        // A new name needs a condition; a built-in's cannot take one.
        ("[[alerts]]\nname = \"rotation-extrme\"\nenabled = false\n",
         "my.toml:2: alerts[1].name: 'rotation-extrme' is not a built-in alert (did you mean rotation-extreme?), so it needs when = \"EXPR OP NUMBER\"; built-in alerts: \(builtins)"),
        ("[[alerts]]\nname = \"my-alert\"\n",
         "my.toml:2: alerts[1].name: 'my-alert' is not a built-in alert, so it needs when = \"EXPR OP NUMBER\"; built-in alerts: \(builtins)"),
        ("[[alerts]]\nname = \"rotation-extreme\"\nwhen = \"ES > 1\"\n",
         "my.toml:3: alerts[1].when: 'rotation-extreme' is a built-in alert with its own condition; to alert on an expression, choose another name"),
        ("[[alerts]]\nname = \"curve-regime\"\nseverity = \"warn\"\nclear = \"ES < 1\"\n",
         "my.toml:4: alerts[1].clear: 'curve-regime' is a built-in alert with its own condition; to alert on an expression, choose another name"),
        // Conditions: the form, then the expression as a [[panes]] flag's.
        ("[[alerts]]\nname = \"a\"\nwhen = 5\n", "my.toml:3: alerts[1].when: expected a string, got an integer"),
        ("[[alerts]]\nname = \"a\"\nwhen = \"ES\"\n",
         "my.toml:3: alerts[1].when: expected EXPR OP NUMBER with OP one of > >= < <=, got \"ES\""),
        ("[[alerts]]\nname = \"a\"\nwhen = \"ES == 1\"\n",
         "my.toml:3: alerts[1].when: expected EXPR OP NUMBER with OP one of > >= < <=, got \"ES == 1\""),
        ("[[alerts]]\nname = \"a\"\nwhen = \"ES >> 1\"\n", "my.toml:3: alerts[1].when: more than one comparison in \"ES >> 1\""),
        ("[[alerts]]\nname = \"a\"\nwhen = \"ES > NQ\"\n", "my.toml:3: alerts[1].when: expected a number after >, got \"NQ\""),
        ("[[alerts]]\nname = \"a\"\nwhen = \"> 1\"\n", "my.toml:3: alerts[1].when: no expression before >"),
        ("[[alerts]]\nname = \"a\"\nwhen = \"(ES > 1\"\n", "my.toml:3: alerts[1].when: unbalanced parentheses in \"(ES > 1\""),
        ("[[alerts]]\nname = \"a\"\nwhen = \"zscroe(ES,20) > 1\"\n",
         "my.toml:3: alerts[1].when: zscroe(ES,20) > 1: unknown function zscroe (at column 1)"),
        ("[[alerts]]\nname = \"a\"\nwhen = \"sma(ES,0) > 1\"\n",
         "my.toml:3: alerts[1].when: sma(ES,0) > 1: sma: n must be between 1 and 100000, got 0 (at column 8)"),
        ("[[alerts]]\nname = \"a\"\nwhen = \"ES > 1\"\nclear = \"ES\"\n",
         "my.toml:4: alerts[1].clear: expected EXPR OP NUMBER with OP one of > >= < <=, got \"ES\""),
        ("[[alerts]]\nname = \"a\"\nwhen = \"ES > 1\"\nclear = \"ratio(ES) < 1\"\n",
         "my.toml:4: alerts[1].clear: ratio(ES) < 1: ratio: expected 2 arguments, got 1 (at column 1)"),
        // Severity, bell, enabled.
        ("[[alerts]]\nname = \"a\"\nwhen = \"ES > 1\"\nseverity = \"critical\"\n",
         "my.toml:4: alerts[1].severity: must be one of info warn alert, got 'critical'"),
        ("[[alerts]]\nname = \"a\"\nwhen = \"ES > 1\"\nseverity = \"wran\"\n",
         "my.toml:4: alerts[1].severity: must be one of info warn alert, got 'wran' (did you mean warn?)"),
        ("[[alerts]]\nname = \"a\"\nwhen = \"ES > 1\"\nbell = \"yes\"\n", "my.toml:4: alerts[1].bell: expected true or false, got a string"),
        ("[[alerts]]\nname = \"mi-spike\"\nenabled = 0\n", "my.toml:3: alerts[1].enabled: expected true or false, got an integer"),
        // Run: an argument list, started without a shell.
        ("[[alerts]]\nname = \"a\"\nwhen = \"ES > 1\"\nrun = \"notify-send rotor\"\n",
         "my.toml:4: alerts[1].run: expected an array of strings (the command and its arguments, e.g. [\"notify-send\", \"rotor\"]; no shell splits it), got a string"),
        ("[[alerts]]\nname = \"a\"\nwhen = \"ES > 1\"\nrun = []\n",
         "my.toml:4: alerts[1].run: is empty: give the command and its arguments, e.g. [\"notify-send\", \"rotor\"]"),
        ("[[alerts]]\nname = \"a\"\nwhen = \"ES > 1\"\nrun = [\"notify-send\", \"\"]\n", "my.toml:4: alerts[1].run: argument 2 is empty"),
        ("[[alerts]]\nname = \"a\"\nwhen = \"ES > 1\"\nrun = [\"notify-send\", 3]\n",
         "my.toml:4: alerts[1].run: expected an array of strings, got an integer"),
        ("[[alerts]]\nname = \"a\"\nwhen = \"ES > 1\"\nrun = [\"a\\u0000b\"]\n",
         "my.toml:4: alerts[1].run: argument 1 ('a\\x00b') contains a NUL character"),
        // Unknown keys, and the table itself.
        ("[[alerts]]\nname = \"a\"\nwhen = \"ES > 1\"\nclaer = \"ES < 1\"\n", "my.toml:4: unknown key claer in [alerts[1]] (did you mean clear?)"),
        ("[[alerts]]\nname = \"mi-spike\"\ncommand = [\"x\"]\n", "my.toml:3: unknown key command in [alerts[1]]"),
        ("alerts = 3\n", "my.toml:1: alerts: expected an array of tables, got an integer"),
        ("[alerts]\nname = \"a\"\n", "my.toml:1: alerts: expected an array of tables, got a table"),
    ])
    func alertErrors(text: String, message: String) {
        #expect(failure(text) == message)
    }

    /// The second entry's errors are at its own lines, after a good first one.
    @Test func errorsAreAtTheirEntrysLine() {
        let first = "[[alerts]]\nname = \"a\"\nwhen = \"ES > 1\"\n\n"
        #expect(failure(first + "[[alerts]]\nname = \"b\"\nwhen = \"ES >\"\n") == "my.toml:7: alerts[2].when: expected a number after >, got \"\"")
        #expect(failure(first + "[[alerts]]\nname = \"b\"\n") == "my.toml:6: alerts[2].name: 'b' is not a built-in alert, so it needs when = \"EXPR OP NUMBER\"; built-in alerts: \(Self.builtins)")
        // An inline array of tables: each entry's header line is its own.
        #expect(failure("alerts = [\n  { name = \"a\", when = \"ES > 1\" },\n  { name = \"b\", when = \"ES ! 1\" },\n]\n")
            == "my.toml:3: alerts[2].when: expected EXPR OP NUMBER with OP one of > >= < <=, got \"ES ! 1\"")
    }

    /// Control characters a user (or a hostile file) put in a name, a condition or
    /// a command come back escaped, so the message cannot act on the terminal.
    @Test func echoedTextIsEscaped() throws {
        let name = try #require(failure("[[alerts]]\nname = \"x\\u001b]0;owned\\u0007\"\nwhen = \"ES > 1\"\n"))
        #expect(name == "my.toml:2: alerts[1].name: 'x\\e]0;owned\\x07' is not an alert name (letters, digits, - _ : .)")
        let condition = try #require(failure("[[alerts]]\nname = \"a\"\nwhen = \"ES\\u001b[2J\"\n"))
        #expect(condition == "my.toml:3: alerts[1].when: expected EXPR OP NUMBER with OP one of > >= < <=, got \"ES\\e[2J\"")
        let severity = try #require(failure("[[alerts]]\nname = \"a\"\nwhen = \"ES > 1\"\nseverity = \"\\u009b31m\"\n"))
        #expect(severity == "my.toml:4: alerts[1].severity: must be one of info warn alert, got '\\u{9B}31m'")
        for message in [name, condition, severity] {
            #expect(!message.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        }
    }

    /// Thousands of entries load at once: names are checked against a set, not each
    /// other (the figure is measured outside the tests; this checks the answer).
    @Test func manyAlertsLoad() throws {
        let text = (0..<5_000).map { "[[alerts]]\nname = \"a\($0)\"\nwhen = \"ES > \($0)\"\n" }.joined()
        let c = try parse(text)
        #expect(c.alerts.count == 5_000 && c.alerts.last?.line == 14_998 && c.alerts.last?.when?.bound == 4_999)
        #expect(failure(text + "[[alerts]]\nname = \"A17\"\nwhen = \"ES > 1\"\n")
            == "my.toml:15002: alerts[5001].name: an alert named 'A17' is already declared (line 52); give each [[alerts]] its own name")
    }
}
