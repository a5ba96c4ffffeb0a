import Foundation
import RotorCore
import Testing
@testable import RotorDemo

/// The demo's weekly CFTC positioning: the shape a `cftc` feed's symbols read as, on
/// the report calendar, at realistic sizes, telling the squeeze story.
@Suite struct DemoPositioningTests {
    /// (date, value) rows of one file, after checking its header.
    func rows(_ symbol: String) throws -> [(day: Day, value: Double)] {
        let lines = try Demo.text(symbol + ".csv").split(separator: "\n")
        #expect(lines.first.map(String.init) == "Date," + symbol)
        return try lines.dropFirst().map { line in
            let f = line.split(separator: ",")
            try #require(f.count == 2 && Int(f[1]) != nil, "\(symbol): \(line)")
            return (try #require(Day(parsing: f[0])), Double(f[1])!)
        }
    }

    /// Net share of open interest, percent, per report.
    func share(_ contract: String, _ group: PositioningSeries) throws -> [(day: Day, value: Double)] {
        let net = try rows(group.symbol(contract)), interest = try rows(PositioningSeries.openInterest.symbol(contract))
        #expect(net.map(\.day) == interest.map(\.day))
        return zip(net, interest).map { ($0.day, 100 * $0.value / $1.value) }
    }

    @Test(arguments: ["RTY", "NQ", "ES"])
    func oneFilePerSeriesOnTheReportCalendar(contract: String) throws {
        let days = try rows(contract + "_OI").map(\.day)
        #expect(days.first?.iso == "2020-11-24") // 104 weeks before the daily data's first Tuesday
        #expect(days.last?.iso == "2026-11-17")
        for (a, b) in zip(days, days.dropFirst()) { #expect(CFTCReleaseCalendar.nextAsOf(after: a) == b) }
        // Veterans Day 2025 is a Tuesday: that week's report is as of Monday.
        #expect(days.contains(Day(year: 2025, month: 11, day: 10)!))
    }

    @Test func openInterestAtRealisticLevels() throws {
        for (contract, low, high) in [("RTY", 350_000.0, 560_000.0), ("NQ", 190_000.0, 320_000.0), ("ES", 1_600_000.0, 2_650_000.0)] {
            let oi = try rows(contract + "_OI").map(\.value)
            #expect(oi.allSatisfy { (low...high).contains($0) }, "\(contract): \(oi.min()!)...\(oi.max()!)")
        }
    }

    @Test func theSqueezeStory() throws {
        let lf = try share("RTY", .leveragedFunds), am = try share("RTY", .assetManagers)
        let squeeze = try #require(lf.lastIndex { $0.day.iso == "2024-07-16" })
        // Leveraged funds among the most short of three years into the squeeze ...
        let window = lf[(squeeze - 155)...squeeze].map(\.value)
        #expect(window.filter { $0 <= lf[squeeze].value }.count <= 2)
        // ... then covering: 6 points less short seven weeks on.
        #expect(lf[squeeze + 7].value - lf[squeeze].value > 6)
        // Asset managers neutral on RTY just before, more bullish the week after.
        #expect(abs(am[squeeze].value) < 4 && am[squeeze + 1].value > am[squeeze].value + 3)
        // Asset managers long NQ throughout.
        #expect(try share("NQ", .assetManagers).allSatisfy { $0.value > 20 })
        // ES: asset managers long, leveraged funds short.
        #expect(try share("ES", .assetManagers).allSatisfy { $0.value > 25 })
        #expect(try share("ES", .leveragedFunds).allSatisfy { $0.value < 0 })
    }
}
