import Foundation
import Testing
@testable import rotor

/// alerts.jsonl: one whole JSON object a line, in a private folder, bounded, and a
/// failure that comes back as a reason instead of an error.
@Suite struct AlertLogFileTests {
    @Test func appendsOneObjectPerLine() throws {
        let root = AlertFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = AlertLogFile.standard(environment: ["XDG_STATE_HOME": root])
        #expect(file.path == root + "/rotor/alerts.jsonl")
        #expect(file.append(AlertFixtures.firing(), mode: "replay", time: AlertFixtures.time) == nil)
        #expect(file.append(AlertFixtures.firing(name: "mi-spike"), mode: "live", time: AlertFixtures.time + 61) == nil)

        let lines = try AlertFixtures.lines(file.path)
        #expect(lines.count == 2)
        #expect(lines[0] == #"{"date":"2024-03-15","name":"rotation-extreme","expression":"zscore(ratio(RTY, ES), 60)","#
            + #""value":-2.0431,"condition":"zscore(ratio(RTY, ES), 60) <= -2","severity":"alert","#
            + #""time":"2026-12-01T22:50:04Z","mode":"replay"}"#)
        let second = try #require(AlertFixtures.object(lines[1]))
        #expect(second["name"] as? String == "mi-spike" && second["mode"] as? String == "live")
        #expect(second["time"] as? String == "2026-12-01T22:51:05Z" && second["value"] as? Double == -2.0431)
        #expect(AlertFixtures.mode(root + "/rotor") == 0o700)
        #expect(AlertFixtures.mode(file.path) == 0o600)
    }

    /// The default folder is LogFile's: ~/.local/state/rotor without XDG_STATE_HOME
    /// (or with it empty).
    @Test func defaultFolderIsTheLogFolder() {
        for environment in [["HOME": "/home/trader"], ["HOME": "/home/trader", "XDG_STATE_HOME": ""]] {
            #expect(AlertLogFile.standard(environment: environment).path == "/home/trader/.local/state/rotor/alerts.jsonl")
            #expect(AlertStateFile.standard(environment: environment).path == "/home/trader/.local/state/rotor/alert-state.json")
        }
    }

    /// Past the limit the file moves to alerts.jsonl.1; both stay within the limit
    /// and every line in them is whole, the newest last.
    @Test func rotatesPastTheLimit() throws {
        let folder = AlertFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = AlertLogFile(folder: folder, limit: 4_000)
        for n in 0..<100 {
            #expect(file.append(AlertFixtures.firing(name: "alert-\(n)"), mode: "live", time: AlertFixtures.time) == nil)
        }
        #expect(AlertFixtures.size(file.path) <= 4_000 && AlertFixtures.size(file.path + ".1") <= 4_000)
        #expect(AlertFixtures.size(file.path + ".1") > 3_000)
        let current = try AlertFixtures.lines(file.path), previous = try AlertFixtures.lines(file.path + ".1")
        #expect((previous + current).allSatisfy { AlertFixtures.object($0) != nil })
        let names = (previous + current).compactMap { AlertFixtures.object($0)?["name"] as? String }
        #expect(names.last == "alert-99")
        #expect(names == (100 - names.count..<100).map { "alert-\($0)" }) // the newest, in order, none lost in between
    }

    /// Two writers with their own descriptors, as two dashboards have, appending at
    /// once: every line whole, none lost.
    @Test func twoWritersNeverInterleave() throws {
        let folder = AlertFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let padding = String(repeating: "x", count: 1_000)
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            let file = AlertLogFile(folder: folder)
            for n in 0..<500 {
                var firing = AlertFixtures.firing(name: "writer\(writer)-\(n)")
                firing.condition = padding
                _ = file.append(firing, mode: "live", time: AlertFixtures.time)
            }
        }
        let lines = try AlertFixtures.lines(folder + "/alerts.jsonl")
        #expect(lines.count == 1_000)
        let objects = lines.compactMap(AlertFixtures.object)
        #expect(objects.count == 1_000 && objects.allSatisfy { $0["condition"] as? String == padding })
        for writer in 0..<2 {
            let mine = objects.compactMap { $0["name"] as? String }.filter { $0.hasPrefix("writer\(writer)-") }
            #expect(mine == (0..<500).map { "writer\(writer)-\($0)" })
        }
    }

    /// A folder that cannot be made (a file is in the way) is a reason, not an error.
    @Test func aFailureIsAReason() throws {
        let root = AlertFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: root))
        let file = AlertLogFile.standard(environment: ["XDG_STATE_HOME": root])
        let failure = try #require(file.append(AlertFixtures.firing(), mode: "live", time: AlertFixtures.time))
        #expect(failure.contains(root) && failure.contains("a file is in the way"), "\(failure)")
    }
}
