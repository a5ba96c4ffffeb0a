import Foundation
import RotorConfig
import RotorData
@testable import RotorStore
import RotorTestSupport
import Testing
@testable import rotor

/// The desk's set-up end to end, with the real binaries: a local Yahoo/FRED/Cboe
/// stand-in, a PostgreSQL server of this test's own (it is stopped mid-test, so not
/// the one the other suites share), one `rotor collect`, twenty dashboards in tmux
/// (a desk; the issue asks for three) and an `export`. All show the same numbers;
/// the stand-in sees one collector's requests and not one more; the database going
/// away shows on every screen, the numbers stay, and the screens recover when it
/// comes back.
@Suite(.serialized, .enabled(if: TestPostgres.url != nil && DashboardTmuxTests.tmuxInstalled,
                             "needs tmux and PostgreSQL's programs: run `make test`"))
struct SharedCollectorTmuxTests {
    static let dashboards = 20
    let socket = "rotor-desk-\(getpid())-\(UUID().uuidString.prefix(8))"
    static let script = RotorProcess.repositoryRoot.appendingPathComponent("Tests/postgres-server.sh").path

    func tmux(_ args: [String]) throws {
        let r = try Subprocess.run("tmux", ["-u", "-L", socket] + args,
                                   environment: ["LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"], timeout: 20)
        if r.timedOut { Issue.record("tmux \(args.joined(separator: " ")) did not finish in 20 s") }
    }

    func screen(_ window: Int) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(window).screen").path
        try tmux(["capture-pane", "-t", "desk:\(window)", ";", "save-buffer", file, ";", "delete-buffer"])
        defer { try? FileManager.default.removeItem(atPath: file) }
        return (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
    }

    /// Polls a screen until `condition` holds; `timeout` is an upper bound only.
    /// (Task.sleep, not Thread.sleep: the other suites' tasks keep the thread.)
    func waitFor(_ window: Int, _ what: String, timeout: Double, _ condition: (String) -> Bool) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let s = try screen(window)
            if condition(s) { return s }
            try await Task.sleep(for: .milliseconds(200))
        }
        let s = try screen(window)
        if !condition(s) { Issue.record("dashboard \(window): timed out waiting for \(what); screen:\n\(s)") }
        return s
    }

    /// `ratio 0.1234` of the RTY/ES pane, as the screen shows it.
    static func ratio(_ screen: String) -> String? {
        guard let r = screen.range(of: "ratio ") else { return nil }
        return String(screen[r.upperBound...].prefix { !$0.isWhitespace })
    }

    /// A server of the test's own, from Tests/postgres-server.sh start.
    struct Server {
        let url: String, passwordFile: String, dir: String
        init() throws {
            let r = try Subprocess.run("bash", [SharedCollectorTmuxTests.script, "start"], timeout: 120)
            let out = String(decoding: r.stdout, as: UTF8.self)
            var values: [String: String] = [:]
            for line in out.split(separator: "\n") where line.hasPrefix("export ") {
                let pair = line.dropFirst(7).split(separator: "=", maxSplits: 1)
                if pair.count == 2 { values[String(pair[0])] = String(pair[1]) }
            }
            guard let url = values["ROTOR_TEST_POSTGRES_URL"], let file = values["ROTOR_TEST_POSTGRES_PASSWORD_FILE"],
                  let dir = values["ROTOR_TEST_POSTGRES_DIR"] else {
                throw StoreError("postgres-server.sh start failed: \(String(decoding: r.stderr, as: UTF8.self))")
            }
            (self.url, passwordFile, self.dir) = (url, file, dir)
        }
        func run(_ verb: String) throws {
            let r = try Subprocess.run("bash", [SharedCollectorTmuxTests.script, verb, dir], timeout: 120)
            if r.status != 0 { Issue.record("postgres-server.sh \(verb): \(String(decoding: r.stderr, as: UTF8.self))") }
        }
    }

    @Test func oneCollectorTwentyDashboardsAndAnExportAgreeAndSurviveTheDatabaseGoingAway() async throws {
        let server = try Server()
        defer { try? server.run("stop") }
        let market = try FakeMarketServer.start()
        defer { market.stop() }
        let folder = try LiveCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = try LiveCommandTests.smallLiveConfig(in: folder)
        try (try String(contentsOfFile: config, encoding: .utf8) + """

            [store]
            url = "\(server.url)"
            password_file = "\(server.passwordFile)"
            schema = "desk"
            """).write(toFile: config, atomically: true, encoding: .utf8)
        let env = LiveCommandTests.environment(market, cache: folder)
        let parsed = try RotorConfig.parse(try String(contentsOfFile: config, encoding: .utf8), file: config)
        let feeds = try LiveSession(config: parsed, configPath: config, log: { _ in }, environment: env, usingCache: false).feeds.count

        // The collector's first round: one notification per feed, then it is stopped,
        // so the stand-in's count is exactly one collector's (a second round would
        // come 30 s later in market hours).
        let store = SharedStore(try StoreSettings(url: server.url, passwordFile: server.passwordFile, schema: "desk"))
        try await store.migrate()
        let collected = try await store.withNotifications { notifications in
            let spawned = Spawned()
            let collector = Task.detached {
                try RotorProcess.run(["collect", "--config", config], environment: env, timeout: 120, started: spawned.set)
            }
            var heard = Set<String>()
            for try await n in notifications {
                heard.insert(n.feed)
                if heard.count == feeds { break }
            }
            let pid = try #require(spawned.pid)
            #expect(kill(pid, SIGTERM) == 0)
            return try await collector.value
        }
        #expect(collected.status == 0, "\(collected.stderr)")
        #expect(collected.stderr.hasSuffix("rotor collect: stopped\n"))
        await store.close()
        let oneCollector = market.requests.count
        #expect(oneCollector == feeds, "one request a feed")

        // Twenty dashboards on the store, all started at once.
        let n = Self.dashboards
        let exits = (0..<n).map { "\(folder)/exit\($0)" }
        func command(_ i: Int) -> String {
            env.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " ") + " XDG_STATE_HOME=\(folder)/state\(i) "
                + "\(RotorProcess.binary) --config \(config); echo $? > \(exits[i]); sleep 30"
        }
        try tmux(["new-session", "-d", "-x", "120", "-y", "40", "-s", "desk", command(0)])
        defer { _ = try? tmux(["kill-server"]) }
        for i in 1..<n { try tmux(["new-window", "-t", "desk:\(i)", command(i)]) }
        var ratios: [String] = []
        for i in 0..<n {
            let s = try await waitFor(i, "the store's data", timeout: 120) { $0.contains(" LIVE ") && Self.ratio($0) != nil }
            ratios.append(Self.ratio(s) ?? "")
        }
        // The overlay names the store and the collector (the status bar's summary
        // gives way to the flags at 120 columns).
        try tmux(["send-keys", "-t", "desk:0", "f"])
        let linked = try await waitFor(0, "the store's lines in f", timeout: 10) { $0.contains("collector ") && $0.contains("listening") }
        #expect(linked.contains("ok       last write"))
        try tmux(["send-keys", "-t", "desk:0", "Escape"])
        let export = try RotorProcess.run(["export", "--config", config, "div(RTY,ES)"], environment: env)
        #expect(export.status == 0, "\(export.stderr)")
        let last = try #require(export.stdout.split(separator: "\n").last?.split(separator: ",").last.flatMap { Double($0) })
        #expect(ratios == Array(repeating: String(format: "%.4f", last), count: n), "screens \(ratios), export \(last)")
        #expect(market.requests.count == oneCollector, "\(n) dashboards and an export asked the sources for nothing")

        // The database goes away: every screen says so and keeps its numbers.
        try server.run("pause")
        for i in 0..<n {
            let s = try await waitFor(i, "STORE LOST", timeout: 60) { $0.contains("store lost since") }
            #expect(Self.ratio(s) == ratios[i], "the numbers stay on screen")
        }
        try tmux(["send-keys", "-t", "desk:0", "f"])
        let overlay = try await waitFor(0, "the store's FAILING line", timeout: 10) { $0.contains("store postgres://") && $0.contains("FAILING  since") }
        #expect(!overlay.contains(try StoreSettings.readPasswordFile(server.passwordFile, source: "test")))
        try tmux(["send-keys", "-t", "desk:0", "Escape"])

        // Back: within the backoff (5 s, then 10 s, jittered) every screen recovers.
        try server.run("resume")
        for i in 0..<n {
            let s = try await waitFor(i, "recovery", timeout: 90) { !$0.contains("store lost since") && Self.ratio($0) != nil }
            #expect(Self.ratio(s) == ratios[i])
        }
        #expect(market.requests.count == oneCollector)

        for i in 0..<n { try tmux(["send-keys", "-t", "desk:\(i)", "q"]) }
        for i in 0..<n {
            let deadline = Date().addingTimeInterval(10)
            while !FileManager.default.fileExists(atPath: exits[i]) && Date() < deadline { try await Task.sleep(for: .milliseconds(100)) }
            #expect((try? String(contentsOfFile: exits[i], encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) == "0",
                    "dashboard \(i) exit status")
        }
    }
}
