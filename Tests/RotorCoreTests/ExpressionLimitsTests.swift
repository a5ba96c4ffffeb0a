import Testing
@testable import RotorCore

/// METRICS.md "Limits (added)": every integer argument has a range, calls nest at
/// most 64 deep, and a number literal must fit a double.
@Suite struct ExpressionLimitsTests {
    static let data: MarketData = {
        let dates = (0..<40).map { Day(ordinal: Int32(19_000 + $0)) }
        func series(_ f: (Double) -> Double) -> Series { Series(dates: dates, values: dates.indices.map { f(Double($0)) }) }
        return MarketData(symbols: [
            "ES": series { 5000 + $0 + ($0.truncatingRemainder(dividingBy: 3)) },
            "RTY": series { 2000 - $0 * 1.5 + ($0.truncatingRemainder(dividingBy: 5)) },
            "US2Y": series { 4 + ($0.truncatingRemainder(dividingBy: 7)) / 100 },
        ], universes: ["spx": Universe(name: "spx", members: [("A", series { 10 + $0 }), ("B", series { 20 - $0 / 10 })])])
    }()

    func message(_ text: String) -> String? {
        var evaluator = Evaluator(data: Self.data)
        do {
            _ = try evaluator.evaluate(text)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func sampleStatisticsNeedTwoRows() {
        #expect(message("std(ES,1)") == "std: n must be between 2 and 100000, got 1 (at column 8)")
        #expect(message("zscore(ES,1)") == "zscore: n must be between 2 and 100000, got 1 (at column 11)")
        #expect(message("rvol(ES,1)") == "rvol: n must be between 2 and 100000, got 1 (at column 9)")
        #expect(message("corr(ES,RTY,1)") == "corr: n must be between 2 and 100000, got 1 (at column 13)")
        #expect(message("beta(ES,RTY,1)") == "beta: n must be between 2 and 100000, got 1 (at column 13)")
        #expect(message("mi(ES,RTY,1,2)") == "mi: n must be between 2 and 100000, got 1 (at column 11)")
        for ok in ["std(ES,2)", "zscore(ES,2)", "rvol(ES,2)", "corr(ES,RTY,2)", "beta(ES,RTY,2)", "mi(ES,RTY,2,2)"] {
            #expect(message(ok) == nil, "\(ok)")
        }
    }

    @Test func windowsAndSpansStopAtOneHundredThousand() throws {
        #expect(message("sma(ES,1000000000000)")
            == "sma: n must be between 1 and 100000, got 1000000000000 (at column 8)")
        #expect(message("sma(ES,1e12)") == "sma: n must be between 1 and 100000, got 1e12 (at column 8)")
        #expect(message("ema(ES,100001)") == "ema: span must be between 1 and 100000, got 100001 (at column 8)")
        #expect(message("chg(ES,100001)") == "chg: n must be between 1 and 100000, got 100001 (at column 8)")
        #expect(message("spread(ES,RTY,0)") == "spread: n must be between 1 and 100000, got 0 (at column 15)")
        #expect(message("above(@spx,100001)") == "above: n must be between 1 and 100000, got 100001 (at column 12)")
        #expect(message("nhnl(@spx,-1)") == "nhnl: n must be between 1 and 100000, got -1 (at column 11)")
        // The largest window is allowed: it just has no full window in 40 rows.
        var evaluator = Evaluator(data: Self.data)
        #expect(try evaluator.evaluate("sma(ES,100000)").count == 0)
        #expect(try evaluator.evaluate("corr(ES,RTY,100000)").count == 0)
        #expect(try evaluator.evaluate("pctrank(ES,1)").count == 40)
    }

    @Test func binsAreTwoToSixtyFourAndAtMostN() throws {
        #expect(message("mi(ret(RTY),diff(US2Y),20,100000)")
            == "mi: bins must be between 2 and 64, got 100000 (at column 27)")
        #expect(message("mi(ES,RTY,20,1)") == "mi: bins must be between 2 and 64, got 1 (at column 14)")
        #expect(message("mi(ES,RTY,20,65)") == "mi: bins must be between 2 and 64, got 65 (at column 14)")
        #expect(message("mi(ES,RTY,5,8)") == "mi: bins must be at most n (5), got 8 (at column 13)")
        var evaluator = Evaluator(data: Self.data)
        #expect(try evaluator.evaluate("mi(ES,RTY,64,64)").count == 0)
        #expect(try evaluator.evaluate("mi(ret(RTY),diff(US2Y),20,8)").count == 39 - 19)
    }

    /// The kernel itself never builds a table bigger than 64 x 64, whoever calls it.
    @Test func mutualInformationKernelRefusesHugeTables() {
        let es = Self.data.symbols["ES"]!, rty = Self.data.symbols["RTY"]!
        #expect(MutualInformation.mi(es, rty, 20, bins: 100_000).count == 0)
        #expect(MutualInformation.mi(es, rty, 20, bins: Int.max).count == 0)
        #expect(MutualInformation.mi(es, rty, Int.max, bins: 8).count == 0)
        #expect(MutualInformation.mi(es, rty, 20, bins: 8).count == 21)
    }

    static func nested(_ depth: Int) -> String {
        String(repeating: "ret(", count: depth) + "ES" + String(repeating: ")", count: depth)
    }

    @Test func callsNestAtMostSixtyFourDeep() throws {
        #expect(try Parser.parse(Self.nested(64)).canonical == Self.nested(64))
        var evaluator = Evaluator(data: Self.data)
        #expect(try evaluator.evaluate(Self.nested(64)).count == 0) // 40 rows, 64 differences
        let sixtyFive = "sma(" + Self.nested(64) + ",5)"
        #expect(message(sixtyFive) == "nested too deeply: at most 64 calls inside one another (at column 257)")
        #expect(message(Self.nested(65)) == "nested too deeply: at most 64 calls inside one another (at column 257)")
    }

    /// 100,000 characters of the worst shapes: rejected or parsed, never a crash.
    /// (Measured outside the tests: each takes milliseconds.)
    @Test func hugeExpressionsAreRejectedOrParsed() throws {
        #expect(message(Self.nested(25_000)) == "nested too deeply: at most 64 calls inside one another (at column 257)")
        #expect(message(String(repeating: "(", count: 100_000)) == "unexpected '(' (at column 1)")
        #expect(message(String(repeating: "sma(", count: 25_000)) == "nested too deeply: at most 64 calls inside one another (at column 257)")
        let flat = "ewbasket(" + Array(repeating: "ES", count: 33_000).joined(separator: ",") + ")"
        guard case let .call(_, arguments, _) = try Parser.parse(flat) else { Issue.record("not a call"); return }
        #expect(arguments.count == 33_000)
        let longNumber = "sub(ES," + String(repeating: "1", count: 100_000) + ")"
        #expect(message(longNumber)?.hasSuffix("is out of range (magnitudes 2.2e-308 to 1.8e308, or 0) (at column 8)") == true)
    }

    @Test func numbersMustFitADouble() throws {
        let suffix = "is out of range (magnitudes 2.2e-308 to 1.8e308, or 0)"
        #expect(message("sub(ES,1e-400)") == "number 1e-400 \(suffix) (at column 8)")
        #expect(message("sub(ES,1e400)") == "number 1e400 \(suffix) (at column 8)")
        #expect(message("sub(ES,-1e400)") == "number -1e400 \(suffix) (at column 8)")
        #expect(message("mul(ES,4.9e-324)") == "number 4.9e-324 \(suffix) (at column 8)") // subnormal
        #expect(message("add(ES, 0.00001e-400)") == "number 0.00001e-400 \(suffix) (at column 9)")
        #expect(try Parser.parse("sub(ES,0e-400)").canonical == "sub(ES,0e-400)")
        #expect(try Parser.parse("sub(ES,0.000)").canonical == "sub(ES,0.000)")
        #expect(try Parser.parse("sub(ES,1e-300)").canonical == "sub(ES,1e-300)")
        #expect(try Parser.parse("sub(ES,1.7e308)").canonical == "sub(ES,1.7e308)")
    }
}
