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

    /// The log says which feeds and configs a trader uses: the folder is the user's
    /// alone (0700, as the alert files' is) and so is the file (0600).
    @Test func folderAndFileAreTheUsersAlone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rotor-log-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        LogFile.open(environment: ["XDG_STATE_HOME": folder]).write("start")
        let mode = { (p: String) in ((try? FileManager.default.attributesOfItem(atPath: p))?[.posixPermissions] as? Int) ?? -1 }
        #expect(mode(folder + "/rotor") == 0o700)
        #expect(mode(folder + "/rotor/rotor.log") == 0o600)
    }
}

/// Dashboards sharing a state folder: whole lines, escaped text, rotation once.
@Suite struct SharedLogFileTests {
    static func folder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("rotor-log-\(UUID().uuidString)").path
    }

    /// Every line of the log files, checked to be one whole line as written.
    static func lines(in folder: String) throws -> [String] {
        let path = folder + "/rotor/rotor.log"
        var out: [String] = []
        for file in [path + ".1", path] where FileManager.default.fileExists(atPath: file) {
            out += try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
                .dropLast().map(String.init)
        }
        return out
    }

    /// Two writers, as two processes would have (each its own descriptor), on two threads.
    static func writeConcurrently(_ folder: String, lines: Int, padding: Int) {
        let logs = ["A", "B"].map { ($0, LogFile.open(environment: ["XDG_STATE_HOME": folder])) }
        let pad = String(repeating: "x", count: padding)
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let (name, log) = logs[i]
            for n in 0..<lines { log.write("writer\(name) \(n) \(pad)") }
        }
    }

    static func isWhole(_ line: String, padding: Int) -> Bool {
        let parts = line.split(separator: " ")
        return parts.count == 4 && (parts[1] == "writerA" || parts[1] == "writerB") && Int(parts[2]) != nil
            && parts[3].count == padding && parts[3].allSatisfy { $0 == "x" }
    }

    @Test func twoWritersNeverInterleave() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        Self.writeConcurrently(folder, lines: 4_000, padding: 60) // about 0.7 MB: no rotation
        let lines = try Self.lines(in: folder)
        #expect(lines.count == 8_000)
        #expect(lines.allSatisfy { Self.isWhole($0, padding: 60) })
        for name in ["A", "B"] {
            let numbers = lines.filter { $0.contains("writer\(name) ") }.map { Int($0.split(separator: " ")[2])! }
            #expect(numbers == Array(0..<4_000)) // each writer's lines in order, none lost
        }
    }

    /// Both writers pass the limit many times: lines stay whole and each file stays
    /// bounded (within a line or two: the other writer may append between a size
    /// check and a write).
    @Test func twoWritersRotateTogether() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        Self.writeConcurrently(folder, lines: 6_000, padding: 200) // about 2.8 MB in all
        let path = folder + "/rotor/rotor.log"
        let size = { (p: String) in ((try? FileManager.default.attributesOfItem(atPath: p))?[.size] as? Int) ?? 0 }
        #expect(size(path) <= LogFile.limit + 2_000 && size(path + ".1") <= LogFile.limit + 2_000)
        #expect(size(path + ".1") > 900_000)
        let lines = try Self.lines(in: folder)
        #expect(lines.allSatisfy { Self.isWhole($0, padding: 200) })
    }

    /// A writer whose file the other rotated away writes its next line to the new
    /// `rotor.log`, not to `rotor.log.1` (where it would be deleted at the next rotation).
    @Test func aWriterFollowsTheOthersRotation() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let a = LogFile.open(environment: ["XDG_STATE_HOME": folder])
        let b = LogFile.open(environment: ["XDG_STATE_HOME": folder])
        let path = folder + "/rotor/rotor.log"
        let pad = String(repeating: "x", count: 200)
        var n = 0
        while !FileManager.default.fileExists(atPath: path + ".1") {
            a.write("writerA \(n) \(pad)")
            n += 1
        }
        b.write("writerB 0 \(pad)")
        let current = try String(contentsOfFile: path, encoding: .utf8)
        #expect(current.contains(" writerB 0 "))
        #expect(!(try String(contentsOfFile: path + ".1", encoding: .utf8)).contains("writerB"))
    }

    @Test func controlCharactersAreEscapedInTheLog() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let log = LogFile.open(environment: ["XDG_STATE_HOME": folder])
        log.write("feed US2Y: HTTP 400: \u{1B}]0;pwned\u{07}\nforged line")
        let text = try String(contentsOfFile: folder + "/rotor/rotor.log", encoding: .utf8)
        #expect(text.hasSuffix(" feed US2Y: HTTP 400: \\e]0;pwned\\x07\\nforged line\n"))
        #expect(text.split(separator: "\n").count == 1)
    }
}
