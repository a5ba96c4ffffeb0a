import CNcursesw
import RotorUI
import Testing
@testable import RotorTerminal

/// The key table without a terminal: what get_wch returns -> Key.
@Suite struct KeyDecoderTests {
    func key(_ code: Int32) -> Key? { KeyDecoder.decode(UInt32(bitPattern: code), isKeyCode: true) }
    func char(_ value: UInt32) -> Key? { KeyDecoder.decode(value, isKeyCode: false) }

    @Test func keypadCodes() {
        #expect(key(KEY_UP) == .up)
        #expect(key(KEY_DOWN) == .down)
        #expect(key(KEY_LEFT) == .left)
        #expect(key(KEY_RIGHT) == .right)
        #expect(key(KEY_HOME) == .home)
        #expect(key(KEY_END) == .end)
        #expect(key(KEY_PPAGE) == .pageUp)
        #expect(key(KEY_NPAGE) == .pageDown)
        #expect(key(KEY_ENTER) == .enter)
        #expect(key(KEY_BTAB) == .backTab)
        #expect(key(KEY_BACKSPACE) == .backspace)
        #expect(key(KEY_F0 + 1) == .function(1))
        #expect(key(KEY_F0 + 12) == .function(12))
        #expect(key(KEY_MOUSE) == nil)
    }

    @Test func characters() {
        #expect(char(UInt32(UInt8(ascii: "q"))) == .character("q"))
        #expect(char(UInt32(UInt8(ascii: " "))) == .character(" "))
        #expect(char(UInt32(UInt8(ascii: "?"))) == .character("?"))
        #expect(char(9) == .tab)
        #expect(char(10) == .enter)
        #expect(char(13) == .enter)
        #expect(char(27) == .escape)
        #expect(char(127) == .backspace)
        #expect(char(1) == .control("a"))
        #expect(char(3) == .control("c"))
        #expect(char(0x6F22) == .character("漢"))
        #expect(char(0xE9) == .character("é"))
    }
}
