import Testing
@testable import RotorCore

/// `Condition`: a flag's `EXPR OP NUMBER`, as a config's `when = "..."` writes it.
@Suite struct ConditionTests {
    @Test(arguments: [
        ("ZN >= 114", "ZN", Condition.Comparison.atLeast, 114.0),
        ("ZN>114", "ZN", .above, 114),
        ("ZN<114", "ZN", .below, 114),
        ("ZN<=114", "ZN", .atMost, 114),
        ("   ZN   >   114   ", "ZN", .above, 114),
        ("\tZN\t<=\t-2\t", "ZN", .atMost, -2),
        ("zscore(ZN,252) <= -2", "zscore(ZN,252)", .atMost, -2),
        ("zscore( ZN , 252 ) < +2", "zscore( ZN , 252 )", .below, 2),
        ("sub(US10Y,US2Y) < 0", "sub(US10Y,US2Y)", .below, 0),
        ("corr(ret(RTY),ret(ZN),60) > -0.25", "corr(ret(RTY),ret(ZN),60)", .above, -0.25),
        ("max(sub(div(ES,NQ),ratio(RTY,ES)),20) >= 1.5e-3", "max(sub(div(ES,NQ),ratio(RTY,ES)),20)", .atLeast, 0.0015),
        ("pctrank(@universe_x,20) > 1E2", "pctrank(@universe_x,20)", .above, 100),
        ("sma(ZN,50) <= -1.25E+1", "sma(ZN,50)", .atMost, -12.5),
        ("ZN > .5", "ZN", .above, 0.5),
        ("ZN > 0", "ZN", .above, 0),
        ("ZN > -0", "ZN", .above, 0),
    ])
    func parses(text: String, expression: String, comparison: Condition.Comparison, bound: Double) throws {
        let c = try Condition.parse(text)
        #expect(c == Condition(expression, comparison, bound), "\(text)")
    }

    /// The text a condition writes (a flag's default words) reads back the same.
    @Test func descriptionReadsBack() throws {
        for text in ["ZN >= 114", "zscore(ZN,252) <= -2", "sub(US10Y,US2Y) < 0.25", "ZN > 1e-07", "ZN < 123456.5"] {
            let c = try Condition.parse(text)
            #expect(try Condition.parse(c.description) == c, "\(text) -> \(c.description)")
        }
        #expect(Condition("ZN", .atLeast, 114).description == "ZN >= 114")
        #expect(Condition("x", .below, -0.25).description == "x < -0.25")
    }

    @Test(arguments: [
        // No operator (or one only inside parentheses, or one that is not ours).
        ("", "expected EXPR OP NUMBER with OP one of > >= < <=, got \"\""),
        ("ZN", "expected EXPR OP NUMBER with OP one of > >= < <=, got \"ZN\""),
        ("ZN = 114", "expected EXPR OP NUMBER with OP one of > >= < <=, got \"ZN = 114\""),
        ("ZN == 114", "expected EXPR OP NUMBER with OP one of > >= < <=, got \"ZN == 114\""),
        ("ZN ≥ 114", "expected EXPR OP NUMBER with OP one of > >= < <=, got \"ZN ≥ 114\""),
        ("(ZN > 114)", "expected EXPR OP NUMBER with OP one of > >= < <=, got \"(ZN > 114)\""),
        // Parentheses that do not pair up: the operator may be hidden inside them.
        ("(ZN > 114", "unbalanced parentheses in \"(ZN > 114\""),
        ("zscore(ZN,252 > 1", "unbalanced parentheses in \"zscore(ZN,252 > 1\""),
        ("ZN) > 1", "unbalanced parentheses in \"ZN) > 1\""),
        ("sma(ZN,5)) >= 1", "unbalanced parentheses in \"sma(ZN,5)) >= 1\""),
        // Two operators.
        ("ZN > 1 > 2", "more than one comparison in \"ZN > 1 > 2\""),
        ("ZN >> 1", "more than one comparison in \"ZN >> 1\""),
        ("ZN <> 1", "more than one comparison in \"ZN <> 1\""),
        ("1 < ZN < 2", "more than one comparison in \"1 < ZN < 2\""),
        // Nothing before the operator.
        ("> 114", "no expression before >"),
        ("   <= 1", "no expression before <="),
        // Not a number after it.
        ("ZN >", "expected a number after >, got \"\""),
        ("ZN > abc", "expected a number after >, got \"abc\""),
        ("ZN > ES", "expected a number after >, got \"ES\""),
        ("ZN >= = 1", "expected a number after >=, got \"= 1\""),
        ("ZN > 1 2", "expected a number after >, got \"1 2\""),
        ("ZN > 1,5", "expected a number after >, got \"1,5\""),
        ("ZN > 1_000", "expected a number after >, got \"1_000\""),
        ("ZN > 0x10", "expected a number after >, got \"0x10\""),
        ("ZN > inf", "expected a number after >, got \"inf\""),
        ("ZN > nan", "expected a number after >, got \"nan\""),
        ("ZN > 1e999", "expected a number after >, got \"1e999\""),
        ("ZN > 1e", "expected a number after >, got \"1e\""),
        ("ZN > --1", "expected a number after >, got \"--1\""),
        ("ZN > ２", "expected a number after >, got \"２\""),
    ])
    func rejects(text: String, message: String) {
        #expect(throws: ConditionError(message), "\(text)") { try Condition.parse(text) }
    }

    /// A left side that is not an expression says why, with the parser's column.
    @Test(arguments: [
        ("sub(ZN,) > 1", "sub(ZN,): "),
        ("ZN ES > 1", "ZN ES: "),
        ("ZN =< 1", "ZN =: "),
        ("ZN + > 1", "ZN +: "),
        ("@ > 1", "@: "),
        ("ZN, > 1", "ZN,: "),
    ])
    func rejectsABadExpression(text: String, prefix: String) {
        do {
            let c = try Condition.parse(text)
            Issue.record("\(text) parsed as \(c)")
        } catch {
            #expect(error.message.hasPrefix(prefix) && error.message.contains("(at column "), "\(text): \(error.message)")
        }
    }

    @Test func holdsComparesAPresentFiniteValue() {
        let bound = 114.0
        #expect(Condition("ZN", .above, bound).holds(114.5))
        #expect(!Condition("ZN", .above, bound).holds(114))
        #expect(Condition("ZN", .atLeast, bound).holds(114))
        #expect(!Condition("ZN", .atLeast, bound).holds(113.99))
        #expect(Condition("ZN", .below, bound).holds(113.99))
        #expect(!Condition("ZN", .below, bound).holds(114))
        #expect(Condition("ZN", .atMost, bound).holds(114))
        #expect(!Condition("ZN", .atMost, bound).holds(114.01))
        #expect(Condition("z", .atMost, -2).holds(-2) && !Condition("z", .atMost, -2).holds(-1.99))
        // No value, or not a number: the flag is not shown.
        for comparison in Condition.Comparison.allCases {
            let c = Condition("ZN", comparison, 0)
            #expect(!c.holds(nil) && !c.holds(.nan) && !c.holds(.infinity) && !c.holds(-.infinity), "\(comparison)")
        }
    }

    @Test func comparisonsAreTheFourOperators() {
        #expect(Condition.Comparison.allCases.map(\.rawValue) == [">", ">=", "<", "<="])
        #expect(Condition.Comparison.above.holds(1, 0) && Condition.Comparison.below.holds(0, 1))
    }
}
