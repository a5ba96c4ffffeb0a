import RotorCore
import Testing

/// `String.escapingControlCharacters` (RotorCore), the one rendering of outside text
/// for terminals, logs and error messages.
@Suite struct EscapingControlCharactersTests {
    @Test func plainTextIsUnchanged() {
        for text in ["", "HTTP 404: No data found", "naïve café ✓ 日本", "C:\\path\\file.csv", "tab-free"] {
            #expect(text.escapingControlCharacters == text)
        }
    }

    @Test func everyControlCharacterIsWrittenOut() {
        #expect("a\tb\nc\rd".escapingControlCharacters == "a\\tb\\nc\\rd")
        #expect("\u{1B}]0;owned\u{07}".escapingControlCharacters == "\\e]0;owned\\x07")
        #expect("\u{1B}[2J\u{1B}[31mred".escapingControlCharacters == "\\e[2J\\e[31mred")
        #expect("\u{0}\u{1}\u{1F}\u{7F}".escapingControlCharacters == "\\x00\\x01\\x1F\\x7F")
        #expect("\u{80}\u{9B}31m\u{9F}".escapingControlCharacters == "\\u{80}\\u{9B}31m\\u{9F}")
        // Just past the ranges: kept.
        #expect("\u{20}\u{7E}\u{A0}".escapingControlCharacters == " ~\u{A0}")
    }

    /// No scalar of C0, DEL or C1 survives, and escaping twice changes nothing.
    @Test func nothingSurvivesAndItIsIdempotent() {
        var all = ""
        for v in UInt32(0)...0xFF { all.unicodeScalars.append(Unicode.Scalar(v)!) }
        let once = all.escapingControlCharacters
        #expect(!once.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(once.escapingControlCharacters == once)
    }
}
