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

/// Each kind of `ExpressionError` comes from the input that should produce it, with
/// the message users have always seen: callers switch on the kind, people read the text.
@Suite struct ExpressionErrorKindTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let text: String
        let kind: ExpressionError.Kind
        let description: String
        var testDescription: String { text.count > 40 ? String(text.prefix(37)) + "..." : text }
    }

    static let cases: [Case] = [
        // Grammar
        Case(text: "", kind: .empty, description: "empty expression (at column 1)"),
        Case(text: "  ", kind: .empty, description: "empty expression (at column 1)"),
        Case(text: "sma(ES,", kind: .unexpectedEnd, description: "unexpected end of expression (at column 8)"),
        Case(text: "ratio(RTY,%)", kind: .unexpectedCharacter("%"), description: "unexpected '%' (at column 11)"),
        Case(text: "sma(ES,5))", kind: .trailingText(")"),
             description: "unexpected ')' after the expression (at column 10)"),
        Case(text: "above(@,5)", kind: .missingUniverseName,
             description: "expected a universe name after '@' (at column 7)"),
        Case(text: "SMA()", kind: .noArguments(function: "sma"),
             description: "sma: expected arguments inside () (at column 1)"),
        Case(text: "Sma(ES,5", kind: .unclosedCall(function: "Sma"),
             description: "missing ')' to close Sma( (at column 9)"),
        Case(text: "sma(ES 5)", kind: .expectedCommaOrParenthesis(found: "5"),
             description: "expected ',' or ')' but found '5' (at column 8)"),
        Case(text: "sub(ES,1.2.3)", kind: .notANumber(text: "1.2.3"), description: "'1.2.3' is not a number (at column 8)"),
        // Limits
        Case(text: "sub(ES,1e400)", kind: .numberOutOfRange(text: "1e400"),
             description: "number 1e400 is out of range (magnitudes 2.2e-308 to 1.8e308, or 0) (at column 8)"),
        Case(text: ExpressionLimitsTests.nested(65), kind: .nestedTooDeeply(limit: 64),
             description: "nested too deeply: at most 64 calls inside one another (at column 257)"),
        Case(text: "sma(ES,0)", kind: .range(function: "sma", parameter: "n", bounds: 1...100_000, got: "0"),
             description: "sma: n must be between 1 and 100000, got 0 (at column 8)"),
        Case(text: "std(ES,1e0)", kind: .range(function: "std", parameter: "n", bounds: 2...100_000, got: "1e0"),
             description: "std: n must be between 2 and 100000, got 1e0 (at column 8)"),
        Case(text: "mi(ES,RTY,5,8)",
             kind: .exceedsArgument(function: "mi", parameter: "bins", limit: "n", limitValue: 5, got: 8),
             description: "mi: bins must be at most n (5), got 8 (at column 13)"),
        // Names
        Case(text: "foo(ES)", kind: .unknownFunction("foo"), description: "unknown function foo (at column 1)"),
        Case(text: "ratio(RTY,NOPE)", kind: .unknownSymbol("NOPE"), description: "unknown symbol NOPE (at column 11)"),
        Case(text: "NOPE", kind: .unknownSymbol("NOPE"), description: "unknown symbol NOPE (at column 1)"),
        Case(text: "above(@nasdaq,50)", kind: .unknownUniverse("nasdaq"),
             description: "unknown universe @nasdaq (at column 7)"),
        Case(text: "mcclellan(@nasdaq)", kind: .unknownUniverse("nasdaq"),
             description: "unknown universe @nasdaq (at column 11)"),
        // Arguments
        Case(text: "corr(RTY,ES)", kind: .arity(function: "corr", expected: .exactly(3), got: 2),
             description: "corr: expected 3 arguments, got 2 (at column 1)"),
        Case(text: "ret(ES,5)", kind: .arity(function: "ret", expected: .exactly(1), got: 2),
             description: "ret: expected 1 argument, got 2 (at column 1)"),
        Case(text: "ewbasket(ES)", kind: .arity(function: "ewbasket", expected: .seriesAtLeast(2), got: 1),
             description: "ewbasket: expected at least 2 series, got 1 (at column 1)"),
        Case(text: "sma(ES,2.5)", kind: .notAnInteger(function: "sma", parameter: "n", got: .number("2.5")),
             description: "sma: n must be a positive integer, got 2.5 (at column 8)"),
        Case(text: "sma(ES,RTY)", kind: .notAnInteger(function: "sma", parameter: "n", got: .symbol("RTY")),
             description: "sma: n must be a positive integer, got the symbol RTY (at column 8)"),
        Case(text: "ema(ES,ret(ES))", kind: .notAnInteger(function: "ema", parameter: "span", got: .call("ret")),
             description: "ema: span must be a positive integer, got a ret(...) series (at column 8)"),
        Case(text: "mi(ES,RTY,20,@spx)", kind: .notAnInteger(function: "mi", parameter: "bins", got: .universe("spx")),
             description: "mi: bins must be a positive integer, got the universe @spx (at column 14)"),
        Case(text: "ratio(ES,@spx)", kind: .expectedSeries(function: "ratio", got: .universe("spx")),
             description: "ratio: expected a series, got the universe @spx (at column 10)"),
        Case(text: "ret(5)", kind: .expectedSeries(function: "ret", got: .number("5")),
             description: "ret: expected a series, got the number 5 (at column 5)"),
        Case(text: "dispersion(ES,RTY,3)", kind: .expectedSeries(function: "dispersion", got: .number("3")),
             description: "dispersion: expected a series, got the number 3 (at column 19)"),
        Case(text: "above(ES,50)", kind: .expectedUniverse(function: "above", got: .symbol("ES")),
             description: "above: expected a universe such as @spx, got the symbol ES (at column 7)"),
        Case(text: "netadv(ret(ES))", kind: .expectedUniverse(function: "netadv", got: .call("ret")),
             description: "netadv: expected a universe such as @spx, got a ret(...) series (at column 8)"),
        Case(text: "sub(1,2)", kind: .noSeriesOperand(function: "sub"),
             description: "sub: at least one argument must be a series (at column 1)"),
        // The whole expression
        Case(text: "42", kind: .numberIsNotASeries(text: "42"), description: "42 is a number, not a series (at column 1)"),
        Case(text: " @spx", kind: .universeIsNotASeries(name: "spx"),
             description: "@spx is a universe, not a series: use a breadth function such as above(@spx,50) (at column 2)"),
    ]

    @Test(arguments: cases)
    func kindAndMessage(_ c: Case) {
        var evaluator = Evaluator(data: EvaluatorErrorTests.data)
        do {
            let series = try evaluator.evaluate(c.text)
            Issue.record("evaluated to \(series.count) rows")
        } catch {
            #expect(error.kind == c.kind)
            #expect(error.description == c.description)
            #expect(error.message + " (at column \(error.column))" == c.description)
        }
    }

    /// Which fault is reported when there are several: the grammar first, then the
    /// function and argument count, then literal arguments (in order), then the
    /// series and universes as they are evaluated, left to right.
    @Test func theFirstFaultInCheckingOrderIsReported() {
        func kind(_ text: String) -> ExpressionError.Kind? {
            var evaluator = Evaluator(data: EvaluatorErrorTests.data)
            do { _ = try evaluator.evaluate(text); return nil } catch { return error.kind }
        }
        #expect(kind("foo(NOPE,0") == .unclosedCall(function: "foo"))
        #expect(kind("foo(NOPE,0)") == .unknownFunction("foo"))
        #expect(kind("sma(NOPE,0,1)") == .arity(function: "sma", expected: .exactly(2), got: 3))
        #expect(kind("sma(NOPE,0)") == .range(function: "sma", parameter: "n", bounds: 1...100_000, got: "0"))
        #expect(kind("mi(NOPE,@spx,5,8)")
            == .exceedsArgument(function: "mi", parameter: "bins", limit: "n", limitValue: 5, got: 8))
        #expect(kind("mi(ES,RTY,1,100)") == .range(function: "mi", parameter: "n", bounds: 2...100_000, got: "1"))
        #expect(kind("above(ES,0)") == .expectedUniverse(function: "above", got: .symbol("ES")))
        #expect(kind("ratio(NOPE,@spx)") == .unknownSymbol("NOPE"))
        #expect(kind("ratio(@spx,NOPE)") == .expectedSeries(function: "ratio", got: .universe("spx")))
        #expect(kind("sub(1,NOPE)") == .unknownSymbol("NOPE"))
        #expect(kind("ewbasket(ES,NOPE,@spx)") == .unknownSymbol("NOPE"))
        #expect(kind("ratio(ES,ratio(RTY,NADA))") == .unknownSymbol("NADA"))
    }
}
