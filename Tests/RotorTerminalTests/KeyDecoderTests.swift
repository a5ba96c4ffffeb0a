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
        #expect(key(KEY_SLEFT) == .shiftLeft)
        #expect(key(KEY_SRIGHT) == .shiftRight)
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

/// What getmouse reports -> MouseEvent: presses of the three buttons and the wheel;
/// releases and anything else are nothing.
@Suite struct MouseDecoderTests {
    func event(_ bstate: mmask_t, x: Int32 = 7, y: Int32 = 3) -> MEVENT {
        var e = MEVENT()
        e.x = x
        e.y = y
        e.bstate = bstate
        return e
    }

    @Test func pressesAndTheWheel() {
        #expect(MouseDecoder.decode(event(rotor_button_pressed(1))) == MouseEvent(.left, x: 7, y: 3))
        #expect(MouseDecoder.decode(event(rotor_button_pressed(2))) == MouseEvent(.middle, x: 7, y: 3))
        #expect(MouseDecoder.decode(event(rotor_button_pressed(3))) == MouseEvent(.right, x: 7, y: 3))
        #expect(MouseDecoder.decode(event(rotor_button_pressed(4), x: 0, y: 0)) == MouseEvent(.wheelUp, x: 0, y: 0))
        #expect(MouseDecoder.decode(event(rotor_button_pressed(5))) == MouseEvent(.wheelDown, x: 7, y: 3))
        // The mask asked of ncurses is exactly those five presses.
        #expect(rotor_mouse_presses() == (1...5).reduce(0) { $0 | rotor_button_pressed(Int32($1)) })
    }

    @Test func everythingElseIsNothing() {
        #expect(MouseDecoder.decode(event(0)) == nil)
        #expect(rotor_button_pressed(6) == 0 && rotor_button_pressed(0) == 0)
        // A release (BUTTON1_RELEASED is the bit below BUTTON1_PRESSED).
        #expect(MouseDecoder.decode(event(rotor_button_pressed(1) >> 1)) == nil)
        #expect(MouseDecoder.decode(event(rotor_button_pressed(1), x: -1)) == nil)
    }
}
