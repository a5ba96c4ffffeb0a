/// How many colours the output may use; the canvas degrades richer colours to fit.
public enum ColorDepth: Sendable, CaseIterable {
    /// 24-bit `38;2;r;g;b` sequences.
    case trueColor
    /// The xterm 256-colour palette.
    case indexed256
    /// The eight basic colours, which every colour terminal has.
    case basic8
    /// No colour at all (`NO_COLOR`): only bold, reverse and underline remain.
    case none

    /// The depth an environment asks for: `NO_COLOR` (any value, per no-color.org)
    /// wins, then `COLORTERM=truecolor|24bit`, then a `TERM` naming 256 colours.
    /// Takes the environment as a value so the choice is testable.
    public static func detect(environment: [String: String]) -> ColorDepth {
        if environment["NO_COLOR"] != nil { return .none }
        let colorterm = environment["COLORTERM"]?.lowercased() ?? ""
        if colorterm == "truecolor" || colorterm == "24bit" { return .trueColor }
        if contains(environment["TERM"] ?? "", "256color") { return .indexed256 }
        return .basic8
    }

    /// Substring search without Foundation, which RotorUI does not link.
    private static func contains(_ text: String, _ needle: String) -> Bool {
        let haystack = Array(text.utf8), pattern = Array(needle.utf8)
        guard haystack.count >= pattern.count else { return false }
        return (0...(haystack.count - pattern.count)).contains { haystack[$0..<($0 + pattern.count)].elementsEqual(pattern) }
    }
}
