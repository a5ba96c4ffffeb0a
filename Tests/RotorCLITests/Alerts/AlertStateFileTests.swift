import Foundation
import RotorUI
import Testing
@testable import rotor

/// alert-state.json: a live dashboard's alert states across a restart. Saved whole
/// or not at all; a missing file is no state, a damaged one no state and a warning.
@Suite struct AlertStateFileTests {
    /// A saved state as a tracker makes it: one alert fired (not re-armed), one armed
    /// with its last condition known, one words alert with its last words.
    static let saved: AlertTracker.Saved = try! JSONDecoder().decode(AlertTracker.Saved.self, from: Data(#"""
        {"through": 20102, "alerts": {
          "rotation-extreme": {"fingerprint": "flag rotation-extreme", "machine": {"armed": false, "previous": true}},
          "mi-spike": {"fingerprint": "flag mi-spike", "machine": {"armed": true, "previous": false}},
          "curve-regime": {"fingerprint": "words curve-regime", "machine": {"armed": true, "previousWords": "bull steepener"}}
        }}
        """#.utf8))

    @Test func roundTrip() throws {
        let root = AlertFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = AlertStateFile.standard(environment: ["XDG_STATE_HOME": root])
        #expect(Self.saved.alerts["rotation-extreme"]?.machine.isFired == true) // the fixture is what it says
        #expect(file.save(Self.saved) == nil)
        let loaded = file.load()
        #expect(loaded.saved == Self.saved && loaded.warning == nil)
        #expect(AlertFixtures.mode(root + "/rotor") == 0o700)
        // Saved again over the old one; no temporary file is left beside it.
        var next = Self.saved
        next.through = 20103
        #expect(file.save(next) == nil)
        #expect(file.load().saved == next)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/rotor") == [AlertStateFile.fileName])
    }

    @Test func missingIsNoStateAndNoWarning() {
        let loaded = AlertStateFile(folder: AlertFixtures.folder()).load()
        #expect(loaded.saved == nil && loaded.warning == nil)
    }

    /// Damaged in several ways: no state, a warning naming the file, and the file is
    /// left as it was until the next good save replaces it.
    @Test(arguments: [
        ("{\"through\": 20102, \"alerts\": {", "not valid JSON"),
        ("[1, 2, 3]", "not a saved alert state"),
        ("{\"through\": 20102}", "alerts: missing"),
        ("{\"through\": \"soon\", \"alerts\": {}}", "through: "),
        ("", "not valid JSON"),
        ("\u{1B}]0;owned\u{07}", "not valid JSON"),
    ])
    func corruptIsNoStateAndAWarning(_ text: String, _ reason: String) throws {
        let folder = AlertFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let file = AlertStateFile(folder: folder)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file.path))
        let loaded = file.load()
        #expect(loaded.saved == nil)
        let warning = try #require(loaded.warning)
        #expect(warning.hasPrefix(file.path + ": ") && warning.contains(reason), "\(warning)")
        #expect(warning.contains("replaced at the next save") && !warning.contains("\u{1B}"), "\(warning)")
        #expect(try String(contentsOfFile: file.path, encoding: .utf8) == text) // untouched by the load
        #expect(file.save(Self.saved) == nil)
        #expect(file.load().saved == Self.saved)
    }

    /// A FIFO where the file should be does not hang the load.
    @Test func aFIFOIsAWarningNotAHang() throws {
        let folder = AlertFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let file = AlertStateFile(folder: folder)
        try #require(mkfifo(file.path, 0o600) == 0)
        let loaded = file.load()
        #expect(loaded.saved == nil && loaded.warning?.contains("not a regular file (a FIFO)") == true, "\(loaded)")
    }

    /// A save that cannot happen (the folder is a file) is a reason, and leaves nothing.
    @Test func aFailedSaveIsAReason() throws {
        let root = AlertFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data("x".utf8).write(to: URL(fileURLWithPath: root))
        let failure = AlertStateFile.standard(environment: ["XDG_STATE_HOME": root]).save(Self.saved)
        #expect(failure?.contains("a file is in the way") == true, "\(String(describing: failure))")
    }
}
