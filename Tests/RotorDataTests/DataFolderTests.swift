import Foundation
import RotorCore
import RotorData
import Testing

@Suite struct DataFolderTests {
    @Test func readsSymbolsWideUniversesAndUniverseFolders() throws {
        let folder = Fixtures.path("folder")
        let (data, warnings) = try DataFolder.loadReport(folder)

        #expect(data.symbols.keys.sorted() == ["DGS2", "ES", "VIX", "spx"])
        #expect(data.symbols["ES"] == Series(dates: days(["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-08"]),
                                             values: [185.639999, 184.25, 181.910004, 185.559998]))
        #expect(data.symbols["VIX"] == Series(dates: days(["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"]),
                                              values: [13.2, 14.04, 14.13, 13.35]))
        #expect(data.symbols["DGS2"] == Series(dates: days(["2024-12-24", "2024-12-26", "2024-12-27"]),
                                               values: [4.31, 4.33, 4.31]))
        #expect(data.symbols["spx"]?.values == [4742.83, 4704.81, 4688.68])

        // A symbol and a universe may share a name: spx.csv and spx/.
        #expect(data.universes.keys.sorted() == ["mag7", "spx"])
        let mag7 = try #require(data.universes["mag7"])
        #expect(mag7.name == "mag7")
        #expect(mag7.members.map(\.name) == ["AAPL", "MSFT", "BRK-B", "NVDA"])
        #expect(mag7.members[3].series == Series(dates: days(["2024-01-02", "2024-01-03", "2024-01-05"]),
                                                 values: [48.168, 47.569, 49.097]))

        let spx = try #require(data.universes["spx"])
        #expect(spx.name == "spx")
        #expect(spx.members.map(\.name) == ["AAPL", "BRK-B", "msft"])
        #expect(spx.members[0].series == Series(dates: days(["2024-01-02", "2024-01-03"]), values: [185.64, 184.25]))
        #expect(spx.members[1].series == Series(dates: days(["2024-01-02"]), values: [359.31]))
        #expect(spx.members[2].series == Series(dates: days(["2024-01-02", "2024-01-03"]), values: [370.87, 370.6]))

        // README.txt, notes.txt, spx/README.md and hidden files are ignored without a word.
        #expect(warnings == [
            "\(folder)/^GSPC.csv: skipped: \"^GSPC\" is not a valid symbol name (a letter, then letters, digits, \".\", \"_\" or \"-\")",
            "\(folder)/spx/1X.csv: skipped: \"1X\" is not a valid symbol name (a letter, then letters, digits, \".\", \"_\" or \"-\")",
            "\(folder)/spx/archive: skipped: folders inside a universe folder are not read",
        ])
        #expect(try DataFolder.load(folder) == data)
    }

    @Test func adjustedCloseOptionReachesEveryFile() throws {
        let data = try DataFolder.load(Fixtures.path("folder"), options: ImportOptions(preferAdjustedClose: true))
        #expect(data.symbols["ES"]?.values == [184.938217, 183.553467, 181.22229, 184.859985])
        #expect(data.universes["spx"]?.members[0].series.values == [184.94, 183.55])
        #expect(data.symbols["spx"]?.values == [4742.83, 4704.81, 4688.68])
    }

    @Test func trailingSlashDoesNotDoubleInPaths() throws {
        let (_, warnings) = try DataFolder.loadReport(Fixtures.path("folder") + "/")
        #expect(warnings.first?.hasPrefix(Fixtures.path("folder") + "/^GSPC.csv") == true)
    }

    @Test func folderErrors() {
        #expect(failure { () throws(DataError) in try DataFolder.load("/nonexistent/rotor-data") }
            == "no such folder: /nonexistent/rotor-data")
        let file = Fixtures.path("files/two_column.csv")
        #expect(failure { () throws(DataError) in try DataFolder.load(file) } == "not a folder: \(file)")
        let empty = Fixtures.path("nocsv")
        #expect(failure { () throws(DataError) in try DataFolder.load(empty) } == "\(empty): no CSV files found")
    }

    @Test func errorsInAFileNameThePathUnderTheFolder() throws {
        try withTemporaryFolder { folder in
            try "Date,Close\n2024-01-02,1\n".write(toFile: folder + "/A.csv", atomically: true, encoding: .utf8)
            try "Date,Close\n2024-01-02,1\n2024-01-03,x\n".write(toFile: folder + "/B.csv", atomically: true, encoding: .utf8)
            #expect(failure { () throws(DataError) in try DataFolder.load(folder) }
                == "\(folder)/B.csv:3: column 2 (Close): cannot read \"x\" as a number")
            try FileManager.default.removeItem(atPath: folder + "/B.csv")
            try FileManager.default.createDirectory(atPath: folder + "/U", withIntermediateDirectories: false)
            try "".write(toFile: folder + "/U/M.csv", atomically: true, encoding: .utf8)
            #expect(failure { () throws(DataError) in try DataFolder.load(folder) } == "\(folder)/U/M.csv: empty file")
            try "Date,X,Y\n2024-01-02,1,2\n".write(toFile: folder + "/U/M.csv", atomically: true, encoding: .utf8)
            #expect(failure { () throws(DataError) in try DataFolder.load(folder) }
                == "\(folder)/U/M.csv: a file in a universe folder must hold one series (a Close column or a single value column), found 2 value columns")
        }
    }

    @Test func sameNameTwiceIsAnError() throws {
        try withTemporaryFolder { folder in
            try "Date,Close\n2024-01-02,1\n".write(toFile: folder + "/A.CSV", atomically: true, encoding: .utf8)
            try "Date,Close\n2024-01-02,2\n".write(toFile: folder + "/A.csv", atomically: true, encoding: .utf8)
            #expect(failure { () throws(DataError) in try DataFolder.load(folder) }
                == "\(folder): symbol A is given by both A.CSV and A.csv")
            try FileManager.default.removeItem(atPath: folder + "/A.CSV")
            try "Date,X,Y\n2024-01-02,1,2\n".write(toFile: folder + "/U.csv", atomically: true, encoding: .utf8)
            try FileManager.default.createDirectory(atPath: folder + "/U", withIntermediateDirectories: false)
            try "Date,Close\n2024-01-02,2\n".write(toFile: folder + "/U/M.csv", atomically: true, encoding: .utf8)
            #expect(failure { () throws(DataError) in try DataFolder.load(folder) }
                == "\(folder): universe U is given by both U/ and U.csv")
        }
    }

    @Test func onlyBadlyNamedFilesSaySo() throws {
        try withTemporaryFolder { folder in
            try "Date,Close\n2024-01-02,1\n".write(toFile: folder + "/^VIX.csv", atomically: true, encoding: .utf8)
            try "Date,Close\n2024-01-02,1\n".write(toFile: folder + "/ES=F.csv", atomically: true, encoding: .utf8)
            #expect(failure { () throws(DataError) in try DataFolder.load(folder) }
                == "\(folder): no CSV files found with a usable name (skipped: ES=F.csv, ^VIX.csv; a name must be a letter, then letters, digits, \".\", \"_\" or \"-\")")
        }
    }

    @Test func unreadableEntriesAreErrors() throws {
        guard getuid() != 0 else { return } // root reads everything
        try withTemporaryFolder { folder in
            try "Date,Close\n2024-01-02,1\n".write(toFile: folder + "/A.csv", atomically: true, encoding: .utf8)
            chmod(folder + "/A.csv", 0)
            #expect(failure { () throws(DataError) in try DataFolder.load(folder) }
                == "\(folder)/A.csv: cannot read file (Permission denied)")
        }
    }
}

/// Runs `body` with a fresh empty folder, removed afterwards.
func withTemporaryFolder(_ body: (String) throws -> Void) throws {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("rotor-data-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try body(folder)
}
