import Foundation
import RotorTestSupport
import Testing

/// The real binary in a real terminal: tmux runs it detached, keys go in with
/// send-keys, the screen comes back with capture-pane.
@Suite(.serialized) struct DashboardTmuxTests {
    /// One per test (Swift Testing makes a new suite value for each), and so one tmux
    /// server each: a server being killed by the last test never takes the next one down.
    let session = "rotor-test-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"

    /// Runs a tmux command. Its output goes to files, never to a pipe we wait on:
    /// `new-session` may start the tmux server, which would hold a pipe open.
    func tmux(_ args: String...) throws {
        // A server of our own (-L), so a user's tmux is never touched; UTF-8 forced
        // (-u and the locale), since CI may run with no locale set at all.
        let r = try Subprocess.run("tmux", ["-u", "-L", session] + args,
                                   environment: ["LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"], timeout: 20)
        if r.timedOut { Issue.record("tmux \(args.joined(separator: " ")) did not finish in 20 s") }
    }

    /// The screen, through a file (see `tmux`).
    func screen() throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(session + ".screen").path
        try tmux("capture-pane", "-t", session, ";", "save-buffer", file, ";", "delete-buffer")
        defer { try? FileManager.default.removeItem(atPath: file) }
        return (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
    }

    static var tmuxInstalled: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Polls the screen until `condition` holds (the app redraws within a second).
    func waitFor(_ what: String, timeout: Double = 5, _ condition: (String) -> Bool) throws -> String {
        for _ in 0..<Int(timeout * 10) {
            let s = try screen()
            if condition(s) { return s }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let s = try screen()
        Issue.record("timed out waiting for \(what); screen:\n\(s)")
        return s
    }

    @Test func keysResizeSnapshotAndQuit() throws {
        guard Self.tmuxInstalled else {
            Issue.record("tmux is not installed (make test installs it)")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(session).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let exitFile = folder + "/exit"
        try tmux("new-session", "-d", "-x", "120", "-y", "40", "-s", session,
                 "XDG_STATE_HOME=\(folder) \(RotorProcess.binary) --snapshot-dir \(folder); echo $? > \(exitFile); sleep 5")
        defer { _ = try? tmux("kill-server") }

        var s = try waitFor("five panes") { $0.contains("5 RATES x EQUITIES") && $0.contains("REPLAY") }
        for title in ["1 RTY/ES", "2 MAG7 vs SPX", "3 VOL PREMIUM", "4 BREADTH"] { #expect(s.contains(title)) }
        #expect(s.contains("▶ 1 RTY/ES"))

        try tmux("send-keys", "-t", session, "Tab")
        s = try waitFor("focus on 2") { $0.contains("▶ 2 MAG7 vs SPX") }
        try tmux("send-keys", "-t", session, "z")
        s = try waitFor("zoom") { !$0.contains("1 RTY/ES") && $0.contains("2 MAG7 vs SPX") }
        try tmux("send-keys", "-t", session, "Escape")
        s = try waitFor("unzoom") { $0.contains("1 RTY/ES") && $0.contains("5 RATES") }
        // The vol pane's own key: 3 focuses it, v charts the next pair.
        try tmux("send-keys", "-t", session, "3", "v")
        s = try waitFor("next vol pair") { $0.contains("▶ 3 VOL PREMIUM") && $0.contains("VXN implied") }
        try tmux("send-keys", "-t", session, "?")
        s = try waitFor("help") { $0.contains("q Ctrl-C") && $0.contains("next theme") }
        try tmux("send-keys", "-t", session, "Escape")
        s = try waitFor("help closed") { !$0.contains("q Ctrl-C") }
        try tmux("send-keys", "-t", session, "t")
        s = try waitFor("next theme") { $0.contains("theme high-contrast") }

        // Pause so the screen holds still, then snapshot it.
        try tmux("send-keys", "-t", session, "p")
        _ = try waitFor("paused") { $0.contains("PAUSED") }
        let before = try screen()
        try tmux("send-keys", "-t", session, "s")
        s = try waitFor("saved") { $0.contains("saved ") }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("rotor-") && $0.hasSuffix(".txt") }
        #expect(files.count == 1)
        if let file = files.first {
            let saved = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            let trimmed = before.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
            #expect(saved.split(separator: "\n", omittingEmptySubsequences: false).prefix(39).map(String.init)
                    == Array(trimmed.prefix(39)))
        }

        try tmux("resize-window", "-t", session, "-x", "70", "-y", "20")
        s = try waitFor("narrow") { $0.split(separator: "\n").count <= 20 && $0.contains("1 RTY/ES") }
        #expect(s.split(separator: "\n").allSatisfy { $0.count <= 70 })
        try tmux("resize-window", "-t", session, "-x", "40", "-y", "10")
        _ = try waitFor("too small") { $0.contains("terminal too small (need 60x16)") }
        try tmux("resize-window", "-t", session, "-x", "120", "-y", "40")
        _ = try waitFor("restored") { $0.contains("5 RATES x EQUITIES") }

        try tmux("send-keys", "-t", session, "q")
        for _ in 0..<50 where !FileManager.default.fileExists(atPath: exitFile) { Thread.sleep(forTimeInterval: 0.1) }
        #expect((try? String(contentsOfFile: exitFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        // Nothing reached the screen but the dashboard; the events went to the log.
        let log = (try? String(contentsOfFile: folder + "/rotor/rotor.log", encoding: .utf8)) ?? ""
        #expect(log.contains("start: replaying") && log.contains("saved ") && log.contains("quit"))
    }

    /// SIGTERM and a closing pane (SIGHUP) end the dashboard cleanly: the exit status
    /// says which signal, and no process is left behind.
    @Test func signalsEndTheDashboard() throws {
        guard Self.tmuxInstalled else {
            Issue.record("tmux is not installed (make test installs it)")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(session + "-signals").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let exitFile = folder + "/exit", pidFile = folder + "/pid"
        try tmux("new-session", "-d", "-x", "100", "-y", "30", "-s", session,
                 "XDG_STATE_HOME=\(folder) sh -c 'echo $$ > \(pidFile); exec \(RotorProcess.binary)'; echo $? > \(exitFile); sleep 5")
        defer { _ = try? tmux("kill-server") }
        _ = try waitFor("dashboard") { $0.contains("REPLAY") }
        let pid = try #require(Int32((try? String(contentsOfFile: pidFile, encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""))
        kill(pid, SIGTERM)
        for _ in 0..<50 where !FileManager.default.fileExists(atPath: exitFile) { Thread.sleep(forTimeInterval: 0.1) }
        #expect((try? String(contentsOfFile: exitFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) == "143")
        // The shell got its terminal back: what it prints after rotor is on screen.
        #expect(kill(pid, 0) != 0)
    }

    /// `rotor --live` against a local Yahoo/FRED: live panes, a failing feed named on
    /// its pane and in the feeds overlay, `r`, and a restart with the network down
    /// that shows the cached data at once.
    @Test func liveDashboardAgainstALocalServer() throws {
        guard Self.tmuxInstalled else {
            Issue.record("tmux is not installed (make test installs it)")
            return
        }
        let server = try FakeMarketServer.start(failing: ["^RVX": .notFound])
        defer { server.stop() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(session + "-live").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = try LiveCommandTests.smallLiveConfig(in: folder)
        let exitFile = folder + "/exit"
        func command(_ baseURL: String) -> String {
            "ROTOR_YAHOO_BASE_URL=\(baseURL) ROTOR_FRED_BASE_URL=\(baseURL) ROTOR_CBOE_BASE_URL=\(baseURL) XDG_CACHE_HOME=\(folder) "
                + "XDG_STATE_HOME=\(folder) \(RotorProcess.binary) --config \(config); echo $? > \(exitFile); sleep 5"
        }
        try tmux("new-session", "-d", "-x", "120", "-y", "40", "-s", session, command(server.baseURL))
        defer { _ = try? tmux("kill-server") }

        var s = try waitFor("live panes with data", timeout: 20) {
            $0.contains(" LIVE ") && $0.contains("ratio 0.") && $0.contains("feeds 22/23 ok, 1 with problems")
        }
        #expect(s.contains("⚠ RVX: HTTP 404: No data found"))
        try tmux("send-keys", "-t", session, "f")
        s = try waitFor("feeds overlay") { $0.contains("feeds (f or Esc closes)") }
        #expect(s.contains("RVX (yahoo ^RVX)") && s.contains("FAILING  since"))
        #expect(s.contains("ES (yahoo ES=F)") && s.contains("ok       last ok"))
        try tmux("send-keys", "-t", session, "Escape")
        _ = try waitFor("overlay closed") { !$0.contains("feeds (f or Esc closes)") }
        try tmux("send-keys", "-t", session, "r")
        _ = try waitFor("refresh") { $0.contains("refreshing every feed") }
        try tmux("send-keys", "-t", session, "q")
        for _ in 0..<50 where !FileManager.default.fileExists(atPath: exitFile) { Thread.sleep(forTimeInterval: 0.1) }
        #expect((try? String(contentsOfFile: exitFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        try? FileManager.default.removeItem(atPath: exitFile)

        // Network down: the cache fills the panes at once; every feed fails by name.
        // (respawn-pane restarts in the same pane: killing the server and starting a
        // new one at once races with its shutdown.)
        server.stop()
        try tmux("respawn-pane", "-k", "-t", session, command("http://127.0.0.1:\(LocalHTTPServer.closedPort())"))
        s = try waitFor("cached data", timeout: 3) { $0.contains(" LIVE ") && $0.contains("ratio 0.") }
        s = try waitFor("failures named", timeout: 30) { $0.contains("⚠ ES: connection refused") }
        try tmux("send-keys", "-t", session, "q")
        for _ in 0..<50 where !FileManager.default.fileExists(atPath: exitFile) { Thread.sleep(forTimeInterval: 0.1) }
        #expect((try? String(contentsOfFile: exitFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }
}
