import Foundation
import RotorCore
import Testing
@testable import RotorData

@Suite struct InternalsTests {
    func number(_ text: String) -> NumberParser.Result {
        Array(text.utf8).withUnsafeBufferPointer(NumberParser.parse)
    }

    @Test func numbersRoundTripExactly() {
        var rng = SystemRandomNumberGenerator()
        var wrong: [String] = []
        for _ in 0..<5_000 {
            let v = Double(bitPattern: rng.next() & 0x7FEF_FFFF_FFFF_FFFF) // finite, any magnitude
            let price = (Double.random(in: 0..<100_000, using: &rng) * 100).rounded() / 100
            for (text, value) in [(v.description, v), (String(price), price), ("-" + String(price), -price)]
            where number(text) != .value(value) {
                wrong.append(text)
            }
        }
        for text in ["0.1", "0.3", "123.456", "9007199254740993", "1e22", "1e23", "8.98846567431158e307",
                     "2.2250738585072011e-308", "0.000000000000000000000000000001", "1234567890.0987654321"]
        where number(text) != .value(Double(text)!) {
            wrong.append(text)
        }
        #expect(wrong == [])
    }

    /// The fast path for plain numbers gives exactly what the full parser gives, or
    /// steps aside.
    @Test func plainNumbersAgreeWithTheFullParser() {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789012345678901234567890123456789..--,\n\r e+x\"".utf8)
        var fastHits = 0
        var wrong: [String] = []
        for round in 0..<6_000 {
            var bytes: [UInt8] = (0..<Int.random(in: 0...20, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            if round % 2 == 0 { bytes += Array(",1234567890123456789".utf8) }
            bytes.withUnsafeBufferPointer { b in
                let base = b.baseAddress ?? UnsafePointer(bitPattern: 8)!
                let end = b.firstIndex { $0 == 0x2C || $0 == 0x0A || $0 == 0x0D } ?? b.count
                let full = NumberParser.parse(UnsafeBufferPointer(rebasing: b[0..<end]))
                for plain in [NumberParser.plain(base, from: 0, end: b.count)] {
                    guard let plain else { continue }
                    fastHits += 1
                    if plain.next != end || full != .value(plain.value) {
                        wrong.append(String(decoding: bytes, as: UTF8.self))
                    } else if case .value(let v) = full, v.bitPattern != plain.value.bitPattern {
                        wrong.append(String(decoding: bytes, as: UTF8.self)) // -0.0 against 0.0
                    }
                }
            }
        }
        #expect(wrong == [])
        #expect(fastHits > 500)
        // The usual cells take the fast path.
        func fast(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { NumberParser.plain($0.baseAddress!, from: 0, end: $0.count) } != nil
        }
        for text in ["52.34,", "-0.5\n", "1234567.1234567,", "7,", ".5,", "5.,", "0000001.0000001\r\n"] {
            #expect(fast(text), "\(text)")
            #expect(fast(text + String(repeating: "9", count: 20)), "\(text)")
        }
        #expect(fast("52.34"))
        #expect(!fast("52.34x,99999999999999999"))
        #expect(!fast("1e5,99999999999999999"))
    }

    /// The date fast paths accept and reject exactly what Day.parse does.
    @Test func dateReaderAgreesWithDayParse() {
        var rng = SystemRandomNumberGenerator()
        var reader = DateReader()
        let alphabet = Array("0123456789012345678901-/ T:".utf8)
        var samples: [String] = ["2024-02-29", "2023-02-29", "2024-13-01", "2024-00-10", "2024-01-00", "2024-01-32",
                                 "1/2/2024", "01/02/2024", "12/31/2024", "2/30/2024", "13/1/2024", "0/1/2024", "1/0/2024",
                                 "1/2/24", "001/2/2024", "1/2/2024 16:00", "2024-01-02 00:00:00", "2024-01-02T09:30:00Z",
                                 "2024-01-02x", " 2024-01-02 ", "\t1/2/2024", "", "2024-1-2", "1//2024"]
        for _ in 0..<3_000 {
            samples.append(String(decoding: (0..<Int.random(in: 6...12, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }, as: UTF8.self))
            let y = Int.random(in: 1990...2030, using: &rng), m = Int.random(in: 0...13, using: &rng), d = Int.random(in: 0...32, using: &rng)
            samples.append("\(m)/\(d)/\(y)")
            samples.append(String(format: "%04d-%02d-%02d", y, m, d))
        }
        var wrong: [String] = []
        for text in samples {
            let bytes = Array(text.utf8)
            let fast = bytes.withUnsafeBufferPointer { reader.parse($0.baseAddress ?? UnsafePointer(bitPattern: 8)!, count: $0.count) }
            if fast != Day(parsing: text) { wrong.append(text) }
            if bytes.count >= 10, bytes[4] == 0x2D, bytes[7] == 0x2D {
                let iso = bytes.withUnsafeBufferPointer { reader.iso($0.baseAddress!) }
                if iso != Day(parsing: String(text.prefix(10))) { wrong.append("iso " + text) }
            }
        }
        #expect(wrong == [])
    }

    @Test func missingAndInvalidCells() {
        for missing in ["", "   ", ".", "-", "null", "Null", "NULL", "nan", "NaN", "NAN", "n/a", "N/A", "na", "NA", " . "] {
            #expect(number(missing) == .missing, "\(missing)")
        }
        for invalid in ["+", "-.", "e5", "1e", "1e+", "1.2.3", "1,5", "inf", "-inf", "Infinity", "nil", "none", "0x1p3",
                        "1 2", "$5", "5%", "1e400", "--1"] {
            #expect(number(invalid) == .invalid, "\(invalid)")
        }
    }

    @Test func symbolNames() {
        for good in ["A", "ES", "BRK-B", "BRK.B", "us_2y", "x1", "spx.daily"] {
            #expect(DataFolder.isValidName(good), "\(good)")
        }
        for bad in ["", "1X", "^VIX", "ES=F", "-A", "_a", "a b", "é", "A+"] {
            #expect(!DataFolder.isValidName(bad), "\(bad)")
        }
        #expect(DataFolder.csvStem("A.csv") == "A")
        #expect(DataFolder.csvStem("A.CsV") == "A")
        #expect(DataFolder.csvStem("spx.daily.csv") == "spx.daily")
        #expect(DataFolder.csvStem(".csv") == nil)
        #expect(DataFolder.csvStem("A.txt") == nil)
        #expect(DataFolder.csvStem("A.csv.bak") == nil)
    }
}
