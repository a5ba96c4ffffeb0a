/// Parses `expr := NUMBER | SYMBOL | UNIVERSE | NAME "(" expr ("," expr)* ")"`.
///
/// Only the grammar is checked here; whether a function exists, takes these
/// arguments and whether a symbol has data is the evaluator's business. Two limits
/// are the parser's: calls nest at most `ExpressionLimits.maxDepth` deep (so that
/// neither this recursive parser nor the evaluator can run off the stack), and a
/// number literal must be a finite double that keeps its value (`1e400` and
/// `1e-400` are errors, not inf and 0). Parsing reads each character once.
public struct Parser {
    private let chars: [Character]
    private var position = 0
    /// How many calls enclose the current position.
    private var depth = 0

    public static func parse(_ text: String) throws(ExpressionError) -> Expr {
        var parser = Parser(chars: Array(text))
        parser.skipSpace()
        guard parser.position < parser.chars.count else {
            throw ExpressionError(.empty, column: 1)
        }
        let expr = try parser.expression()
        parser.skipSpace()
        if parser.position < parser.chars.count {
            throw ExpressionError(.trailingText(parser.chars[parser.position]), column: parser.column)
        }
        return expr
    }

    private init(chars: [Character]) { self.chars = chars }

    private var column: Int { position + 1 }
    private var current: Character? { position < chars.count ? chars[position] : nil }

    private mutating func skipSpace() {
        while let c = current, c.isWhitespace { position += 1 }
    }

    private mutating func expression() throws(ExpressionError) -> Expr {
        skipSpace()
        let start = column
        guard let c = current else { throw ExpressionError(.unexpectedEnd, column: start) }
        if c == "@" {
            position += 1
            let name = identifier()
            guard !name.isEmpty else { throw ExpressionError(.missingUniverseName, column: start) }
            return .universe(name, column: start)
        }
        if c.isASCII, c.isNumber || c == "." || c == "-" || c == "+" { return try number() }
        if c.isASCII, c.isLetter {
            let name = identifier()
            skipSpace()
            guard current == "(" else { return .symbol(name, column: start) }
            position += 1
            depth += 1
            defer { depth -= 1 }
            guard depth <= ExpressionLimits.maxDepth else {
                throw ExpressionError(.nestedTooDeeply(limit: ExpressionLimits.maxDepth), column: start)
            }
            var arguments: [Expr] = []
            skipSpace()
            if current == ")" {
                throw ExpressionError(.noArguments(function: name.lowercased()), column: start)
            }
            while true {
                arguments.append(try expression())
                skipSpace()
                switch current {
                case ",": position += 1
                case ")":
                    position += 1
                    return .call(name: name.lowercased(), arguments: arguments, column: start)
                case nil:
                    throw ExpressionError(.unclosedCall(function: name), column: column)
                case let other?:
                    throw ExpressionError(.expectedCommaOrParenthesis(found: other), column: column)
                }
            }
        }
        throw ExpressionError(.unexpectedCharacter(c), column: start)
    }

    /// Symbols match `[A-Za-z][A-Za-z0-9._-]*`.
    private mutating func identifier() -> String {
        var name = ""
        while let c = current, c.isASCII, c.isLetter || (!name.isEmpty && (c.isNumber || ".-_".contains(c))) {
            name.append(c)
            position += 1
        }
        return name
    }

    private mutating func number() throws(ExpressionError) -> Expr {
        let start = column
        var text = ""
        if let c = current, c == "-" || c == "+" { text.append(c); position += 1 }
        while let c = current, c.isASCII, c.isNumber || c == "." || c == "e" || c == "E"
            || ((c == "-" || c == "+") && (text.last == "e" || text.last == "E")) {
            text.append(c)
            position += 1
        }
        guard let value = Double(text) else {
            throw ExpressionError(.notANumber(text: text), column: start)
        }
        guard Self.keepsItsValue(value, text: text) else {
            throw ExpressionError(.numberOutOfRange(text: text), column: start)
        }
        return .number(value, text: text, column: start)
    }

    /// False when the literal does not fit a double: it overflowed to infinity, or
    /// underflowed to 0 or into the subnormals (where it has lost its precision)
    /// although its digits are not all zero.
    static func keepsItsValue(_ value: Double, text: String) -> Bool {
        guard value.isFinite else { return false }
        if value.isSubnormal { return false }
        if value == 0 {
            let mantissa = text.prefix { $0 != "e" && $0 != "E" }
            return !mantissa.contains { $0 >= "1" && $0 <= "9" }
        }
        return true
    }
}
