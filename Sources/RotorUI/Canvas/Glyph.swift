/// A grapheme cluster stored inline as up to 15 UTF-8 bytes, so a `Cell` is plain data:
/// copying and comparing cells (a 200x60 frame has 12,000 of them, diffed every frame)
/// then costs no reference counting, which a `Character` field would.
///
/// Clusters longer than 15 bytes (long emoji ZWJ sequences) keep only their first
/// scalar; it has the same display width, and terminals draw such sequences
/// inconsistently anyway. (Where only ASCII can be shown, `ASCIIFallback` maps each
/// glyph to one ASCII character of the same width.)
struct Glyph: Hashable, Sendable {
    /// Bytes 0...7 of the UTF-8 encoding, first byte lowest.
    private var low: UInt64
    /// Bytes 8...14, then the byte count in the top byte.
    private var high: UInt64

    static let space = Glyph(ascii: 0x20)

    init(ascii byte: UInt8) {
        low = UInt64(byte)
        high = 1 << 56
    }

    /// A single scalar, encoded by hand: the common case, without a `Character`.
    init(_ scalar: Unicode.Scalar) {
        let v = scalar.value
        switch v {
        case 0..<0x80:
            low = UInt64(v)
            high = 1 << 56
        case 0x80..<0x800:
            low = UInt64(0xC0 | v >> 6) | UInt64(0x80 | v & 0x3F) << 8
            high = 2 << 56
        case 0x800..<0x10000:
            low = UInt64(0xE0 | v >> 12) | UInt64(0x80 | v >> 6 & 0x3F) << 8 | UInt64(0x80 | v & 0x3F) << 16
            high = 3 << 56
        default:
            low = UInt64(0xF0 | v >> 18) | UInt64(0x80 | v >> 12 & 0x3F) << 8
                | UInt64(0x80 | v >> 6 & 0x3F) << 16 | UInt64(0x80 | v & 0x3F) << 24
            high = 4 << 56
        }
    }

    init(_ character: Character) {
        var bytes = character.utf8
        if bytes.count > 15, let first = character.unicodeScalars.first {
            bytes = Character(first).utf8
        }
        var low: UInt64 = 0, high: UInt64 = 0
        var count = 0
        for byte in bytes {
            if count < 8 {
                low |= UInt64(byte) << (8 * count)
            } else {
                high |= UInt64(byte) << (8 * (count - 8))
            }
            count += 1
        }
        self.low = low
        self.high = high | UInt64(count) << 56
    }

    var byteCount: Int { Int(high >> 56) }

    /// The first UTF-8 byte (enough to tell ASCII and control characters apart).
    var leadByte: UInt8 { UInt8(truncatingIfNeeded: low) }

    func byte(_ i: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: i < 8 ? low >> (8 * i) : high >> (8 * (i - 8)))
    }

    /// Appends the UTF-8 bytes to `buffer`: how rows of text are built without
    /// creating a `Character` per cell.
    func append(to buffer: inout [UInt8]) {
        for i in 0..<byteCount { buffer.append(byte(i)) }
    }

    var character: Character {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(byteCount)
        append(to: &bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        return text.first ?? " "
    }
}
