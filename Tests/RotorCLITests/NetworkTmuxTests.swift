import Foundation
import Testing

/// The NETWORK pane in a real terminal: `}` turns to it on page 2, `z` zooms it, `v`
/// steps through its four views (the graph's legend names the threshold) and wraps.
extension DashboardTmuxTests {
    @Test func networkViewsInTmux() throws {
        guard Self.tmuxInstalled else {
            Issue.record("tmux is not installed (make test installs it)")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(session + "-network").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try tmux("new-session", "-d", "-x", "120", "-y", "40", "-s", session,
                 "XDG_STATE_HOME=\(folder) \(RotorProcess.binary) --at 2026-06-30 --speed 0.001; sleep 5")
        defer { _ = try? tmux("kill-server") }

        _ = try waitFor("page 1") { $0.contains("5 RATES x EQUITIES") }
        try tmux("send-keys", "-t", session, "-l", "}")
        var s = try waitFor("the network") { $0.contains("▶ 1 NETWORK") && $0.contains("page 2/2") }
        #expect(s.contains("corr 60d · chg 20d · MI · graph") && s.contains("strongest |corr| ≥ 0.30"))
        try tmux("send-keys", "-t", session, "z")
        try tmux("send-keys", "-t", session, "v")
        _ = try waitFor("the change view") { $0.contains("-0.30 -0.20 -0.10 -0.05 0") }
        try tmux("send-keys", "-t", session, "v")
        _ = try waitFor("the MI view") { $0.contains("MI highest in its year") }
        try tmux("send-keys", "-t", session, "v")
        s = try waitFor("the graph") { $0.contains("pairs |corr| ≥ 0.30") }
        #expect(s.contains(" RTY ") && s.contains(" DX "))
        try tmux("send-keys", "-t", session, "v")
        _ = try waitFor("back to the matrix") { $0.contains("-0.7 -0.5 -0.3 -0.1 0 +0.1") }
        try tmux("send-keys", "-t", session, "q")
    }
}
