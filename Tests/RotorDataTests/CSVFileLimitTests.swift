import Foundation
import RotorCore
import Testing
@testable import RotorData

/// Only regular files of at most 256 MB are read as CSV: a FIFO used to hang
/// forever, and a link to /dev/zero grew to gigabytes.
@Suite struct CSVFileLimitTests {
    @Test(.timeLimit(.minutes(1))) func fifosAndDevicesAreRefusedByName() throws {
        try withTemporaryFolder { folder in
            let fifo = folder + "/ES.csv", zero = folder + "/NQ.csv", tty = folder + "/TTY.csv"
            #expect(mkfifo(fifo, 0o600) == 0)
            try FileManager.default.createSymbolicLink(atPath: zero, withDestinationPath: "/dev/zero")
            try FileManager.default.createSymbolicLink(atPath: tty, withDestinationPath: "/dev/null")
            #expect(failure { () throws(DataError) in try CSVImporter.read(path: fifo) } == "\(fifo): not a regular file (a FIFO)")
            #expect(failure { () throws(DataError) in try CSVImporter.read(path: zero) }
                == "\(zero): not a regular file (a character device)")
            #expect(failure { () throws(DataError) in try CSVImporter.read(path: tty) }
                == "\(tty): not a regular file (a character device)")
        }
    }

    @Test func filesOverTheLimitAreRefusedBeforeReading() throws {
        try withTemporaryFolder { folder in
            let big = folder + "/BIG.csv"
            #expect(FileManager.default.createFile(atPath: big, contents: nil))
            #expect(truncate(big, off_t(FileBytes.limit) + 1) == 0) // sparse: no disk used
            #expect(failure { () throws(DataError) in try CSVImporter.read(path: big) }
                == "\(big): the file is 268435457 bytes; rotor reads files of at most 256 MB here")
            #expect(truncate(big, 300 << 20) == 0)
            #expect(failure { () throws(DataError) in try CSVImporter.read(path: big) }
                == "\(big): the file is 300 MB; rotor reads files of at most 256 MB here")
        }
    }

    /// A file that says it is small but keeps giving bytes (a /proc file says 0)
    /// is read only up to the limit.
    @Test func readingStopsAtTheLimitEvenWhenTheFileGrows() throws {
        #if os(Linux)
        #expect(failure { () throws(DataError) in try FileBytes.read("/proc/self/status", limit: 64) }
            == "/proc/self/status: the file grew past 64 bytes while it was read; rotor reads files of at most 64 bytes here")
        #expect(try FileBytes.read("/proc/self/status", limit: 1 << 20).count > 64)
        #endif
        try withTemporaryFolder { folder in
            let path = folder + "/A.csv"
            try "Date,Close\n2024-01-02,1\n".write(toFile: path, atomically: true, encoding: .utf8)
            #expect(try FileBytes.read(path, limit: 24).count == 24)
            #expect(failure { () throws(DataError) in try FileBytes.read(path, limit: 23) }
                == "\(path): the file is 24 bytes; rotor reads files of at most 23 bytes here")
        }
    }

    /// In a data folder a FIFO or a device is skipped with a warning naming it (as
    /// a badly named file is), and everything else loads.
    @Test(.timeLimit(.minutes(1))) func dataFolderSkipsFIFOsAndDevices() throws {
        try withTemporaryFolder { folder in
            try "Date,Close\n2024-01-02,1\n2024-01-03,2\n".write(toFile: folder + "/ES.csv", atomically: true, encoding: .utf8)
            #expect(mkfifo(folder + "/FIFO.csv", 0o600) == 0)
            try FileManager.default.createSymbolicLink(atPath: folder + "/ZERO.csv", withDestinationPath: "/dev/zero")
            try FileManager.default.createDirectory(atPath: folder + "/u", withIntermediateDirectories: false)
            try "Date,Close\n2024-01-02,5\n".write(toFile: folder + "/u/A.csv", atomically: true, encoding: .utf8)
            #expect(mkfifo(folder + "/u/B.csv", 0o600) == 0)
            try FileManager.default.createSymbolicLink(atPath: folder + "/u/C.csv", withDestinationPath: "/dev/zero")
            #expect(mkfifo(folder + "/notes.txt", 0o600) == 0) // not a CSV: ignored like any other file

            let (data, warnings) = try DataFolder.loadReport(folder)
            #expect(data.symbols.keys.sorted() == ["ES"])
            #expect(data.universes["u"]?.members.map(\.name) == ["A"])
            #expect(warnings == [
                "\(folder)/FIFO.csv: skipped: not a regular file (a FIFO)",
                "\(folder)/ZERO.csv: skipped: not a regular file (a character device)",
                "\(folder)/u/B.csv: skipped: not a regular file (a FIFO)",
                "\(folder)/u/C.csv: skipped: not a regular file (a character device)",
            ])
        }
    }

    @Test func aFolderOfOnlyFIFOsHasNoCSVFiles() throws {
        try withTemporaryFolder { folder in
            #expect(mkfifo(folder + "/ES.csv", 0o600) == 0)
            #expect(failure { () throws(DataError) in try DataFolder.load(folder) } == "\(folder): no CSV files found")
            #expect(failure { () throws(DataError) in try DataFolder.load(folder + "/ES.csv") } == "not a folder: \(folder)/ES.csv")
        }
    }
}
