// @preconcurrency: COLORS and COLOR_PAIRS are C globals, read on the one thread that owns curses.
@preconcurrency import CNcursesw
import RotorUI

/// The colour depth the screen can really use: what the environment asks for
/// (`ColorDepth.detect`, which honours NO_COLOR and COLORTERM), capped by what
/// ncurses says the terminal has. Both are needed: COLORTERM=truecolor under a TERM
/// whose terminfo has 256 colours still only gets 256 colour numbers from ncurses.
enum TerminalColorDepth {
    /// Must run after `start_color()`, which sets COLORS.
    static func detect(environment: [String: String]) -> ColorDepth {
        let asked = ColorDepth.detect(environment: environment)
        guard has_colors() else { return .none }
        return lower(asked, supported(colors: Int(COLORS)))
    }

    /// The depth a terminfo colour count allows. Direct-colour terminfo entries
    /// (xterm-direct) report 2^24 colours and take packed RGB numbers.
    static func supported(colors: Int) -> ColorDepth {
        if colors >= 1 << 24 { return .trueColor }
        if colors >= 256 { return .indexed256 }
        if colors >= 8 { return .basic8 }
        return .none
    }

    /// The poorer of two depths.
    static func lower(_ a: ColorDepth, _ b: ColorDepth) -> ColorDepth {
        rank(a) <= rank(b) ? a : b
    }

    private static func rank(_ depth: ColorDepth) -> Int {
        switch depth {
        case .none: 0
        case .basic8: 1
        case .indexed256: 2
        case .trueColor: 3
        }
    }
}
