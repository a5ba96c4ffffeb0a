import Foundation
import RotorUI
import Testing

/// The mouse in the real binary in tmux with `mouse on`. tmux cannot make up a
/// click, so the test types what a terminal sends for one into the pane: xterm's
/// normal mouse report, `ESC [ M` then the button, column and row as bytes offset by
/// 32 (tmux's own terminal, TERM=screen, tells ncurses to expect that format). A
/// release is button 3, the wheel buttons 64 (up) and 65 (down).
extension DashboardTmuxTests {
    /// The bytes of one mouse report at a 0-based cell, for `send-keys -H`.
    static func mouseReport(_ button: Int, x: Int, y: Int) -> [String] {
        ["1b", "5b", "4d"] + [32 + button, 33 + x, 33 + y].map { String($0, radix: 16) }
    }

    func click(x: Int, y: Int) throws {
        try tmux(["send-keys", "-t", session, "-H"] + Self.mouseReport(0, x: x, y: y) + Self.mouseReport(3, x: x, y: y))
    }

    func wheel(up: Bool, x: Int, y: Int) throws {
        try tmux(["send-keys", "-t", session, "-H"] + Self.mouseReport(up ? 64 : 65, x: x, y: y))
    }

    func tmux(_ args: [String]) throws {
        let r = try Subprocess.run("tmux", ["-u", "-L", session] + args,
                                   environment: ["LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"], timeout: 20)
        if r.timedOut { Issue.record("tmux \(args.joined(separator: " ")) did not finish in 20 s") }
    }

    /// What tmux says of the pane's mouse mode: "1" while the program asks for mouse
    /// reports. (Read through a pipe: the server is up by now, so it holds none open.)
    func mouseReporting() throws -> String {
        let r = try Subprocess.run("tmux", ["-u", "-L", session, "display-message", "-p", "-t", session, "#{mouse_any_flag}"],
                                   environment: ["LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"], timeout: 20)
        return String(decoding: r.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The middle cell of the pane at a place on page 1.
    static func centre(of place: Int, width: Int, height: Int, zoomed: Int? = nil) throws -> (x: Int, y: Int) {
        guard case let .panes(rects, _) = DashboardLayout.arrange(width: width, height: height, count: 5, zoomed: zoomed),
              let r = rects[place] else { throw LayoutMissing() }
        return (r.x + r.width / 2, r.y + r.height / 2)
    }

    struct LayoutMissing: Error {}

    @Test func clicksFocusDoubleClicksZoomAndTheWheelStepsTheLookback() throws {
        guard Self.tmuxInstalled else {
            Issue.record("tmux is not installed (make test installs it)")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(session + "-mouse").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let exitFile = folder + "/exit"
        // A slow replay, so the screen holds still under the test.
        try tmux(["new-session", "-d", "-x", "120", "-y", "40", "-s", session,
                  "XDG_STATE_HOME=\(folder) \(RotorProcess.binary) --speed 0.01; echo $? > \(exitFile); sleep 5"])
        defer { _ = try? tmux("kill-server") }
        try tmux(["set-option", "-g", "mouse", "on"])
        _ = try waitFor("five panes") { $0.contains("5 RATES x EQUITIES") && $0.contains("▶ 1 RTY/ES") }
        #expect(try mouseReporting() == "1")

        let breadth = try Self.centre(of: 3, width: 120, height: 40)
        try click(x: breadth.x, y: breadth.y)
        _ = try waitFor("click focuses pane 4") { $0.contains("▶ 4 BREADTH") && !$0.contains("▶ 1 RTY/ES") }
        let rates = try Self.centre(of: 4, width: 120, height: 40)
        try click(x: rates.x, y: rates.y)
        _ = try waitFor("click focuses pane 5") { $0.contains("▶ 5 RATES x EQUITIES") }

        // The wheel over a chart: up is a shorter lookback, down a longer one.
        try wheel(up: true, x: breadth.x, y: breadth.y)
        _ = try waitFor("wheel up: 6M") { $0.contains("1 RTY/ES") && $0.contains(" 6M ") && !$0.contains(" 1Y ") }
        try wheel(up: false, x: rates.x, y: rates.y)
        try wheel(up: false, x: rates.x, y: rates.y)
        _ = try waitFor("wheel down twice: 2Y") { $0.contains(" 2Y ") && !$0.contains(" 6M ") }
        #expect(try screen().contains("▶ 5 RATES x EQUITIES")) // the wheel does not move focus

        // Double click: both clicks in one burst, as a fast hand makes them.
        try tmux(["send-keys", "-t", session, "-H"] + Self.mouseReport(0, x: breadth.x, y: breadth.y)
                 + Self.mouseReport(3, x: breadth.x, y: breadth.y) + Self.mouseReport(0, x: breadth.x, y: breadth.y)
                 + Self.mouseReport(3, x: breadth.x, y: breadth.y))
        _ = try waitFor("double click zooms pane 4") { $0.contains("▶ 4 BREADTH") && !$0.contains("5 RATES") }
        let zoomed = try Self.centre(of: 3, width: 120, height: 40, zoomed: 3)
        try tmux(["send-keys", "-t", session, "-H"] + Self.mouseReport(0, x: zoomed.x, y: zoomed.y)
                 + Self.mouseReport(3, x: zoomed.x, y: zoomed.y) + Self.mouseReport(0, x: zoomed.x, y: zoomed.y)
                 + Self.mouseReport(3, x: zoomed.x, y: zoomed.y))
        _ = try waitFor("double click again unzooms") { $0.contains("▶ 4 BREADTH") && $0.contains("5 RATES") }

        // The help at 80x24: scrolls with the keys and the wheel, close and quit in sight.
        try tmux(["resize-window", "-t", session, "-x", "80", "-y", "24"])
        _ = try waitFor("80x24") { $0.split(separator: "\n").count <= 24 && $0.contains("1 RTY/ES") }
        try tmux("send-keys", "-t", session, "?")
        var s = try waitFor("help with a hint") { $0.contains("Esc ? close   q Ctrl-C quit") && $0.contains(" more ┃") }
        #expect(s.contains("Tab") && s.contains("next pane"))
        try tmux("send-keys", "-t", session, "End")
        s = try waitFor("help at its end") { $0.contains(" above ┃") && !$0.contains(" more ┃") }
        // The glossary's last entry, and the hint still in sight.
        #expect(s.contains("SQUEEZE RISK") && s.contains("Esc ? close   q Ctrl-C quit"))
        try tmux("send-keys", "-t", session, "Home")
        _ = try waitFor("help at its top") { $0.contains("Shift-Tab") && !$0.contains(" above ┃") }
        try wheel(up: false, x: 40, y: 10)
        _ = try waitFor("wheel scrolls the help") { $0.contains("↑ 3 above") }
        try tmux("send-keys", "-t", session, "Escape")
        _ = try waitFor("help closed") { !$0.contains("Esc ? close") && $0.contains("1 RTY/ES") }

        try tmux("send-keys", "-t", session, "q")
        for _ in 0..<50 where !FileManager.default.fileExists(atPath: exitFile) { Thread.sleep(forTimeInterval: 0.1) }
        #expect((try? String(contentsOfFile: exitFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }

    /// `[display] mouse = false`: rotor never asks for mouse reports, so the
    /// terminal keeps its own selection, and a report typed in anyway does nothing.
    @Test func mouseOffInTheConfig() throws {
        guard Self.tmuxInstalled else {
            Issue.record("tmux is not installed (make test installs it)")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(session + "-nomouse").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = folder + "/rotor.toml"
        try "[display]\nmouse = false\n".write(toFile: config, atomically: true, encoding: .utf8)
        try tmux(["new-session", "-d", "-x", "120", "-y", "40", "-s", session,
                  "XDG_STATE_HOME=\(folder) \(RotorProcess.binary) --config \(config) --speed 0.01; sleep 5"])
        defer { _ = try? tmux("kill-server") }
        try tmux(["set-option", "-g", "mouse", "on"])
        _ = try waitFor("five panes") { $0.contains("5 RATES x EQUITIES") && $0.contains("▶ 1 RTY/ES") }
        #expect(try mouseReporting() == "0")
        // With mouse mode off, ncurses reads the report as keys (Esc, [, M, ...); what
        // matters is that no pane takes focus from a click.
        let breadth = try Self.centre(of: 3, width: 120, height: 40)
        try click(x: breadth.x, y: breadth.y)
        try tmux("send-keys", "-t", session, "?")
        let s = try waitFor("help, without mouse lines") { $0.contains("Esc ? close") }
        #expect(!s.contains("double click"))
        #expect(!s.contains("▶ 4 BREADTH"))
        try tmux("send-keys", "-t", session, "q")
    }
}
