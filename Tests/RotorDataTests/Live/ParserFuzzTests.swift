import Foundation
import RotorCore
import Testing
@testable import RotorData

/// Whatever a server sends, the parsers answer with bars or a FeedError: truncated,
/// mutated and spliced bodies from a seeded generator (the same bodies every run).
@Suite struct ParserFuzzTests {
    /// SplitMix64: small, seeded, the same sequence on every platform.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let now = Date(timeIntervalSince1970: 1_732_140_000)

    /// Bytes a hostile body is built from: JSON punctuation, numbers at the edges of
    /// Double, control bytes, invalid UTF-8, FRED's markers.
    static let pieces: [[UInt8]] = [
        "{", "}", "[", "]", ",", ":", "\"", "null", "true", "1e308", "1e309", "-1e309", "NaN", "Infinity", "-0",
        "9999999999999999999999", "32503680000", "1732026600", "\"chart\"", "\"result\"", "\"timestamp\"",
        "\"indicators\"", "\"quote\"", "\"close\"", "\"meta\"", "\"exchangeTimezoneName\"", "\"Mars/Olympus\"",
        "\"error\"", "\"description\"", "\"observations\"", "\"date\"", "\"value\"", "\"2024-07-03\"", "\"3000-01-01\"",
        "\".\"", "\"4.71\"", "DATE,DGS2\n", "2024-07-03,4.71\n", "3000-01-01,1\n", ",,,\n", "\n", "\r\n", "<html>",
        "\u{1B}]0;x\u{07}", "\\u0000", "\\ud800",
    ].map { Array($0.utf8) } + [[0xFF, 0xFE], [0xC3], [0x00], [0xE2, 0x82]]

    static let seeds: [[UInt8]] = [
        YahooFixtures.future, YahooFixtures.equity(closes: [1, nil, 3], regular: (1, 2)), YahooFixtures.notFound,
        YahooFixtures.emptyResult, YahooFixtures.nullEverywhere,
        #"{"observations":[{"date":"2024-07-03","value":"4.71"},{"date":"2024-07-04","value":"."}]}"#,
        "observation_date,DGS2\n2024-07-03,4.71\n2024-07-04,\n", "DATE,DGS2\n2024-07-03,4.71\n",
    ].map { Array($0.utf8) }

    static func mutate(_ body: [UInt8], _ random: inout Seeded) -> [UInt8] {
        var b = body
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            switch Int.random(in: 0..<5, using: &random) {
            case 0: b = Array(b.prefix(Int.random(in: 0...b.count, using: &random))) // truncate
            case 1 where !b.isEmpty: b[Int.random(in: 0..<b.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            case 2: b.insert(contentsOf: pieces.randomElement(using: &random)!, at: Int.random(in: 0...b.count, using: &random))
            case 3 where !b.isEmpty:
                let i = Int.random(in: 0..<b.count, using: &random)
                b.removeSubrange(i..<min(b.count, i + Int.random(in: 1...16, using: &random)))
            default: b = (0..<Int.random(in: 0...40, using: &random)).flatMap { _ in pieces.randomElement(using: &random)! }
            }
        }
        return b
    }

    /// Yahoo's chart parser, FRED's JSON parser or FRED's CSV parser.
    static func parse(_ response: HTTPResponse, with parser: Int) -> Result<Series, FeedError> {
        do {
            switch parser {
            case 0: return .success(try YahooChart.parse(response, now: now).series)
            case 1: return .success(try FRED.parseJSON(response))
            default: return .success(try FRED.parseCSV(response, series: "DGS2"))
            }
        } catch {
            return .failure(error)
        }
    }

    /// Every response is answered without a trap, and any error's text is one line
    /// with no control character.
    @Test func threeThousandHostileBodies() {
        var random = Seeded(state: 20_261_201)
        var outcomes = (bars: 0, errors: 0)
        for n in 0..<3_000 {
            let body = Self.mutate(Self.seeds[n % Self.seeds.count], &random)
            let status = [200, 200, 200, 400, 404, 429, 500][n % 7]
            let response = HTTPResponse(status: status, headers: ["retry-after": String(decoding: body.prefix(12), as: UTF8.self)], body: body)
            for parser in 0..<3 {
                switch Self.parse(response, with: parser) {
                case let .success(s):
                    #expect(!s.isEmpty && s.values.allSatisfy(\.isFinite))
                    outcomes.bars += 1
                case let .failure(error):
                    let text = error.description
                    #expect(!text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "\(text)")
                    outcomes.errors += 1
                }
            }
        }
        // The mutations reach both outcomes (the fuzz is not all rejected at the door).
        #expect(outcomes.bars > 30 && outcomes.errors > 30)
    }
}
