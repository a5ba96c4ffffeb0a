import Foundation
import RotorCore
import RotorUI
import Testing
@testable import rotor

/// The dashboard's outlet: a replay's firings go to alerts.jsonl but start no
/// command (said once per alert in the log); a live one starts its command; the
/// live states go through the state file, a damaged one a warning.
@Suite(.timeLimit(.minutes(2)))
struct FileAlertOutletTests {
    func outlet(_ folder: String, _ log: LogLines) -> FileAlertOutlet {
        FileAlertOutlet(delivery: AlertDelivery(file: AlertLogFile(folder: folder), runner: AlertCommandRunnerTests.patient,
                                                log: log.append),
                        stateFile: AlertStateFile(folder: folder), log: log.append)
    }

    @Test func aReplayStartsNoCommandAndALiveFiringDoes() async throws {
        let folder = AlertFixtures.folder(), out = AlertFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder); unlink(out) }
        let log = LogLines()
        let outlet = outlet(folder, log)
        let firing = AlertFixtures.firing(run: ["sh", "-c", #"echo "$ROTOR_ALERT_MODE" > "$0""#, out])
        #expect(outlet.send(firing, mode: "replay", time: AlertFixtures.time) == nil)
        #expect(outlet.send(firing, mode: "replay", time: AlertFixtures.time) == nil)
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(log.lines == ["alert rotation-extreme: run command sh -c echo \"$ROTOR_ALERT_MODE\" > \"$0\" \(out) not started in a replay (live only)"])
        let task = try #require(outlet.send(firing, mode: "live", time: AlertFixtures.time))
        #expect(await task.value == .exited(status: 0, stderr: ""))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "live\n")
        // All three are in alerts.jsonl, each with its mode.
        let modes = try AlertFixtures.lines(folder + "/alerts.jsonl").map { AlertFixtures.object($0)?["mode"] as? String }
        #expect(modes == ["replay", "replay", "live"])
    }

    @Test func statesGoThroughTheStateFile() throws {
        let folder = AlertFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let log = LogLines()
        let outlet = outlet(folder, log)
        #expect(outlet.loadState() == nil)
        #expect(log.lines.isEmpty)
        var machine = AlertMachine()
        _ = machine.step(when: false)
        _ = machine.step(when: true)
        let saved = AlertTracker.Saved(through: 20000, alerts: ["rotation-extreme": .init(fingerprint: "builtin", machine: machine)])
        outlet.saveState(saved)
        #expect(outlet.loadState() == saved)
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: folder + "/" + AlertStateFile.fileName))
        #expect(outlet.loadState() == nil)
        #expect(log.lines.count == 1 && log.lines[0].contains(AlertStateFile.fileName), "\(log.lines)")
    }
}
