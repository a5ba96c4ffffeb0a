import Testing
@testable import RotorCore

@Suite struct ParserTests {
    @Test func parsesNestedCallsWithColumns() throws {
        let expr = try Parser.parse(" corr( ret(RTY), diff(US2Y) , 60)")
        guard case let .call(name, args, column) = expr else { Issue.record("not a call"); return }
        #expect(name == "corr")
        #expect(column == 2)
        #expect(args.count == 3)
        #expect(args[1] == .call(name: "diff", arguments: [.symbol("US2Y", column: 23)], column: 18))
        #expect(expr.canonical == "corr(ret(RTY),diff(US2Y),60)")
    }

    @Test func readsSymbolsUniversesAndNumbers() throws {
        #expect(try Parser.parse("BRK-B") == .symbol("BRK-B", column: 1))
        #expect(try Parser.parse("@spx") == .universe("spx", column: 1))
        #expect(try Parser.parse("sub(VIX,-2.5e1)").canonical == "sub(VIX,-2.5e1)")
        #expect(try Parser.parse("SMA(ES,5)").canonical == "sma(ES,5)")
    }

    @Test func reportsSyntaxErrorsWithColumns() {
        let cases: [(String, String)] = [
            ("", "empty expression (at column 1)"),
            ("sma(ES,5", "missing ')' to close sma( (at column 9)"),
            ("sma(ES 5)", "expected ',' or ')' but found '5' (at column 8)"),
            ("sma(ES,5))", "unexpected ')' after the expression (at column 10)"),
            ("ratio(RTY,%)", "unexpected '%' (at column 11)"),
            ("sma()", "sma: expected arguments inside () (at column 1)"),
            ("sub(ES,1.2.3)", "'1.2.3' is not a number (at column 8)"),
            ("above(@,5)", "expected a universe name after '@' (at column 7)"),
        ]
        for (text, message) in cases {
            #expect(throws: ExpressionError.self) { try Parser.parse(text) }
            do {
                _ = try Parser.parse(text)
            } catch {
                #expect(error.description == message, "\(text)")
            }
        }
    }
}
