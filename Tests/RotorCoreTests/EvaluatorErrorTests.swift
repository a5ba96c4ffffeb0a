import Testing
@testable import RotorCore

@Suite struct EvaluatorErrorTests {
    static let data: MarketData = {
        let dates = (0..<30).map { Day(ordinal: Int32(19_000 + $0)) }
        let es = Series(dates: dates, values: dates.indices.map { 5000 + Double($0) })
        let rty = Series(dates: dates, values: dates.indices.map { 2000 - Double($0) })
        let universe = Universe(name: "spx", members: [("A", es), ("B", rty)])
        return MarketData(symbols: ["ES": es, "RTY": rty], universes: ["spx": universe])
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

    @Test func namesEachFault() {
        #expect(message("corr(RTY,ES)") == "corr: expected 3 arguments, got 2 (at column 1)")
        #expect(message("ret(ES,5)") == "ret: expected 1 argument, got 2 (at column 1)")
        #expect(message("foo(ES)") == "unknown function foo (at column 1)")
        #expect(message("ratio(RTY,NOPE)") == "unknown symbol NOPE (at column 11)")
        #expect(message("above(@nasdaq,50)") == "unknown universe @nasdaq (at column 7)")
        #expect(message("sma(ES,2.5)") == "sma: n must be a positive integer, got 2.5 (at column 8)")
        #expect(message("sma(ES,0)") == "sma: n must be between 1 and 100000, got 0 (at column 8)")
        #expect(message("sma(ES,RTY)") == "sma: n must be a positive integer, got the symbol RTY (at column 8)")
        #expect(message("ema(ES,-3)") == "ema: span must be between 1 and 100000, got -3 (at column 8)")
        #expect(message("mi(ES,RTY,20,1.5)") == "mi: bins must be a positive integer, got 1.5 (at column 14)")
        #expect(message("ratio(ES,@spx)") == "ratio: expected a series, got the universe @spx (at column 10)")
        #expect(message("above(ES,50)") == "above: expected a universe such as @spx, got the symbol ES (at column 7)")
        #expect(message("ewbasket(ES)") == "ewbasket: expected at least 2 series, got 1 (at column 1)")
        #expect(message("sub(1,2)") == "sub: at least one argument must be a series (at column 1)")
        #expect(message("42") == "42 is a number, not a series (at column 1)")
        #expect(message("sma(ES,5)") == nil)
        #expect(message("Sma(es, 5)") == nil) // names and symbols match case-insensitively
    }
}

@Suite struct EvaluatorBatchingTests {
    /// Batched breadth (prepare) gives the same series as one call at a time.
    @Test func preparedAboveEqualsUnprepared() throws {
        let dates = (0..<300).map { Day(ordinal: Int32(19_000 + $0)) }
        var rng = StreamingKernelTests.SplitMix(state: 9)
        let members = (0..<60).map { i -> (name: String, series: Series) in
            var x = 100.0
            let start = i % 7 == 0 ? 40 : 0
            let values = dates.map { _ in x = (x * (1 + Double.random(in: -0.02...0.02, using: &rng)) * 100).rounded() / 100; return x }
            return ("M\(i)", Series(dates: Array(dates[start...]), values: Array(values[start...])))
        }
        let data = MarketData(universes: ["u": Universe(name: "u", members: members)])
        let texts = ["above(@u,5)", "above(@u,20)", "pctrank(above(@u,20),50)", "above(@u,200)"]
        var plain = Evaluator(data: data), prepared = Evaluator(data: data)
        prepared.prepare(texts + ["above(@u,2.5)", "nonsense("])
        for text in texts {
            #expect(try plain.evaluate(text) == prepared.evaluate(text), "\(text)")
        }
        #expect(try prepared.evaluate("above(@u,20)").count == 300 - 19)
    }
}
