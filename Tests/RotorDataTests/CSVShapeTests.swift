import Foundation
import RotorCore
import RotorData
import Testing

/// Every download shape of PROVIDERS.md ("Files users already have"), from fixture files.
@Suite struct CSVShapeTests {
    @Test func yahooISOTakesCloseAndSkipsNullRows() throws {
        let s = try #require(try fixtureSeries("yahoo_iso.csv"))
        #expect(s.dates == days(["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-08"]))
        #expect(s.values == [185.639999, 184.25, 181.910004, 185.559998])
    }

    @Test func yahooAdjustedCloseWhenAsked() throws {
        let s = try #require(try fixtureSeries("yahoo_iso.csv", options: ImportOptions(preferAdjustedClose: true)))
        #expect(s.dates == days(["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-08"]))
        #expect(s.values == [184.938217, 183.553467, 181.22229, 184.859985])
    }

    @Test func adjustedCloseOptionFallsBackToCloseWithoutTheColumn() throws {
        let s = try #require(try fixtureSeries("stooq.csv", options: ImportOptions(preferAdjustedClose: true)))
        #expect(s.values == [4742.83, 4704.81, 4688.68])
    }

    @Test func yahooUSDates() throws {
        let s = try #require(try fixtureSeries("yahoo_us.csv"))
        #expect(s.dates == days(["2024-01-02", "2024-01-03", "2024-01-04", "2024-12-31"]))
        #expect(s.values == [4742.83, 4704.81, 4688.68, 5881.63])
    }

    @Test func stooqWithAndWithoutVolume() throws {
        let withVolume = try #require(try fixtureSeries("stooq.csv"))
        #expect(withVolume.dates == days(["2024-01-02", "2024-01-03", "2024-01-04"]))
        #expect(withVolume.values == [4742.83, 4704.81, 4688.68])
        let index = try #require(try fixtureSeries("stooq_novolume.csv"))
        #expect(index.dates == days(["2024-01-02", "2024-01-03", "2024-01-04"]))
        #expect(index.values == [1987.36, 1951.76, 1954.17])
    }

    @Test func cboeVIXHistoryUpperCaseCRLFAndMMDDYYYY() throws {
        let s = try #require(try fixtureSeries("VIX_History.csv"))
        #expect(s.dates == days(["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"]))
        #expect(s.values == [13.2, 14.04, 14.13, 13.35])
    }

    @Test func cboeSingleValueIndex() throws {
        let s = try #require(try fixtureSeries("SKEW_History.csv"))
        #expect(s.dates == days(["2024-01-02", "2024-01-03", "2024-01-04"]))
        #expect(s.values == [152.81, 148.26, 146.02])
    }

    @Test func fredOldHeaderWithDotForMissing() throws {
        let s = try #require(try fixtureSeries("fred_dot.csv"))
        #expect(s.dates == days(["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"]))
        #expect(s.values == [4.33, 4.33, 4.38, 4.4])
    }

    @Test func fredNewHeaderWithEmptyMissingAndCRLF() throws {
        let s = try #require(try fixtureSeries("fred_empty.csv"))
        #expect(s.dates == days(["2024-12-24", "2024-12-26", "2024-12-27"]))
        #expect(s.values == [4.31, 4.33, 4.31])
    }

    @Test func twoColumns() throws {
        let s = try #require(try fixtureSeries("two_column.csv"))
        #expect(s.dates == days(["2024-03-01", "2024-03-04", "2024-03-05"]))
        #expect(s.values == [13.11, 14.33, 14.46])
    }

    @Test func wideWithGapsKeepsHeaderOrderAndDropsEmptyMembers() throws {
        let content = try CSVImporter.read(path: Fixtures.path("files/wide_gaps.csv"))
        let members = try #require(content.members)
        #expect(members.map(\.name) == ["AAPL", "MSFT", "BRK-B", "NVDA"])
        #expect(members[0].series == Series(dates: days(["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"]),
                                            values: [185.64, 184.25, 181.91, 181.18]))
        #expect(members[1].series == Series(dates: days(["2024-01-02", "2024-01-04", "2024-01-05"]),
                                            values: [370.87, 367.75, 367.75]))
        #expect(members[2].series == Series(dates: days(["2024-01-03", "2024-01-04", "2024-01-05"]),
                                            values: [359.31, 359.14, 359.26]))
        #expect(members[3].series == Series(dates: days(["2024-01-02", "2024-01-03", "2024-01-05"]),
                                            values: [48.168, 47.569, 49.097]))
    }

    @Test func byteOrderMarkAndCRLFAndTrailingBlankLine() throws {
        let s = try #require(try fixtureSeries("bom_crlf.csv"))
        #expect(s == Series(dates: days(["2024-01-02", "2024-01-03"]), values: [10.5, 11.5]))
        let adjusted = try #require(try fixtureSeries("bom_crlf.csv", options: ImportOptions(preferAdjustedClose: true)))
        #expect(adjusted.values == [10.25, 11.25])
    }

    @Test func headerNamesMatchInAnyCase() throws {
        let lower = try #require(try fixtureSeries("lower_case.csv"))
        #expect(lower == Series(dates: days(["2024-01-02", "2024-01-03"]), values: [10.5, 11.5]))
        let lowerAdjusted = try #require(try fixtureSeries("lower_case.csv", options: ImportOptions(preferAdjustedClose: true)))
        #expect(lowerAdjusted.values == [10.25, 11.25])
        let mixed = try #require(try fixtureSeries("mixed_case.csv"))
        #expect(mixed == Series(dates: days(["2024-01-02", "2024-01-03"]), values: [10.5, 11.5]))
        let mixedAdjusted = try #require(try fixtureSeries("mixed_case.csv", options: ImportOptions(preferAdjustedClose: true)))
        #expect(mixedAdjusted.values == [10.25, 11.25])
    }

    @Test func rowsOutOfOrderAreSorted() throws {
        let s = try #require(try fixtureSeries("out_of_order.csv"))
        #expect(s == Series(dates: days(["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"]), values: [2, 3, 4, 5]))
    }

    @Test func quotedFields() throws {
        let s = try #require(try fixtureSeries("quoted.csv"))
        #expect(s == Series(dates: days(["2024-01-02", "2024-01-03", "2024-01-05"]), values: [101.5, 102.25, 100]))
        let wide = try #require(try CSVImporter.read(path: Fixtures.path("files/quoted_wide.csv")).members)
        // EMPTY has no values at all: it is dropped.
        #expect(wide.map(\.name) == ["BRK-B", "Brown, Forman \"B\""])
        #expect(wide[0].series == Series(dates: days(["2024-01-02", "2024-01-03"]), values: [359.31, 359.14]))
        #expect(wide[1].series == Series(dates: days(["2024-01-02", "2024-01-03"]), values: [33.1, 33.4]))
        // A quoted text column of an OHLC file may hold commas, quotes and line breaks.
        let noted = try #require(try parse("Date,Note,Close\n2024-01-02,\"a, \"\"b\"\"\nc\",1\n2024-01-03,,2\n").series)
        #expect(noted == Series(dates: days(["2024-01-02", "2024-01-03"]), values: [1, 2]))
    }

    @Test func dateColumnNeedNotComeFirst() throws {
        let s = try #require(try parse("Close,Open,Date\n2,1,2024-01-03\n3,1,2024-01-04\n").series)
        #expect(s == Series(dates: days(["2024-01-03", "2024-01-04"]), values: [2, 3]))
        let fred = try #require(try parse("DGS10,observation_date\n4.1,2024-01-03\n").series)
        #expect(fred == Series(dates: days(["2024-01-03"]), values: [4.1]))
        // Without a date-named column the first column is the date.
        let first = try #require(try parse("Day,Level\n2024-01-03,7\n").series)
        #expect(first == Series(dates: days(["2024-01-03"]), values: [7]))
    }

    @Test func missingMarkersAreAbsentNeverZero() throws {
        let text = "Date,A,B\n" + ["", ".", "null", "NULL", "NaN", "nan", "N/A", "n/a", "NA", "-", "  ", "\"\""]
            .enumerated().map { "2024-02-\(10 + $0.offset),\($0.element),1" }.joined(separator: "\n")
        let members = try #require(try parse(text).members)
        #expect(members.map(\.name) == ["B"])
        #expect(members[0].series.count == 12)
    }

    @Test func numberForms() throws {
        let text = """
        Date,v
        2024-01-01,+1.5
        2024-01-02,-2
        2024-01-03, 3.25\t
        2024-01-04,1e3
        2024-01-05,1.5E-2
        2024-01-06,.5
        2024-01-07,5.
        2024-01-08,-0.000123
        2024-01-09,12345678901234567890123
        2024-01-10,3.141592653589793238462643383279
        2024-01-11,1.7976931348623157e308
        2024-01-12,4.9e-324
        2024-01-13,0
        """
        let s = try #require(try parse(text).series)
        #expect(s.values == [1.5, -2, 3.25, 1000, 0.015, 0.5, 5, -0.000123, 1.2345678901234567890123e22,
                             3.141592653589793, 1.7976931348623157e308, .leastNonzeroMagnitude, 0])
    }

    @Test func blankLinesAndRowsOfEmptyFieldsAreSkipped() throws {
        let s = try #require(try parse("\n\nDate,Close\n\n2024-01-02,1\n,\n  \n2024-01-03,2\n\n\n").series)
        #expect(s == Series(dates: days(["2024-01-02", "2024-01-03"]), values: [1, 2]))
    }

    @Test func loneCarriageReturnEndsALine() throws {
        let s = try #require(try parse("Date,Close\r2024-01-02,1\r2024-01-03,2\r").series)
        #expect(s == Series(dates: days(["2024-01-02", "2024-01-03"]), values: [1, 2]))
    }

    @Test func inMemoryBytesEqualTheFile() throws {
        let fromFile = try CSVImporter.read(path: Fixtures.path("files/wide_gaps.csv"))
        let bytes = try [UInt8](Data(contentsOf: Fixtures.root.appendingPathComponent("files/wide_gaps.csv")))
        #expect(try CSVImporter.parse(bytes, name: "wide_gaps.csv") == fromFile)
    }

    @Test func unnamedColumnsAreIgnored() throws {
        // A trailing comma on every line gives an extra unnamed, empty column.
        let s = try #require(try parse("Date,vix,\n2024-01-02,13.5,\n2024-01-03,14,\n").series)
        #expect(s == Series(dates: days(["2024-01-02", "2024-01-03"]), values: [13.5, 14]))
    }

    /// A generated wide file mixing every cell form, rows shuffled: the importer's
    /// fast and general paths must together give exactly the series written.
    @Test func generatedWideFileReadsBackExactly() throws {
        var rng = SystemRandomNumberGenerator()
        let names = ["A", "B", "C", "D", "E"]
        var expected = Array(repeating: [(Day, Double)](), count: names.count)
        var lines: [String] = []
        var date = day("2015-01-01")
        for _ in 0..<800 {
            date = date.adding(days: Int.random(in: 1...3, using: &rng))
            let iso = date.iso
            let (y, m, d) = date.components
            var row = [Bool.random(using: &rng) ? iso : "\(m)/\(d)/\(y)"]
            for k in names.indices {
                let v = (Double.random(in: -5_000...5_000, using: &rng) * 10_000).rounded() / 10_000
                switch Int.random(in: 0..<10, using: &rng) {
                case 0: row.append("")
                case 1: row.append(["NaN", ".", "null", "N/A", "-"].randomElement(using: &rng)!)
                case 2: row.append("\"\(v)\""); expected[k].append((date, v))
                case 3: row.append(" \(v) "); expected[k].append((date, v))
                case 4: row.append(String(format: "%.6e", v)); expected[k].append((date, Double(String(format: "%.6e", v))!))
                default: row.append(String(v)); expected[k].append((date, v))
                }
            }
            lines.append(row.joined(separator: ","))
        }
        lines.shuffle(using: &rng)
        let text = "Date," + names.joined(separator: ",") + "\r\n" + lines.joined(separator: "\r\n")
        let members = try #require(try parse(text).members)
        let want = zip(names, expected).filter { !$0.1.isEmpty }
        #expect(members.map(\.name) == want.map(\.0))
        for (member, (_, pairs)) in zip(members, want) {
            #expect(member.series == Series(sorting: pairs), "\(member.name)")
        }
    }

    /// Rows shorter than the reader's first guess make its table grow.
    @Test func manyShortRows() throws {
        let start = day("2000-01-03")
        var text = "Date,A,B\n"
        for k in 0..<3_000 { text += "\(start.adding(days: k).iso),\(k % 100 == 0 ? String(k) : ""),\(k % 7)\n" }
        let members = try #require(try parse(text).members)
        #expect(members[0].series.dates == (0..<30).map { start.adding(days: $0 * 100) })
        #expect(members[0].series.values == (0..<30).map { Double($0 * 100) })
        #expect(members[1].series.count == 3_000)
        #expect(members[1].series.values.prefix(8) == [0, 1, 2, 3, 4, 5, 6, 0])
        #expect(members[1].series.last?.date == start.adding(days: 2_999))
    }
}
