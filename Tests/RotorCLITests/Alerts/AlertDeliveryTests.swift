import Foundation
import Testing
@testable import rotor

/// A delivery: the line in alerts.jsonl, the command started, and every failure one
/// escaped log line that names the alert.
@Suite(.timeLimit(.minutes(2)))
struct AlertDeliveryTests {
    @Test func appendsTheLineAndRunsTheCommand() async throws {
        let folder = AlertFixtures.folder(), out = AlertFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder); unlink(out) }
        let log = LogLines()
        let delivery = AlertDelivery(file: AlertLogFile(folder: folder), runner: AlertCommandRunnerTests.patient, log: log.append)
        let firing = AlertFixtures.firing(run: ["sh", "-c", #"echo "$ROTOR_ALERT_NAME $ROTOR_ALERT_MODE" > "$0""#, out])
        let task = try #require(delivery.deliver(firing, mode: "replay", time: AlertFixtures.time))
        #expect(await task.value == .exited(status: 0, stderr: ""))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "rotation-extreme replay\n")
        let lines = try AlertFixtures.lines(folder + "/alerts.jsonl")
        #expect(lines == [AlertLogFile.line(firing, mode: "replay", time: AlertFixtures.time).dropLast().description])
        #expect(log.lines.isEmpty) // success is not logged
        // Without a run command: the line only, and no task.
        #expect(delivery.deliver(AlertFixtures.firing(name: "mi-spike"), mode: "live", time: AlertFixtures.time) == nil)
        #expect(try AlertFixtures.lines(folder + "/alerts.jsonl").count == 2)
    }

    /// A failing command and an unwritable log are logged, naming the alert, with
    /// control characters escaped; neither throws nor stops the delivery.
    @Test func failuresAreLoggedNamingTheAlert() async throws {
        let root = AlertFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data("x".utf8).write(to: URL(fileURLWithPath: root)) // the state folder cannot be made
        let log = LogLines()
        let delivery = AlertDelivery(file: .standard(environment: ["XDG_STATE_HOME": root]), runner: AlertCommandRunnerTests.patient,
                                     log: log.append)
        let firing = AlertFixtures.firing(name: "vol\u{1B}[2Jspike", run: ["sh", "-c", "echo 'no \u{07}route' >&2; exit 3"])
        let task = try #require(delivery.deliver(firing, mode: "live", time: AlertFixtures.time))
        #expect(await task.value == .exited(status: 3, stderr: "no \\x07route"))
        let lines = log.lines
        try #require(lines.count == 2, "\(lines)")
        #expect(lines[0].hasPrefix("alert vol\\e[2Jspike: not written to alerts.jsonl: cannot create \(root)"), "\(lines[0])")
        #expect(lines[1] == "alert vol\\e[2Jspike: run command [sh, -c, echo 'no \\x07route' >&2; exit 3] exited with status 3: no \\x07route")
        #expect(lines.allSatisfy { !$0.unicodeScalars.contains { $0.value < 0x20 } })

        let missing = try #require(delivery.deliver(AlertFixtures.firing(run: ["rotor-no-such-command-14", "x"]), mode: "live", time: AlertFixtures.time))
        #expect(await missing.value == .failedToStart("no such file (rotor-no-such-command-14 is not on PATH)"))
        #expect(log.lines.last == "alert rotation-extreme: run command [rotor-no-such-command-14, x] could not start: no such file (rotor-no-such-command-14 is not on PATH)")
    }
}

/// The lines a delivery logged.
final class LogLines: @unchecked Sendable {
    // @unchecked: `stored` is used under `lock` only.
    private let lock = NSLock()
    private var stored: [String] = []
    func append(_ line: String) { lock.withLock { stored.append(line) } }
    var lines: [String] { lock.withLock { stored } }
}
