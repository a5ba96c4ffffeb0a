import Foundation
import RotorCore
import Testing
@testable import RotorData

/// Samples/events.csv, the FOMC decision days and CPI releases the demo and live
/// configs mark: read as a user's file is, sorted, of the known kinds only, one row
/// per (date, kind), and as many of each per year as the Fed and the BLS publish.
@Suite struct BundledEventsTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Samples/events.csv").path

    /// FOMC: 8 scheduled meetings a year; CPI: 12 monthly releases a year.
    static let perYear: [EventKind: Int] = [.fomc: 8, .cpi: 12]
    /// Years where the file rightly has another count, with the reason.
    static let exceptions: [String: Int] = [
        // The October 2025 CPI was never published (the federal shutdown), and the
        // September release moved to October 24: 11 releases in 2025.
        "CPI 2025": 11,
    ]

    @Test func sortedKnownKindsNoDuplicates() throws {
        let events = try EventsFile.load(Self.path) // also: no duplicate (date, kind)
        #expect(!events.isEmpty)
        let keys = events.map { ($0.date, $0.kind.name) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 }, "sorted by date, then kind")
        #expect(Set(events.map(\.kind)).isSubset(of: Set(EventKind.known)))
        #expect(events.allSatisfy { !$0.label.isEmpty && $0.label != $0.kind.name })
    }

    @Test func eachKindHasItsCountPerYear() throws {
        let events = try EventsFile.load(Self.path)
        for year in 2024...2026 {
            for (kind, usual) in Self.perYear {
                let count = events.filter { $0.kind == kind && $0.date.components.year == year }.count
                let expected = Self.exceptions["\(kind.name) \(year)"] ?? usual
                #expect(count == expected, "\(kind) \(year): \(count) events, expected \(expected)")
            }
        }
        // Decisions and releases fall on weekdays.
        for event in events { #expect((1...5).contains(event.date.weekday), "\(event)") }
    }
}
