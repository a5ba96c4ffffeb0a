import Foundation
import Testing
@testable import rotor

/// `s` snapshots: complete files or none.
@Suite struct SnapshotFileTests {
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rotor-snap-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func savesCompleteFilesUnderNewNames() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let date = Date(timeIntervalSince1970: 1_800_000_000)
        let first = try SnapshotFile.save(["┌ a ┐", "└───┘"], in: folder, at: date)
        let second = try SnapshotFile.save(["b"], in: folder, at: date)
        #expect(second == first.replacingOccurrences(of: ".txt", with: "-1.txt"))
        #expect(try String(contentsOfFile: first, encoding: .utf8) == "┌ a ┐\n└───┘\n")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == [(first as NSString).lastPathComponent, (second as NSString).lastPathComponent].sorted(), "\(names)")
    }

    /// A disk that fills up half-way through: an error naming the folder and the
    /// reason, and nothing left behind (neither the snapshot nor its temporary file).
    @Test func aWriteThatFailsLeavesNoFile() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var calls = 0
        let fullAfterOneWrite: SnapshotFile.Writer = { fd, bytes in
            calls += 1
            if calls == 1 { return write(fd, bytes.baseAddress, min(10, bytes.count)) }
            errno = ENOSPC
            return -1
        }
        #expect(throws: CommandFailure.self) {
            try SnapshotFile.save(Array(repeating: String(repeating: "x", count: 100), count: 40), in: folder,
                                  writer: fullAfterOneWrite)
        }
        do {
            _ = try SnapshotFile.save(["x"], in: folder, writer: { _, _ in errno = ENOSPC; return -1 })
        } catch let failure as CommandFailure {
            #expect(failure.message == "cannot write a snapshot in \(folder): No space left on device")
            #expect(failure.status == 1)
        }
        #expect(calls == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
    }

    @Test func aFolderThatCannotBeWrittenIsNamed() throws {
        #expect(throws: CommandFailure.self) { try SnapshotFile.save(["x"], in: "/nonexistent-rotor-folder") }
    }
}
