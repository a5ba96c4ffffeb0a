import Foundation
import RotorCore
import Testing
@testable import RotorDemo

/// The committed files: reproducible from the seed, in the shapes of real downloads.
@Suite struct DemoFileTests {
    /// The default generator's output, computed once.
    static let generated = DemoGenerator().files()

    @Test func regeneratingWithTheDefaultSeedReproducesEveryCommittedFile() throws {
        let committed = try FileManager.default.contentsOfDirectory(atPath: Demo.folder).filter { !$0.hasPrefix(".") }
        #expect(Set(committed) == Set(Self.generated.map(\.name)), "Samples/demo holds other files than the generator writes")
        for file in Self.generated {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: Demo.folder + "/" + file.name))
            #expect(bytes == Data(file.contents.utf8), "\(file.name) differs from the generator's output: regenerate with `rotor demo-data --out Samples/demo`")
        }
    }

    @Test func samplesStayUnderSixMegabytes() throws {
        var total = 0
        let fm = FileManager.default
        let enumerator = try #require(fm.enumerator(atPath: Demo.samples.path))
        while let entry = enumerator.nextObject() as? String {
            let attributes = try fm.attributesOfItem(atPath: Demo.samples.path + "/" + entry)
            if attributes[.type] as? FileAttributeType == .typeRegular {
                total += (attributes[.size] as? Int) ?? 0
            }
        }
        #expect(total < 6_000_000, "Samples/ is \(total) bytes")
    }

    @Test func everyFileUsesNewlinesOnly() {
        for file in Self.generated {
            #expect(!file.contents.utf8.contains(0x0D), "\(file.name) has a carriage return")
            #expect(file.contents.hasSuffix("\n"))
        }
    }

    @Test(arguments: DemoGenerator.yahooSymbols)
    func yahooShape(symbol: String) throws {
        let lines = try Demo.text(symbol + ".csv").split(separator: "\n")
        #expect(lines.first == "Date,Open,High,Low,Close,Adj Close,Volume")
        for line in lines.dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            try #require(f.count == 7, "\(symbol): \(line)")
            let day = try #require(Day(parsing: f[0]))
            #expect(day.iso == f[0], "\(symbol): dates are ISO")
            #expect(MarketCalendar.isSession(day), "\(symbol): \(day) is not a session")
            let prices = f[1...5].map { Double($0)! }
            #expect(f[1...5].allSatisfy { $0.split(separator: ".").last?.count == 2 }, "\(symbol): two decimals")
            let (open, high, low, close) = (prices[0], prices[1], prices[2], prices[3])
            #expect(low <= min(open, close) && high >= max(open, close) && low > 0, "\(symbol): \(line)")
            #expect(Int(f[6]) != nil)
        }
    }

    @Test func futuresTradeInTicksAtRealisticLevels() throws {
        let levels = [("ES", 0.25, 3500.0, 7000.0), ("NQ", 0.25, 11000, 23000), ("RTY", 0.1, 1500, 2800)]
        for (symbol, tick, low, high) in levels {
            let closes = try #require(try Demo.data().symbols[symbol]).values
            for c in closes {
                let ticks = c / tick
                #expect(abs(ticks - ticks.rounded()) < 1e-6, "\(symbol) \(c) is not a multiple of \(tick)")
                #expect(c >= low && c <= high, "\(symbol) \(c)")
            }
        }
    }

    @Test(arguments: DemoGenerator.cboeSymbols)
    func cboeShape(symbol: String) throws {
        let lines = try Demo.text(symbol + ".csv").split(separator: "\n")
        #expect(lines.first == "DATE,OPEN,HIGH,LOW,CLOSE")
        for line in lines.dropFirst() {
            let f = line.split(separator: ",")
            try #require(f.count == 5)
            // MM/DD/YYYY, zero-padded.
            let d = f[0]
            #expect(d.count == 10 && d[d.index(d.startIndex, offsetBy: 2)] == "/", "\(symbol): \(d)")
            let day = try #require(Day(parsing: d))
            #expect(MarketCalendar.isSession(day))
        }
    }

    @Test func fredShapeWithEmptyValuesOnHolidays() throws {
        for (symbol, series) in DemoGenerator.fredSymbols {
            let lines = try Demo.text(symbol + ".csv").split(separator: "\n")
            #expect(lines.first.map(String.init) == "observation_date,\(series)")
            var holidays = 0
            for line in lines.dropFirst() {
                let f = line.split(separator: ",", omittingEmptySubsequences: false)
                try #require(f.count == 2)
                let day = try #require(Day(parsing: f[0]))
                #expect(MarketCalendar.isWeekday(day), "FRED writes weekdays only")
                if MarketCalendar.isHoliday(day) {
                    #expect(f[1].isEmpty, "\(symbol) \(day) is a holiday: FRED leaves it empty")
                    holidays += 1
                } else {
                    let value = try #require(Double(f[1]))
                    #expect(value > 0 && value < 10 && f[1].split(separator: ".").last?.count == 2)
                }
            }
            #expect(holidays >= 30, "four years hold about 37 weekday holidays")
        }
    }

    @Test func universeIsWideWithLateListings() throws {
        let lines = try Demo.text(DemoGenerator.universeFile).split(separator: "\n")
        let header = lines[0].split(separator: ",")
        #expect(header.first == "Date")
        #expect(header.count - 1 >= 200)
        #expect(header[1] == "M001")
        let empties = lines[1].split(separator: ",", omittingEmptySubsequences: false).filter(\.isEmpty).count
        #expect(empties > 0, "some members list during the sample")
        #expect(empties < 40)
    }

    // MARK: The generator

    @Test func sameSeedSameBytesOtherSeedOtherMarket() {
        let a = DemoGenerator(seed: 7, sessions: 300).files()
        let b = DemoGenerator(seed: 7, sessions: 300).files()
        let c = DemoGenerator(seed: 8, sessions: 300).files()
        #expect(a.map(\.contents) == b.map(\.contents))
        #expect(a.map(\.name) == c.map(\.name))
        #expect(a.first { $0.name == "ES.csv" }?.contents != c.first { $0.name == "ES.csv" }?.contents)
    }

    @Test func otherLengthsAndEndDatesWork() throws {
        let end = Day(year: 2030, month: 1, day: 1)! // a holiday: the data ends the session before
        let files = DemoGenerator(seed: 3, endDate: end, sessions: 1500).files()
        let es = try #require(files.first { $0.name == "ES.csv" }).contents.split(separator: "\n")
        #expect(es.count == 1501)
        #expect(es.last?.hasPrefix("2029-12-31,") == true)
        let short = DemoGenerator(seed: 3, sessions: 60).files()
        #expect(try #require(short.first { $0.name == "US2Y.csv" }).contents.split(separator: "\n").count > 60)
    }

    @Test func writeCreatesTheFolder() throws {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("rotor-demo-\(UInt64.random(in: 0...UInt64.max))/nested").path
        defer { try? FileManager.default.removeItem(atPath: (dir as NSString).deletingLastPathComponent) }
        let generator = DemoGenerator(seed: 11, sessions: 120)
        try generator.write(to: dir)
        for file in generator.files() {
            #expect(try String(contentsOfFile: dir + "/" + file.name, encoding: .utf8) == file.contents)
        }
    }
}
