import CNcursesw
import RotorUI

/// Maps what `get_wch` returns to a `Key`: a pure function, so the key table is
/// readable in one place and does not depend on a live terminal.
enum KeyDecoder {
    /// `isKeyCode` is true when get_wch returned KEY_CODE_YES (a keypad/function key
    /// decoded by ncurses from an escape sequence) rather than a character.
    /// Returns nil for keys rotor has no use for (mouse, Shift-F keys, odd controls).
    static func decode(_ code: UInt32, isKeyCode: Bool) -> Key? {
        isKeyCode ? keyCode(Int32(bitPattern: code)) : character(code)
    }

    private static func keyCode(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        // Shift-arrows: terminfo's kLFT/kRIT (xterm and tmux send `ESC [1;2D` / `C`).
        case KEY_SLEFT: .shiftLeft
        case KEY_SRIGHT: .shiftRight
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_ENTER: .enter
        case KEY_BTAB: .backTab
        case KEY_BACKSPACE: .backspace
        case (KEY_F0 + 1)...(KEY_F0 + 12): .function(Int(code - KEY_F0))
        default: nil
        }
    }

    private static func character(_ code: UInt32) -> Key? {
        switch code {
        // With `nonl()` Enter arrives as \r; \n covers Ctrl-J and pasted newlines.
        case 10, 13: return .enter
        case 9: return .tab
        case 27: return .escape
        // Terminals send DEL (most) or BS (some, and Ctrl-H) for Backspace.
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(0x60 + code))))
        case 0, 28...31, 0x80...0x9F: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }
}
