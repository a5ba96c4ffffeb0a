/// A mistake in an expression: what is wrong (`kind`) and the 1-based column where it is.
///
/// Callers that handle a failure switch on `kind` (a pane lists the `unknownSymbol`s
/// and `unknownUniverse`s it lacks as "no data for ..."); `message` and `description`
/// are the texts `rotor check`, `rotor export` and the panes print.
public struct ExpressionError: Error, Equatable, Sendable, CustomStringConvertible {
    public let kind: Kind
    public let column: Int

    public init(_ kind: Kind, column: Int) {
        self.kind = kind
        self.column = column
    }

    /// What is wrong, e.g. `corr: expected 3 arguments, got 2`.
    public var message: String { kind.message }

    /// The message and where: `corr: expected 3 arguments, got 2 (at column 1)`.
    public var description: String { "\(message) (at column \(column))" }
}

extension ExpressionError {
    /// Every way an expression can fail, each a different thing for the writer to fix.
    public enum Kind: Sendable, Equatable {
        // MARK: Grammar (Parser)

        /// The text is empty or only spaces.
        case empty
        /// The text stops where an argument should start (`sma(ES,`).
        case unexpectedEnd
        /// A character that cannot start an expression (`%`, `(`).
        case unexpectedCharacter(Character)
        /// A whole expression followed by more text (`sma(ES,5))`).
        case trailingText(Character)
        /// An `@` with no name after it.
        case missingUniverseName
        /// `name()`: a call needs at least one argument. The name is lower-cased.
        case noArguments(function: String)
        /// The text ends before the `)` of the call; the name as written.
        case unclosedCall(function: String)
        /// An argument followed by something other than `,` or `)`.
        case expectedCommaOrParenthesis(found: Character)
        /// Digits, points, signs and exponents that make no number (`1.2.3`).
        case notANumber(text: String)

        // MARK: Limits (ExpressionLimits)

        /// A number literal that does not fit a double (`1e400`, `1e-400`).
        case numberOutOfRange(text: String)
        /// Calls nested deeper than `limit` (ExpressionLimits.maxDepth).
        case nestedTooDeeply(limit: Int)
        /// A whole-number argument outside its parameter's bounds; `got` as written.
        case range(function: String, parameter: String, bounds: ClosedRange<Int>, got: String)
        /// An integer argument above another integer argument of the same call that
        /// bounds it (`mi`'s bins at most its n): `limit` names that one.
        case exceedsArgument(function: String, parameter: String, limit: String, limitValue: Int, got: Int)
        /// More series than a function of pairs takes (`avgcorr`: at most `limit`,
        /// ExpressionLimits.maxCorrelationSeries): its cost grows with the pairs.
        case tooManySeries(function: String, limit: Int, got: Int)

        // MARK: Names

        /// A function the language does not have.
        case unknownFunction(String)
        /// A symbol the data does not have.
        case unknownSymbol(String)
        /// A universe the data does not have, named without its `@`.
        case unknownUniverse(String)

        // MARK: Arguments

        /// The wrong number of arguments for the function.
        case arity(function: String, expected: Arity, got: Int)
        /// An integer parameter given something else: a number that is not whole, a
        /// symbol, a universe or a call.
        case notAnInteger(function: String, parameter: String, got: Given)
        /// A series parameter given a number or a universe.
        case expectedSeries(function: String, got: Given)
        /// A universe parameter given something else.
        case expectedUniverse(function: String, got: Given)
        /// The same series twice among a function of pairs' series (`avgcorr(A,B,A,20)`):
        /// `series` as written, `first` and `again` its 1-based places among them.
        case repeatedSeries(function: String, series: String, first: Int, again: Int)
        /// Arithmetic on two numbers: one side must be a series for there to be rows.
        case noSeriesOperand(function: String)

        // MARK: The whole expression

        /// The expression is a number, which has no rows (`42`).
        case numberIsNotASeries(text: String)
        /// The expression is a universe, which has members, not rows (`@spx`).
        case universeIsNotASeries(name: String)
    }

    /// How many arguments a function takes.
    public enum Arity: Sendable, Equatable {
        case exactly(Int)
        /// Baskets: this many series or more.
        case seriesAtLeast(Int)
        /// This many series or more, then the integer `parameter` (`avgcorr(s1,...,sk,n)`).
        case seriesAtLeastThen(Int, parameter: String)
    }

    /// What was written where an argument of another kind belongs, for the message.
    public enum Given: Sendable, Equatable {
        /// A number literal, as written.
        case number(String)
        case symbol(String)
        /// A universe, named without its `@`.
        case universe(String)
        /// A call of this function.
        case call(String)

        init(_ expr: Expr) {
            switch expr {
            case let .number(_, text, _): self = .number(text)
            case let .symbol(name, _): self = .symbol(name)
            case let .universe(name, _): self = .universe(name)
            case let .call(name, _, _): self = .call(name)
            }
        }

        /// "the number 2.5", "the symbol ES", "the universe @spx", "a sma(...) series".
        var described: String {
            switch self {
            case let .number(text): "the number \(text)"
            case let .symbol(name): "the symbol \(name)"
            case let .universe(name): "the universe @\(name)"
            case let .call(name): "a \(name)(...) series"
            }
        }
    }
}

extension ExpressionError.Kind {
    /// The text users see (without the column).
    public var message: String {
        switch self {
        case .empty: "empty expression"
        case .unexpectedEnd: "unexpected end of expression"
        case let .unexpectedCharacter(c): "unexpected '\(c)'"
        case let .trailingText(c): "unexpected '\(c)' after the expression"
        case .missingUniverseName: "expected a universe name after '@'"
        case let .noArguments(function): "\(function): expected arguments inside ()"
        case let .unclosedCall(function): "missing ')' to close \(function)("
        case let .expectedCommaOrParenthesis(found): "expected ',' or ')' but found '\(found)'"
        case let .notANumber(text): "'\(text)' is not a number"
        case let .numberOutOfRange(text):
            "number \(text) is out of range (magnitudes 2.2e-308 to 1.8e308, or 0)"
        case let .nestedTooDeeply(limit): "nested too deeply: at most \(limit) calls inside one another"
        case let .range(function, parameter, bounds, got):
            "\(function): \(parameter) must be between \(bounds.lowerBound) and \(bounds.upperBound), got \(got)"
        case let .exceedsArgument(function, parameter, limit, limitValue, got):
            "\(function): \(parameter) must be at most \(limit) (\(limitValue)), got \(got)"
        case let .tooManySeries(function, limit, got): "\(function): at most \(limit) series, got \(got)"
        case let .unknownFunction(name): "unknown function \(name)"
        case let .unknownSymbol(name): "unknown symbol \(name)"
        case let .unknownUniverse(name): "unknown universe @\(name)"
        case let .arity(function, .exactly(count), got):
            "\(function): expected \(count) \(count == 1 ? "argument" : "arguments"), got \(got)"
        case let .arity(function, .seriesAtLeast(count), got):
            "\(function): expected at least \(count) series, got \(got)"
        case let .arity(function, .seriesAtLeastThen(count, parameter), got):
            "\(function): expected at least \(count) series then \(parameter), got \(got) \(got == 1 ? "argument" : "arguments")"
        case let .notAnInteger(function, parameter, got):
            // A number is shown as written: it is a number, just not a whole one.
            if case let .number(text) = got {
                "\(function): \(parameter) must be a positive integer, got \(text)"
            } else {
                "\(function): \(parameter) must be a positive integer, got \(got.described)"
            }
        case let .expectedSeries(function, got): "\(function): expected a series, got \(got.described)"
        case let .expectedUniverse(function, got):
            "\(function): expected a universe such as @spx, got \(got.described)"
        case let .noSeriesOperand(function): "\(function): at least one argument must be a series"
        case let .repeatedSeries(function, series, first, again):
            "\(function): series \(again) repeats series \(first) (\(series)); every pair must be two different series"
        case let .numberIsNotASeries(text): "\(text) is a number, not a series"
        case let .universeIsNotASeries(name):
            "@\(name) is a universe, not a series: use a breadth function such as above(@\(name),50)"
        }
    }
}
