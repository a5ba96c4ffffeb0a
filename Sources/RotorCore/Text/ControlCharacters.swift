extension String {
    /// The text with every control character written out, so that text from outside
    /// (an HTTP body, a server's error message, a header, a CSV cell, a file name) can
    /// be put on a terminal, in a log line or in an error message without acting on
    /// the terminal: `\e]0;owned\a` would retitle the window, `\e[2J` clear it.
    ///
    /// The forms, chosen to be short and familiar from C and shells:
    /// - tab, line feed, carriage return: `\t`, `\n`, `\r` (a message stays one line);
    /// - ESC (U+001B): `\e`, so an escape sequence reads as `\e[31m`;
    /// - every other C0 control (U+0000–U+001F) and DEL (U+007F): `\x` and two
    ///   upper-case hex digits (`\x07` for BEL, `\x00` for NUL);
    /// - the C1 controls (U+0080–U+009F, e.g. U+009B, an 8-bit CSI): `\u{9B}`, so they
    ///   are not mistaken for a byte of UTF-8.
    ///
    /// Everything else is kept as it is, including a backslash: the aim is a safe and
    /// readable line, not a reversible encoding. Text without control characters is
    /// returned unchanged (and without copying work beyond one scan).
    public var escapingControlCharacters: String {
        guard unicodeScalars.contains(where: \.isControlCharacter) else { return self }
        var out = ""
        out.reserveCapacity(utf8.count + 8)
        for scalar in unicodeScalars {
            guard scalar.isControlCharacter else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar.value {
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x1B: out += "\\e"
            case 0x80...0x9F: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
            }
        }
        return out
    }
}

extension Unicode.Scalar {
    /// C0 (U+0000–U+001F), DEL (U+007F) or C1 (U+0080–U+009F).
    fileprivate var isControlCharacter: Bool { value < 0x20 || (0x7F...0x9F).contains(value) }
}
