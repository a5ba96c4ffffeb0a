import Foundation
import Testing

/// Issue 14: replaying the demo in tmux rings the bell (tmux's window bell flag, with
/// `monitor-bell`) and fills the `a` overlay on the dates `rotor alerts` gives. The
/// real binary in a detached tmux session (a bell in a session no client is attached
/// to always sets the flag); its log says which firings it delivered.
@Suite(.serialized) struct AlertBellTmuxTests {
    /// The tmux helpers of the dashboard's tmux tests, with a server of this test's own.
    let t = DashboardTmuxTests()

    func bellFlag() throws -> String {
        let r = try Subprocess.run("tmux", ["-u", "-L", t.session, "display-message", "-p", "-t", t.session,
                                            "#{window_bell_flag}"],
                                   environment: ["LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"], timeout: 20)
        return String(decoding: r.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The date in the status bar (its last row): `2024-07-15`.
    static func statusDate(_ screen: String) -> String? {
        screen.split(separator: "\n").last?.split(separator: " ").first { $0.hasPrefix("20") && $0.count == 10 }.map(String.init)
    }

    @Test func theReplayRingsTheBellAndFillsTheOverlayOnTheHistorysDates() throws {
        guard DashboardTmuxTests.tmuxInstalled else {
            Issue.record("tmux is not installed (make test installs it)")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(t.session + "-bell").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // From 2024-07-04, a session a second: the first firing that rings is the
        // rotation extreme of 2024-07-15, seven sessions in (07-11's vol warning and
        // the regime's changes before it are delivered without a bell).
        try t.tmux("new-session", "-d", "-x", "120", "-y", "40", "-s", t.session,
                   "XDG_STATE_HOME=\(folder) \(RotorProcess.binary) --at 2024-07-04 --speed 1; sleep 5")
        defer { _ = try? t.tmux("kill-server") }
        try t.tmux("set-option", "-g", "bell-action", "any")
        try t.tmux("set-window-option", "-t", t.session, "monitor-bell", "on")
        _ = try t.waitFor("the replay", timeout: 10) { $0.contains("REPLAY") && $0.contains("2024-07-") }
        // Before it: no bell. (Only checked when the screen is seen before 07-15, which
        // it is unless tmux took seven seconds to answer.)
        let early = try t.screen()
        if let date = Self.statusDate(early), date < "2024-07-15" { #expect(try bellFlag() == "0") }
        let log = folder + "/rotor/rotor.log"
        func logged() -> String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }
        // The extreme of 07-15 is delivered (logged) and rings: the window's flag is up.
        for _ in 0..<300 where !logged().contains("alert rotation-extreme on 2024-07-15") { Thread.sleep(forTimeInterval: 0.1) }
        #expect(logged().contains("alert rotation-extreme on 2024-07-15: "), "\(logged())")
        var flag = try bellFlag()
        for _ in 0..<50 where flag != "1" {
            Thread.sleep(forTimeInterval: 0.1)
            flag = try bellFlag()
        }
        #expect(flag == "1")
        // The firings delivered are the history's (`rotor alerts`) after the start,
        // each logged once, on its own date.
        try t.tmux("send-keys", "-t", t.session, "p")
        let paused = try t.waitFor("paused") { $0.contains("PAUSED") }
        let shown = try #require(Self.statusDate(paused))
        let history = try Subprocess.run(RotorProcess.binary, ["alerts", "--from", "2024-07-05", "--to", shown],
                                         environment: ["XDG_STATE_HOME": folder], timeout: 60)
        let expected = String(decoding: history.stdout, as: UTF8.self).split(separator: "\n").dropFirst()
            .map { row in row.split(separator: ",").prefix(2).joined(separator: " ") }
        let delivered = logged().split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: " alert ") else { return nil }
            let words = line[range.upperBound...].split(separator: " ")
            return words.count >= 3 ? "\(words[2].dropLast()) \(words[0])" : nil
        }
        #expect(delivered.sorted() == expected.sorted(), "\(delivered) vs \(expected)")
        #expect(expected.contains("2024-07-15 rotation-extreme"))
        // The overlay lists them, newest first, with the time each fired.
        try t.tmux("send-keys", "-t", t.session, "a")
        let overlay = try t.waitFor("the alerts overlay") { $0.contains("alerts (a or Esc closes)") }
        #expect(overlay.contains("2024-07-15  rotation-extreme") && overlay.contains("2024-07-11  iv-below-rv:RVX"))
        // A row of the (centred) overlay: `┃ HH:MM:SS  YYYY-MM-DD  name ...`.
        let rows = overlay.split(separator: "\n").filter { $0.contains(/┃ \d\d:\d\d:\d\d  20\d\d-\d\d-\d\d  \S/) }
        #expect(rows.count == expected.count, "\(overlay)")
        try t.tmux("send-keys", "-t", t.session, "Escape")
        _ = try t.waitFor("overlay closed") { !$0.contains("alerts (a or Esc closes)") }
        try t.tmux("send-keys", "-t", t.session, "q")
    }
}
