extension String {
    /// This text with every control character made visible, for printing text that
    /// came from outside (file names, CSV cells, config values, HTTP bodies) on a
    /// terminal or in a log: a raw ESC could retitle the user's terminal, move the
    /// cursor or hide what follows, and a raw newline could forge a log line.
    ///
    /// ESC becomes `\e`; the other C0 controls (tab, line feed and carriage return
    /// included, since a message is one line) and DEL become `\xNN`; the C1 controls
    /// (U+0080...U+009F, which some terminals obey like ESC sequences) become
    /// `\u{NN}`. Printable Unicode is kept as it is. Text without controls is
    /// returned unchanged, without copying.
    public var escapingControlCharacters: String {
        guard unicodeScalars.contains(where: \.isControlCharacter) else { return self }
        var out = ""
        out.reserveCapacity(utf8.count + 8)
        for scalar in unicodeScalars {
            guard scalar.isControlCharacter else {
                out.unicodeScalars.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16)
            let padded = hex.count < 2 ? "0" + hex : hex
            switch scalar.value {
            case 0x1B: out += "\\e"
            case 0x80...0x9F: out += "\\u{" + padded + "}"
            default: out += "\\x" + padded
            }
        }
        return out
    }
}

extension Unicode.Scalar {
    /// C0 controls, DEL and the C1 controls: the scalars a terminal may act on
    /// instead of showing.
    fileprivate var isControlCharacter: Bool {
        value < 0x20 || (0x7F...0x9F).contains(value)
    }
}
