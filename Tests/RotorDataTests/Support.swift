import Foundation
import RotorCore
import RotorData

enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}

func day(_ iso: String) -> Day { Day(parsing: iso)! }

func days(_ isos: [String]) -> [Day] { isos.map(day) }

/// The message of the DataError `body` throws, or nil when it does not throw.
func failure<T>(_ body: () throws(DataError) -> T) -> String? {
    do {
        _ = try body()
        return nil
    } catch {
        return error.message
    }
}

extension CSVContent {
    var series: Series? {
        if case .series(let s) = self { return s }
        return nil
    }

    var members: [(name: String, series: Series)]? {
        if case .wide(let m) = self { return m }
        return nil
    }
}

/// Reads a fixture file as a single series (nil when it is wide).
func fixtureSeries(_ file: String, options: ImportOptions = ImportOptions()) throws -> Series? {
    try CSVImporter.read(path: Fixtures.path("files/" + file), options: options).series
}

func parse(_ text: String, options: ImportOptions = ImportOptions()) throws -> CSVContent {
    try CSVImporter.parse(text: text, name: "x.csv", options: options)
}
