/// Parses `expr := NUMBER | SYMBOL | UNIVERSE | NAME "(" expr ("," expr)* ")"`.
///
/// Only the grammar is checked here; whether a function exists, takes these
/// arguments and whether a symbol has data is the evaluator's business.
public struct Parser {
    private let chars: [Character]
    private var position = 0

    public static func parse(_ text: String) throws(ExpressionError) -> Expr {
        var parser = Parser(chars: Array(text))
        parser.skipSpace()
        guard parser.position < parser.chars.count else {
            throw ExpressionError("empty expression", column: 1)
        }
        let expr = try parser.expression()
        parser.skipSpace()
        if parser.position < parser.chars.count {
            throw ExpressionError("unexpected '\(parser.chars[parser.position])' after the expression",
                                  column: parser.column)
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
        guard let c = current else { throw ExpressionError("unexpected end of expression", column: start) }
        if c == "@" {
            position += 1
            let name = identifier()
            guard !name.isEmpty else { throw ExpressionError("expected a universe name after '@'", column: start) }
            return .universe(name, column: start)
        }
        if c.isASCII, c.isNumber || c == "." || c == "-" || c == "+" { return try number() }
        if c.isASCII, c.isLetter {
            let name = identifier()
            skipSpace()
            guard current == "(" else { return .symbol(name, column: start) }
            position += 1
            var arguments: [Expr] = []
            skipSpace()
            if current == ")" {
                throw ExpressionError("\(name.lowercased()): expected arguments inside ()", column: start)
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
                    throw ExpressionError("missing ')' to close \(name)(", column: column)
                case let other?:
                    throw ExpressionError("expected ',' or ')' but found '\(other)'", column: column)
                }
            }
        }
        throw ExpressionError("unexpected '\(c)'", column: start)
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
        guard let value = Double(text), value.isFinite else {
            throw ExpressionError("'\(text)' is not a number", column: start)
        }
        return .number(value, text: text, column: start)
    }
}
