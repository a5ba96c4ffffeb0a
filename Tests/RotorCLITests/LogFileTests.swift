import Foundation
import Testing
@testable import rotor

/// The log of a dashboard left running for weeks stays bounded: past 1 MB it moves
/// to rotor.log.1 while running, and the two files never pass 2 MB together.
@Suite struct LogFileTests {
    @Test func rotatesWhileRunning() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rotor-log-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let log = LogFile.open(environment: ["XDG_STATE_HOME": folder])
        let line = String(repeating: "x", count: 200)
        for n in 0..<12_000 { log.write("\(n) \(line)") } // about 2.8 MB in all
        let path = folder + "/rotor/rotor.log"
        let size = { (p: String) in ((try? FileManager.default.attributesOfItem(atPath: p))?[.size] as? Int) ?? 0 }
        #expect(size(path) <= LogFile.limit && size(path + ".1") <= LogFile.limit && size(path + ".1") > 900_000)
        let last = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").last ?? ""
        #expect(last.contains(" 11999 "))
    }
}
