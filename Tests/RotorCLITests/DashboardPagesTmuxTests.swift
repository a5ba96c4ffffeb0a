import Foundation
import Testing

/// Pages in a real terminal (the suite's tmux helpers): `}` turns to the user panes
/// of Samples/panes.toml, F1 back to the built-ins, the status bar says which.
extension DashboardTmuxTests {
    @Test func pageKeysTurnToTheUserPanes() throws {
        guard Self.tmuxInstalled else {
            Issue.record("tmux is not installed (make test installs it)")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(session + "-pages").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let exitFile = folder + "/exit"
        let config = RotorProcess.repositoryRoot.appendingPathComponent("Samples/panes.toml").path
        try tmux("new-session", "-d", "-x", "120", "-y", "40", "-s", session,
                 "XDG_STATE_HOME=\(folder) \(RotorProcess.binary) --config \(config); echo $? > \(exitFile); sleep 5")
        defer { _ = try? tmux("kill-server") }

        var s = try waitFor("page 1") { $0.contains("5 RATES x EQUITIES") && $0.contains("page 1/3") }
        #expect(!s.contains("ZN 10Y NOTE"))
        // -l: the brace goes in as a character, never as tmux syntax.
        try tmux("send-keys", "-t", session, "-l", "}")
        s = try waitFor("page 2, the built-ins") { $0.contains("page 2/3") && $0.contains("▶ 1 NETWORK") }
        #expect(s.contains("2 POSITIONING") && !s.contains("RTY/ES ━") && !s.contains("ZN 10Y NOTE"))
        try tmux("send-keys", "-t", session, "-l", "}")
        s = try waitFor("page 3") { $0.contains("page 3/3") && $0.contains("▶ 1 ZN 10Y NOTE") }
        #expect(s.contains("2 2s10s CURVE") && !s.contains("RTY/ES") && !s.contains("RATES x EQUITIES"))
        try tmux("send-keys", "-t", session, "F1")
        _ = try waitFor("page 1 again") { $0.contains("page 1/3") && $0.contains("▶ 1 RTY/ES") && !$0.contains("ZN 10Y NOTE") }

        try tmux("send-keys", "-t", session, "q")
        for _ in 0..<50 where !FileManager.default.fileExists(atPath: exitFile) { Thread.sleep(forTimeInterval: 0.1) }
        #expect((try? String(contentsOfFile: exitFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }
}
