import Foundation
import Testing

/// `[[alerts]]` as a user meets it: `rotor check` counts the alerts a good config
/// declares and warns of ones that cannot work; a mistake makes `rotor check`, the
/// dashboard and the commands that load the config exit 2 naming the file, line and
/// key; the example config's `[[alerts]]` block, uncommented, passes.
@Suite struct AlertsCheckCommandTests {
    let demo = RotorProcess.repositoryRoot.appendingPathComponent("Samples/demo").path
    let example = RotorProcess.repositoryRoot.appendingPathComponent("Samples/rotor.example.toml").path

    /// A config file in a fresh folder; the caller removes the folder.
    func config(_ text: String) throws -> (file: String, folder: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rotor-alerts-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let file = folder + "/config.toml"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return (file, folder)
    }

    /// Mistakes, each after two lines of `[data]` (so at its line plus two).
    static let badConfigs: [(text: String, line: Int, message: String)] = [
        ("[[alerts]]\nname = \"rty-es\"\nwhen = \"zscore(spread(RTY,ES),252) >= 2.5\"\n", 3,
         "alerts[1].when: zscore(spread(RTY,ES),252) >= 2.5: spread: expected 3 arguments, got 2 (at column 8)"),
        ("[[alerts]]\nname = \"curve-regime\"\nwhen = \"sub(US10Y,US2Y) < 0\"\n", 3,
         "alerts[1].when: 'curve-regime' is a built-in alert with its own condition; to alert on an expression, choose another name"),
        ("[[alerts]]\nname = \"rotation-extrem\"\nenabled = false\n", 2,
         "alerts[1].name: 'rotation-extrem' is not a built-in alert (did you mean rotation-extreme?), so it needs when = \"EXPR OP NUMBER\"; "
            + "built-in alerts: rotation-extreme, implied-corr-high, iv-below-rv:VIX, iv-below-rv:VXN, iv-below-rv:RVX, breadth-extreme-high, "
            + "breadth-extreme-low, breadth-reversing, curve-regime, macro-regime, mi-spike, "
            + "squeeze-risk, crowded-short:RTY_AM, crowded-long:RTY_AM, crowded-short:RTY_LF, crowded-long:RTY_LF, crowded-short:NQ_AM, crowded-long:NQ_AM, crowded-short:NQ_LF, crowded-long:NQ_LF, crowded-short:ES_AM, crowded-long:ES_AM, crowded-short:ES_LF, crowded-long:ES_LF"),
        ("[[alerts]]\nname = \"es\"\nwhen = \"ES > 1\"\nrun = \"notify-send rotor\"\n", 4,
         "alerts[1].run: expected an array of strings (the command and its arguments, e.g. [\"notify-send\", \"rotor\"]; no shell splits it), got a string"),
        ("[[alerts]]\nname = \"es\"\nwhen = \"ES > 1\"\nseverity = \"loud\"\n", 4, "alerts[1].severity: must be one of info warn alert, got 'loud'"),
        ("[[alerts]]\nname = \"es\"\nwhen = \"ES > 1\"\n[[alerts]]\nname = \"es\"\nwhen = \"ES > 2\"\n", 5,
         "alerts[2].name: an alert named 'es' is already declared (line 3); give each [[alerts]] its own name"),
        ("[[alerts]]\nname = \"es\\u001b[2J\"\nwhen = \"ES > 1\"\n", 2, "alerts[1].name: 'es\\e[2J' is not an alert name (letters, digits, - _ : .)"),
    ]

    @Test(arguments: badConfigs)
    func aBadAlertExitsTwoNamingFileAndLine(text: String, line: Int, message: String) throws {
        let (file, folder) = try config("[data]\nfolder = \"\(demo)\"\n" + text)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let expected = "\(file):\(line + 2): \(message)"
        let check = try RotorProcess.run(["check", "--config", file])
        #expect(check.status == 2)
        #expect(check.stdout.hasPrefix("config: \(expected)\n"), "\(check.stdout)")
        #expect(!check.stdout.contains("config \(file): ok") && !check.stdout.contains("alerts: ok"))
        #expect(!check.stdout.contains("\u{1B}"))
        // The dashboard (before it touches the terminal) and the commands that would
        // draw, export or replay the alerts refuse the same way.
        for command in [["dashboard"], ["snapshot"], ["export", "ES"], ["alerts"]] {
            let r = try RotorProcess.run(command + ["--config", file], environment: ["TERM": "xterm-256color"])
            #expect(r.status == 2, "\(command)")
            #expect(r.stderr == "rotor: \(expected)\n", "\(command): \(r.stderr)")
            #expect(r.stdout.isEmpty, "\(command)")
        }
    }

    /// The example file as shipped declares none; its commented `[[alerts]]` block,
    /// uncommented, is a good config: one new alert, one override that is off.
    @Test func theExampleAndItsAlertsBlockPassCheck() throws {
        let shipped = try RotorProcess.run(["check", "--config", example])
        #expect(shipped.status == 0, "\(shipped.stdout)\(shipped.stderr)")
        #expect(shipped.stdout.hasPrefix("config \(example): ok\nalerts: ok (none declared; 24 built-in)\n"), "\(shipped.stdout)")

        let text = try String(contentsOfFile: example, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex(of: "# [[alerts]]"))
        let block = lines[start...].prefix { $0.hasPrefix("#") }.map { $0 == "#" ? "" : String($0.dropFirst(2)) }
        #expect(block.filter { $0 == "[[alerts]]" }.count == 2, "\(block)")
        let (file, folder) = try config("[data]\nfolder = \"\(demo)\"\n\n" + block.joined(separator: "\n") + "\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // With a PATH of one folder holding notify-send, so the check has nothing to warn of.
        let bin = folder + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: bin + "/notify-send", contents: Data("#!/bin/sh\nexit 0\n".utf8),
                                       attributes: [.posixPermissions: 0o755])
        let r = try RotorProcess.run(["check", "--config", file], environment: ["PATH": bin])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.hasPrefix("config \(file): ok\nalerts: ok (2 declared: 1 new, 1 override; 1 disabled; 24 built-in)\n"), "\(r.stdout)")
        #expect(!r.stdout.contains("warning"), "\(r.stdout)")
    }

    /// What the config cannot know: a rule on a symbol the data lacks never fires,
    /// and a `run` command that is not there fails at each firing. Warnings: the
    /// check still passes (the data or PATH may differ where the dashboard runs).
    @Test func checkWarnsOfAlertsThatCannotWork() throws {
        let (file, folder) = try config("""
            [data]
            folder = "\(demo)"

            [[alerts]]
            name = "platinum-high"
            when = "PL > 1000"

            [[alerts]]
            name = "es-down"
            when = "chg(ES,1) < -0.03"
            run = ["rotor-test-no-such-program", "x"]

            [[alerts]]
            name = "mi-spike"
            run = ["/nonexistent/rotor-notify"]

            [[alerts]]
            name = "off"
            when = "QQQ > 1"
            enabled = false
            run = ["rotor-test-no-such-program"]
            """)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let r = try RotorProcess.run(["check", "--config", file])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.prefix(4) == [
            "config \(file): ok",
            "alerts: ok (4 declared: 3 new, 1 override; 1 disabled; 24 built-in)",
            "alerts: warning: \(file):8: run: 'rotor-test-no-such-program' is not found on PATH; alert es-down will log a failure each time it fires",
            "alerts: warning: \(file):13: run: '/nonexistent/rotor-notify' is not an executable file; alert mi-spike will log a failure each time it fires",
        ], "\(r.stdout)")
        #expect(lines.contains("alerts: warning: \(file):4: alert platinum-high reads PL, which the data does not have; it cannot fire"), "\(r.stdout)")
        // A disabled alert is not warned about.
        #expect(!r.stdout.contains("alert off "), "\(r.stdout)")
    }

    /// Live, the feeds are the data: a rule on a symbol no feed fills is warned of.
    /// (CSV feeds: the check reads local files, nothing leaves the machine.)
    @Test func liveCheckWarnsOfAlertsNoFeedFills() throws {
        let (file, folder) = try config("""
            [[feeds]]
            symbol = "ES"
            provider = "csv"
            ticker = "\(demo)/ES.csv"

            [[alerts]]
            name = "es-high"
            when = "es > 1000"

            [[alerts]]
            name = "es-nq"
            when = "ratio(ES,NQ) > 1"
            clear = "above(@universe,50) < 40"
            """)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let r = try RotorProcess.run(["check", "--config", file], environment: ["XDG_CACHE_HOME": folder, "XDG_STATE_HOME": folder])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.prefix(3) == [
            "config \(file): ok",
            "alerts: ok (2 declared: 2 new; 24 built-in)",
            "alerts: warning: \(file):10: alert es-nq reads @universe, NQ, which no [[feeds]] fills; it cannot fire",
        ], "\(r.stdout)")
        #expect(lines.contains("ES ok") && !r.stdout.contains("es-high"), "\(r.stdout)")
    }

    /// The parsed rules are the ones `rotor alerts` replays: the user's rule fires
    /// (each time at 2.5 or more), the override turns curve-regime's firings off.
    @Test func theRulesReachRotorAlerts() throws {
        let (file, folder) = try config("""
            [data]
            folder = "\(demo)"

            [[alerts]]
            name = "rty-es-stretched"
            when = "zscore(spread(RTY,ES,10),252) >= 2.5"
            clear = "zscore(spread(RTY,ES,10),252) < 1"

            [[alerts]]
            name = "curve-regime"
            enabled = false
            """)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func rows(_ arguments: [String]) throws -> [[Substring]] {
            let r = try RotorProcess.run(["alerts", "--data", demo] + arguments)
            #expect(r.status == 0, "\(r.stderr)")
            return r.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
        }
        let builtin = try rows([])
        #expect(builtin.contains { $0[1] == "curve-regime" } && !builtin.contains { $0[1] == "rty-es-stretched" })
        let configured = try rows(["--config", file])
        let stretched = configured.filter { $0[1] == "rty-es-stretched" }
        #expect(!stretched.isEmpty && stretched.allSatisfy { Double($0.last!)! >= 2.5 }, "\(stretched)")
        #expect(!configured.contains { $0[1] == "curve-regime" })
        #expect(configured.filter { $0[1] != "rty-es-stretched" } == builtin.filter { $0[1] != "curve-regime" })
    }
}
