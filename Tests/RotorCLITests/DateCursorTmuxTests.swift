import Foundation
import Testing

/// The date cursor in the real binary under tmux: `c` shows it on the replay's
/// date, which then moves on while the cursor stays; Left steps a session back,
/// Shift-Left (tmux sends `ESC [1;2D`, terminfo's kLFT) and H twenty; `s` saves
/// the screen with the cursor; Esc leaves.
extension DashboardTmuxTests {
    /// The status bar's `date · CURSOR date`, if shown.
    static func cursorDates(_ screen: String) -> (now: String, cursor: String)? {
        guard let m = screen.firstMatch(of: #/(\d{4}-\d{2}-\d{2}) · CURSOR (\d{4}-\d{2}-\d{2})/#) else { return nil }
        return (String(m.1), String(m.2))
    }

    static func days(_ from: String, _ to: String) -> Int {
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd"
        f.timeZone = TimeZone(identifier: "UTC")
        guard let a = f.date(from: from), let b = f.date(from: to) else { return .min }
        return Int((b.timeIntervalSince(a) / 86_400).rounded())
    }

    @Test func theDateCursorKeys() throws {
        guard Self.tmuxInstalled else {
            Issue.record("tmux is not installed (make test installs it)")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(session + "-cursor").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let exitFile = folder + "/exit"
        try tmux("new-session", "-d", "-x", "120", "-y", "40", "-s", session,
                 "XDG_STATE_HOME=\(folder) \(RotorProcess.binary) --snapshot-dir \(folder); echo $? > \(exitFile); sleep 5")
        defer { _ = try? tmux("kill-server") }
        _ = try waitFor("dashboard") { $0.contains("5 RATES x EQUITIES") && $0.contains("REPLAY") }

        try tmux("send-keys", "-t", session, "c")
        var s = try waitFor("cursor") { Self.cursorDates($0) != nil }
        let shown = try #require(Self.cursorDates(s)).cursor
        // The replay goes on (one session a second) and the cursor stays on its date.
        s = try waitFor("replay moving under the cursor", timeout: 10) {
            guard let d = Self.cursorDates($0) else { return false }
            return d.cursor == shown && Self.days(shown, d.now) > 0
        }
        #expect(s.contains(" ┊"))
        try tmux("send-keys", "-t", session, "Left")
        s = try waitFor("a session back") { Self.cursorDates($0).map { $0.cursor < shown } ?? false }
        let back1 = try #require(Self.cursorDates(s)).cursor
        #expect((1...4).contains(Self.days(back1, shown)), "\(back1) -> \(shown)")
        try tmux("send-keys", "-t", session, "S-Left")
        s = try waitFor("20 sessions back") { Self.cursorDates($0).map { $0.cursor < back1 } ?? false }
        let back21 = try #require(Self.cursorDates(s)).cursor
        // 20 weekday sessions are four weeks, give or take a holiday.
        #expect((28...32).contains(Self.days(back21, back1)), "\(back21) -> \(back1)")
        try tmux("send-keys", "-t", session, "H")
        s = try waitFor("20 more back") { Self.cursorDates($0).map { $0.cursor < back21 } ?? false }
        #expect((28...32).contains(Self.days(try #require(Self.cursorDates(s)).cursor, back21)))
        // `s` saves the screen with the cursor on it.
        try tmux("send-keys", "-t", session, "s")
        _ = try waitFor("saved") { $0.contains("saved ") }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("rotor-") }
        let saved = try files.first.map { try String(contentsOfFile: folder + "/" + $0, encoding: .utf8) } ?? ""
        #expect(saved.contains("· CURSOR ") && saved.contains("┊"))
        // The help says what the keys do with the cursor.
        try tmux("send-keys", "-t", session, "?")
        s = try waitFor("help") { $0.contains("q Ctrl-C") }
        #expect(s.contains("or cursor a session back") && s.contains("H Shift-Left"))
        try tmux("send-keys", "-t", session, "Escape")
        _ = try waitFor("help closed") { !$0.contains("q Ctrl-C") }
        try tmux("send-keys", "-t", session, "Escape")
        s = try waitFor("cursor left") { !$0.contains("CURSOR") && $0.contains("REPLAY") }
        #expect(!s.contains("┊"))

        try tmux("send-keys", "-t", session, "q")
        for _ in 0..<50 where !FileManager.default.fileExists(atPath: exitFile) { Thread.sleep(forTimeInterval: 0.1) }
        #expect((try? String(contentsOfFile: exitFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }
}
