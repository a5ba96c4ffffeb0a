/// One field of a record: a byte range of the file. A clean field (unquoted, or
/// quoted without doubled quotes or text after the closing quote) is its content as
/// is; a field with `needsUnescape` is the raw text, quotes included.
struct CSVField {
    var start: Int
    var end: Int
    var needsUnescape: Bool
}

/// RFC 4180 tokenizer over the bytes of a whole file: `,` separated, `"` quoted with
/// `""` for a quote, records ended by `\n`, `\r\n` or a lone `\r`. Blank records
/// (nothing but spaces and commas) are skipped. Tracks physical line numbers.
struct CSVScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let name: String
    /// Next byte to read.
    var position: Int
    /// Physical line number (1-based) of `position`.
    var line = 1

    init(bytes: UnsafeBufferPointer<UInt8>, name: String) {
        self.bytes = bytes
        self.name = name
        // A UTF-8 byte order mark at the very start is not part of the first field.
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        position = hasBOM ? 3 : 0
    }

    static let comma: UInt8 = 0x2C, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
    static let quote: UInt8 = 0x22, space: UInt8 = 0x20, tab: UInt8 = 0x09

    /// Reads the next non-blank record into `fields` and returns the line it starts
    /// on, or nil at the end of the file.
    mutating func next(_ fields: inout RawBuffer<CSVField>) throws(DataError) -> Int? {
        while true {
            guard let startLine = try record(&fields) else { return nil }
            if !isEmptyText(fields[0]) || !isBlank(fields) { return startLine }
        }
    }

    private mutating func record(_ fields: inout RawBuffer<CSVField>) throws(DataError) -> Int? {
        fields.removeAll()
        let b = bytes, n = b.count
        var i = position
        guard i < n else { return nil }
        let startLine = line
        while true {
            // One field starting at i.
            var s = i
            while s < n, b[s] == Self.space || b[s] == Self.tab { s += 1 }
            var end: Int
            if s < n, b[s] == Self.quote {
                let openLine = line
                var needsUnescape = s != i
                var k = s + 1
                while true {
                    guard k < n else {
                        throw DataError("\(name):\(openLine): unterminated quoted field")
                    }
                    let c = b[k]
                    if c == Self.quote {
                        if k + 1 < n, b[k + 1] == Self.quote {
                            needsUnescape = true
                            k += 2
                            continue
                        }
                        break
                    }
                    if c == Self.lf || (c == Self.cr && !(k + 1 < n && b[k + 1] == Self.lf)) { line += 1 }
                    k += 1
                }
                let closing = k
                end = k + 1
                while end < n {
                    let c = b[end]
                    if c == Self.comma || c == Self.lf || c == Self.cr { break }
                    end += 1
                }
                if end > closing + 1 { needsUnescape = true }
                fields.append(needsUnescape ? CSVField(start: i, end: end, needsUnescape: true)
                                            : CSVField(start: s + 1, end: closing, needsUnescape: false))
            } else {
                end = s
                while end < n {
                    let c = b[end]
                    // Digits, letters, '.', '-', '/' are all above ','.
                    if c <= Self.comma, c == Self.comma || c == Self.lf || c == Self.cr { break }
                    end += 1
                }
                fields.append(CSVField(start: i, end: end, needsUnescape: false))
            }
            // What ended the field.
            if end >= n {
                position = n
                return startLine
            }
            let c = b[end]
            if c == Self.comma {
                i = end + 1
                continue
            }
            line += 1
            position = (c == Self.cr && end + 1 < n && b[end + 1] == Self.lf) ? end + 2 : end + 1
            return startLine
        }
    }

    private func isBlank(_ fields: borrowing RawBuffer<CSVField>) -> Bool {
        for k in 0..<fields.count where !isEmptyText(fields[k]) { return false }
        return true
    }

    private func isEmptyText(_ f: CSVField) -> Bool {
        for k in f.start..<f.end {
            let c = bytes[k]
            if c != Self.space && c != Self.tab && !(f.needsUnescape && c == Self.quote) { return false }
        }
        return true
    }

    /// The field's content with quoting removed.
    func content(_ f: CSVField) -> [UInt8] {
        let raw = UnsafeBufferPointer(rebasing: bytes[f.start..<f.end])
        guard f.needsUnescape else { return Array(raw) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var inQuotes = false
        var k = 0
        while k < raw.count {
            let c = raw[k]
            if c == Self.quote {
                if inQuotes, k + 1 < raw.count, raw[k + 1] == Self.quote {
                    out.append(Self.quote)
                    k += 2
                    continue
                }
                inQuotes.toggle()
            } else {
                out.append(c)
            }
            k += 1
        }
        return out
    }

    /// The field's content as text, quoting removed.
    func text(_ f: CSVField) -> String {
        String(decoding: content(f), as: UTF8.self)
    }

    /// Calls `body` with the field's content bytes (a view of the file when clean).
    @inline(__always)
    func withContent<R>(_ f: CSVField, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if !f.needsUnescape { return body(UnsafeBufferPointer(rebasing: bytes[f.start..<f.end])) }
        return content(f).withUnsafeBufferPointer(body)
    }
}
