import Foundation
import Testing

/// The terminal is the user's: whatever ends the dashboard, the shell gets it back
/// sane (line editing, echo, the normal screen), and a terminal that cannot show the
/// dashboard is told so before the screen is touched.
extension DashboardTmuxTests {
    /// Starts the demo dashboard in tmux through `sh`, which records rotor's pid, and
    /// afterwards its exit status and the terminal's `stty -a`. Returns the folder.
    func startRecordingTheShell(_ extraShell: String = "", arguments: String = "") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(session + "-safety").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // ulimit -c 0: a core dump of the signal tests must not land in the working folder.
        try tmux("new-session", "-d", "-x", "100", "-y", "30", "-s", session,
                 "sh -c 'ulimit -c 0; \(extraShell) echo $$ > \(folder)/pid; exec env XDG_STATE_HOME=\(folder) "
                 + "\(RotorProcess.binary) \(arguments)'; echo $? > \(folder)/exit; stty -a > \(folder)/stty; "
                 + "echo SHELL-IS-BACK; sleep 5")
        return folder
    }

    /// Waits for the exit status the shell recorded.
    func exitStatus(in folder: String) -> String? {
        for _ in 0..<100 where !FileManager.default.fileExists(atPath: folder + "/stty") { Thread.sleep(forTimeInterval: 0.1) }
        return (try? String(contentsOfFile: folder + "/exit", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The shell's terminal after rotor: canonical mode and echo on, and the normal
    /// screen (the shell's own output) showing instead of the dashboard.
    func expectSaneTerminal(in folder: String) throws {
        // The shell echoes after stty has written its file.
        let s = try waitFor("the shell's screen") { $0.contains("SHELL-IS-BACK") }
        #expect(!s.contains("REPLAY") && !s.contains("1 RTY/ES"), "\(s)")
        let stty = (try? String(contentsOfFile: folder + "/stty", encoding: .utf8)) ?? ""
        let flags = Set(stty.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        #expect(flags.contains("icanon") && flags.contains("echo") && flags.contains("icrnl"), "\(stty)")
    }

    /// Ctrl-\ (SIGQUIT) quits like Ctrl-C: a clean exit, status 128 + 3.
    @Test func ctrlBackslashQuitsAndRestoresTheTerminal() throws {
        guard Self.tmuxInstalled else {
            Issue.record("tmux is not installed (make test installs it)")
            return
        }
        let folder = try startRecordingTheShell()
        defer {
            _ = try? tmux("kill-server")
            try? FileManager.default.removeItem(atPath: folder)
        }
        _ = try waitFor("dashboard") { $0.contains("REPLAY") }
        try tmux("send-keys", "-t", session, "C-\\")
        #expect(exitStatus(in: folder) == "131")
        try expectSaneTerminal(in: folder)
    }

    /// A crash or an abort while the screen is up: the handler restores the terminal,
    /// then the process dies of the signal (the shell sees 128 + N).
    @Test(arguments: [SIGSEGV, SIGABRT, SIGBUS, SIGILL])
    func aFatalSignalRestoresTheTerminal(signal: Int32) throws {
        guard Self.tmuxInstalled else {
            Issue.record("tmux is not installed (make test installs it)")
            return
        }
        let folder = try startRecordingTheShell()
        defer {
            _ = try? tmux("kill-server")
            try? FileManager.default.removeItem(atPath: folder)
        }
        _ = try waitFor("dashboard") { $0.contains("REPLAY") }
        let pid = try #require(Int32((try? String(contentsOfFile: folder + "/pid", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""))
        kill(pid, signal)
        #expect(exitStatus(in: folder) == "\(128 + signal)")
        try expectSaneTerminal(in: folder)
    }

    /// Without a UTF-8 locale the screen is drawn in ASCII instead of blanks.
    @Test func withoutAUTF8LocaleTheScreenIsASCII() throws {
        guard Self.tmuxInstalled else {
            Issue.record("tmux is not installed (make test installs it)")
            return
        }
        let folder = try startRecordingTheShell("export LC_ALL=C LANG=C;")
        defer {
            _ = try? tmux("kill-server")
            try? FileManager.default.removeItem(atPath: folder)
        }
        let s = try waitFor("ASCII panes") { $0.contains("+ 2 MAG7 vs SPX -") }
        #expect(s.contains("+ > 1 RTY/ES ="))
        #expect(s.contains("+-----") && s.contains("|ratio 0."))
        let isASCII = s.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(isASCII, "\(s)")
        try tmux("send-keys", "-t", session, "q")
        #expect(exitStatus(in: folder) == "0")
    }

    /// A snapshot (`s`) that cannot be written leaves no file, not an empty or cut
    /// one: here the file size limit (`ulimit -f 1`, 512 bytes) makes writes fail.
    @Test func aSnapshotThatCannotBeWrittenLeavesNoFile() throws {
        guard Self.tmuxInstalled else {
            Issue.record("tmux is not installed (make test installs it)")
            return
        }
        let snapshots = FileManager.default.temporaryDirectory.appendingPathComponent(session + "-snapshots").path
        try FileManager.default.createDirectory(atPath: snapshots, withIntermediateDirectories: true)
        let folder = try startRecordingTheShell("ulimit -f 1; trap \"\" XFSZ;", arguments: "--snapshot-dir \(snapshots)")
        defer {
            _ = try? tmux("kill-server")
            try? FileManager.default.removeItem(atPath: folder)
            try? FileManager.default.removeItem(atPath: snapshots)
        }
        _ = try waitFor("dashboard") { $0.contains("REPLAY") }
        try tmux("send-keys", "-t", session, "s")
        _ = try waitFor("failure notice") { $0.contains("snapshot failed: cannot write a snapshot in") }
        #expect((try FileManager.default.contentsOfDirectory(atPath: snapshots)) == [])
        try tmux("send-keys", "-t", session, "q")
        #expect(exitStatus(in: folder) == "0")
    }
}

/// A TERM that cannot draw the dashboard is refused with exit 2 before anything else.
@Suite struct TermRefusalTests {
    static let advice = "cannot draw the dashboard; use a terminal such as xterm-256color, or 'rotor snapshot'\n"

    @Test func dumbUnsetAndUnknownTermsAreRefused() throws {
        let dumb = try RotorProcess.run([], environment: ["TERM": "dumb"])
        #expect(dumb.status == 2 && dumb.stderr == "rotor: TERM=dumb " + Self.advice)
        let unset = try RotorProcess.run(["dashboard"], unset: ["TERM"])
        #expect(unset.status == 2 && unset.stderr == "rotor: TERM is not set: " + Self.advice)
        let unknown = try RotorProcess.run(["--live"], environment: ["TERM": "no-such-terminal"])
        #expect(unknown.status == 2
                && unknown.stderr == "rotor: TERM=no-such-terminal is not a terminal ncurses knows and " + Self.advice)
        #expect(dumb.stdout.isEmpty && unset.stdout.isEmpty && unknown.stdout.isEmpty)
    }
}
