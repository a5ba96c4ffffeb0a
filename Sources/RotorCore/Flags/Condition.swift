/// A flag's condition, `EXPR OP NUMBER` (OP one of `>` `>=` `<` `<=`): a user pane's
/// flags and the built-in flags that are a plain comparison are written this way.
public struct Condition: Sendable, Equatable, CustomStringConvertible {
    public enum Comparison: String, Sendable, CaseIterable {
        case above = ">", atLeast = ">=", below = "<", atMost = "<="

        public func holds(_ x: Double, _ bound: Double) -> Bool {
            switch self {
            case .above: x > bound
            case .atLeast: x >= bound
            case .below: x < bound
            case .atMost: x <= bound
            }
        }
    }

    /// The expression compared, as written (trimmed).
    public var expression: String
    public var comparison: Comparison
    public var bound: Double

    public init(_ expression: String, _ comparison: Comparison, _ bound: Double) {
        self.expression = expression
        self.comparison = comparison
        self.bound = bound
    }

    /// True when the value is present and compares as the condition says.
    public func holds(_ value: Double?) -> Bool {
        guard let value, value.isFinite else { return false }
        return comparison.holds(value, bound)
    }

    public var description: String { "\(expression) \(comparison.rawValue) \(NumberText.plain(bound))" }

    /// Parses `EXPR OP NUMBER`: the comparison is the one operator outside parentheses,
    /// the right side a finite number, the left side a well-formed expression.
    public static func parse(_ text: String) throws(ConditionError) -> Condition {
        var depth = 0
        var found: (range: Range<String.Index>, comparison: Comparison)?
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
            // A ")" before its "(" leaves the rest at the wrong depth: unbalanced too.
            if depth < 0 { throw ConditionError("unbalanced parentheses in \"\(text)\"") }
            if depth == 0, c == ">" || c == "<" {
                let next = text.index(after: i)
                let wide = next < text.endIndex && text[next] == "="
                let end = wide ? text.index(after: next) : next
                let comparison = Comparison(rawValue: String(text[i..<end]))!
                guard found == nil else { throw ConditionError("more than one comparison in \"\(text)\"") }
                found = (i..<end, comparison)
                i = end
                continue
            }
            i = text.index(after: i)
        }
        // Unpaired parentheses hide the operator ("(ZN > 114"): say so, not "no operator".
        guard depth == 0 else { throw ConditionError("unbalanced parentheses in \"\(text)\"") }
        guard let found else {
            throw ConditionError("expected EXPR OP NUMBER with OP one of > >= < <=, got \"\(text)\"")
        }
        let left = text[..<found.range.lowerBound].trimmingWhitespace
        let right = text[found.range.upperBound...].trimmingWhitespace
        guard !left.isEmpty else { throw ConditionError("no expression before \(found.comparison.rawValue)") }
        guard let bound = Double(right), bound.isFinite, !right.isEmpty,
              right.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }) else {
            throw ConditionError("expected a number after \(found.comparison.rawValue), got \"\(right)\"")
        }
        do {
            _ = try Parser.parse(left)
        } catch {
            throw ConditionError("\(left): \(error)")
        }
        return Condition(left, found.comparison, bound)
    }
}

/// Why a condition's text is not `EXPR OP NUMBER`.
public struct ConditionError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A number as a person writes it: `114`, `2.5`, `-0.25`.
enum NumberText {
    static func plain(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}

extension Substring {
    var trimmingWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
