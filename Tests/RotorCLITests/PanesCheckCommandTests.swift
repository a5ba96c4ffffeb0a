import Foundation
import Testing

/// `[[panes]]` and `[[pages]]` mistakes as a user meets them: `rotor check` and the
/// commands that load the config exit 2 naming the file, line and key; the samples
/// that declare panes pass `rotor check`.
@Suite struct PanesCheckCommandTests {
    let demo = RotorProcess.repositoryRoot.appendingPathComponent("Samples/demo").path

    /// A config file in a fresh folder; the caller removes the folder.
    func config(_ text: String) throws -> (file: String, folder: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rotor-panes-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let file = folder + "/config.toml"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return (file, folder)
    }

    static let badConfigs: [(text: String, message: String)] = [
        ("""
         [[panes]]
         name = "zn"
         title = "ZN"
         readings = [
           { label = "ZN", expr = "ZN" },
           { label = "z", expr = "zscore(ZN,)" },
         ]
         """, ":6: panes[1].readings[2].expr: zscore(ZN,): unexpected ')' (at column 11)"),
        ("""
         [[panes]]
         name = "zn"
         title = "ZN"
         chart = [{ expr = "ZN" }]
         flags = [{ when = "ZN >> 114", text = "HIGH" }]
         """, ":5: panes[1].flags[1].when: more than one comparison in \"ZN >> 114\""),
        ("""
         [[panes]]
         name = "zn"
         title = "ZN"
         readings = [{ expr = "ZN" }]

         [[pages]]
         panes = ["rotation", "zm"]
         """, ":7: pages[1].panes: no pane named 'zm' (did you mean zn?); panes: rotation, mag7, vol, breadth, rates, network, positioning, zn"),
    ]

    @Test(arguments: badConfigs)
    func checkExitsTwoNamingFileAndLine(text: String, message: String) throws {
        let (file, folder) = try config("[data]\nfolder = \"\(demo)\"\n" + text)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Two lines of [data] come first: the message's line is two more.
        let line = Int(message.dropFirst().prefix { $0 != ":" })! + 2
        let expected = "\(file):\(line)" + message.drop { $0 != ":" }.dropFirst().drop { $0 != ":" }
        let check = try RotorProcess.run(["check", "--config", file])
        #expect(check.status == 2)
        #expect(check.stdout.hasPrefix("config: \(expected)\n"), "\(check.stdout)")
        #expect(!check.stdout.contains("config \(file): ok"))
        // And the commands that would draw or export the panes refuse the same way.
        for command in [["snapshot"], ["export", "ES"]] {
            let r = try RotorProcess.run(command + ["--config", file])
            #expect(r.status == 2, "\(command)")
            #expect(r.stderr == "rotor: \(expected)\n", "\(command)")
            #expect(r.stdout.isEmpty)
        }
    }

    @Test(arguments: ["panes.toml", "rotor.example.toml"])
    func samplesPassCheck(sample: String) throws {
        let path = RotorProcess.repositoryRoot.appendingPathComponent("Samples/" + sample).path
        let r = try RotorProcess.run(["check", "--config", path])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.hasPrefix("config \(path): ok\n"))
        #expect(r.stdout.contains(": ok (32 symbols, @universe)"))
    }

    /// `snapshot --page` and `--focus` are checked against the config's pages.
    @Test func pageAndFocusOptionsFollowThePages() throws {
        let path = RotorProcess.repositoryRoot.appendingPathComponent("Samples/panes.toml").path
        let cases: [([String], String)] = [
            (["--page", "4"], "rotor: --page 4: the dashboard has 3 pages\n"),
            (["--page", "3", "--focus", "3"], "rotor: --focus 3: page 3 has 2 panes\n"),
            (["--page", "0"], "--page must be 1 to 9, got 0"),
            (["--page", "10"], "--page must be 1 to 9, got 10"),
        ]
        for (options, message) in cases {
            let r = try RotorProcess.run(["snapshot", "--config", path] + options)
            #expect(r.status == 2 && r.stdout.isEmpty && r.stderr.contains(message), "\(options): \(r.stderr)")
        }
        // The built-ins alone: page 1 and page 2 (POSITIONING).
        let builtins = try RotorProcess.run(["snapshot", "--page", "3"])
        #expect(builtins.status == 2 && builtins.stderr == "rotor: --page 3: the dashboard has 2 pages\n")
        let focused = try RotorProcess.run(["snapshot", "--config", path, "--page", "3", "--focus", "2", "--zoom", "--at", "2026-06-30"])
        #expect(focused.status == 0 && focused.stdout.contains("▶ 2 2s10s CURVE") && !focused.stdout.contains("ZN 10Y NOTE"))
        #expect(focused.stdout.contains("inverted below") && focused.stdout.contains("page 3/3"))
    }

    /// panes.toml's own comments: `rotor export --config Samples/panes.toml --pane zn`
    /// prints the ZN pane's expressions.
    @Test func samplePaneExports() throws {
        let path = RotorProcess.repositoryRoot.appendingPathComponent("Samples/panes.toml").path
        let r = try RotorProcess.run(["export", "--config", path, "--pane", "zn", "--from", "2026-06-30", "--to", "2026-06-30"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("""
            date,ZN,"chg(ZN,1)","chg(ZN,20)","zscore(ZN,252)","pctrank(ZN,252)","corr(ret(RTY),ret(ZN),60)","sma(ZN,50)"
            2026-06-30,
            """))
    }
}
