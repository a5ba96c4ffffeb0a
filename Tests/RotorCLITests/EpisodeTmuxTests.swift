import Foundation
import Testing

/// An episode in a real terminal (the suite's tmux helpers): `rotor --episode
/// vol-crush` starts on the episode's first session and the replay ends on its last,
/// where the status bar says REPLAY END.
extension DashboardTmuxTests {
    @Test func anEpisodeReplaysFromItsFirstSessionAndEndsOnItsLast() throws {
        guard Self.tmuxInstalled else {
            Issue.record("tmux is not installed (make test installs it)")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(session + "-episode").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let exitFile = folder + "/exit"
        // 2025-04-14 .. 2025-04-30 is 13 sessions: at 5 a second the end comes in about 3 s.
        try tmux("new-session", "-d", "-x", "120", "-y", "40", "-s", session,
                 "XDG_STATE_HOME=\(folder) \(RotorProcess.binary) --episode vol-crush --speed 5; echo $? > \(exitFile); sleep 5")
        defer { _ = try? tmux("kill-server") }

        let first = try waitFor("the replay") { $0.contains(" REPLAY ") && $0.contains("5 RATES x EQUITIES") }
        let bar = first.split(separator: "\n").last.map(String.init) ?? ""
        #expect(["2025-04-14", "2025-04-15", "2025-04-16"].contains { bar.contains($0) }, "\(bar)")
        let end = try waitFor("the episode's end", timeout: 60) { $0.contains("REPLAY END") }
        let last = end.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.contains("REPLAY END") && last.contains("2025-04-30"), "\(last)")
        #expect(!end.contains("2025-05-01"))

        try tmux("send-keys", "-t", session, "q")
        for _ in 0..<50 where !FileManager.default.fileExists(atPath: exitFile) { Thread.sleep(forTimeInterval: 0.1) }
        #expect((try? String(contentsOfFile: exitFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }
}
