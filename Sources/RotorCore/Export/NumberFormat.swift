/// Numbers as `rotor export` writes them: the shortest text that reads back as the
/// same double, with integral values written without a trailing ".0" (counts such
/// as `netadv` read as counts).
public enum NumberFormat {
    public static func shortest(_ value: Double) -> String {
        let text = value.description
        if text.hasSuffix(".0") { return String(text.dropLast(2)) }
        return text
    }
}
