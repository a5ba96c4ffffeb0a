// @preconcurrency: COLORS and COLOR_PAIRS are C globals, read on the one thread that owns curses.
@preconcurrency import CNcursesw
import RotorUI

/// How ncurses draws one resolved style: attribute bits plus a colour-pair number.
struct Rendition: Hashable {
    var attributes: attr_t
    var pair: Int32
}

/// Hands out ncurses colour pairs for (foreground, background) combinations as frames
/// need them, instead of pre-allocating a fixed table: a 256-colour theme uses a few
/// dozen of the 65,536 possible combinations, and an 8-colour terminal may have only
/// 64 pairs in all.
///
/// Colours arrive resolved by the palette and are approximated to the screen's depth
/// here, with the same rules as `rotor snapshot --ansi`, so both show a theme alike.
/// -1 is the terminal's own default colour (`use_default_colors`), which keeps the
/// user's background. When pairs run out, a style falls back to its nearest basic
/// colours, then to its foreground on the default background, then to pair 0: the
/// text stays readable, only less colourful.
final class ColorPairs {
    let depth: ColorDepth
    private let pairLimit: Int
    private let colorLimit: Int
    private var pairs: [PairKey: Int32] = [PairKey(foreground: -1, background: -1): 0]
    private var nextPair: Int32 = 1

    private struct PairKey: Hashable {
        var foreground: Int32
        var background: Int32
    }

    /// Must run after `start_color()`, which sets COLORS and COLOR_PAIRS.
    init(depth: ColorDepth) {
        self.depth = depth
        let colors = depth == .none ? 0 : Int(COLORS)
        var limit = depth == .none ? 1 : Int(COLOR_PAIRS)
        #if !os(Linux)
        // Without the extended-colour API pair numbers must fit a C short.
        limit = min(limit, Int(Int16.max))
        #endif
        pairLimit = max(1, limit)
        colorLimit = colors
    }

    /// The attribute bits and pair for a style the palette has already resolved.
    func rendition(for resolved: Style) -> Rendition {
        let shown = resolved.approximated(for: depth)
        let attributes = Self.attributes(shown.attributes)
        guard depth != .none else { return Rendition(attributes: attributes, pair: 0) }
        let exact = PairKey(foreground: number(shown.foreground), background: number(shown.background))
        let basicForeground = number(shown.foreground.approximated(for: .basic8))
        let candidates = [
            exact,
            PairKey(foreground: basicForeground, background: number(shown.background.approximated(for: .basic8))),
            PairKey(foreground: basicForeground, background: -1),
        ]
        for key in candidates {
            if let pair = pair(for: key) { return Rendition(attributes: attributes, pair: pair) }
        }
        return Rendition(attributes: attributes, pair: 0)
    }

    /// The pair for a colour combination, allocating one if any are left.
    private func pair(for key: PairKey) -> Int32? {
        if let known = pairs[key] { return known }
        guard Int(nextPair) < pairLimit else { return nil }
        let made = nextPair
        #if os(Linux)
        guard init_extended_pair(made, key.foreground, key.background) != rotor_err() else { return nil }
        #else
        guard let fg = Int16(exactly: key.foreground), let bg = Int16(exactly: key.background),
              init_pair(Int16(made), fg, bg) != rotor_err() else { return nil }
        #endif
        nextPair += 1
        pairs[key] = made
        return made
    }

    /// The ncurses colour number of a colour already approximated to `depth`; -1 is
    /// the terminal default. A number the terminal does not have becomes its nearest
    /// basic colour.
    private func number(_ color: Color) -> Int32 {
        switch color {
        case .default, .role:
            return -1
        case .indexed(let n):
            if Int(n) < colorLimit { return Int32(n) }
            return Int32(color.approximated(for: .basic8).basicIndex ?? -1)
        case .rgb(let r, let g, let b):
            // Only reached at true-colour depth: direct-colour terminfo takes packed RGB.
            let packed = Int32(r) << 16 | Int32(g) << 8 | Int32(b)
            if Int(packed) < colorLimit { return packed }
            return Int32(color.approximated(for: .basic8).basicIndex ?? -1)
        default:
            return Int32(color.basicIndex ?? -1)
        }
    }

    /// ncurses attribute bits; A_BOLD and friends are macros, hence the shim.
    static func attributes(_ attributes: TextAttributes) -> attr_t {
        var bits = rotor_a_normal()
        if attributes.contains(.bold) { bits |= rotor_a_bold() }
        if attributes.contains(.dim) { bits |= rotor_a_dim() }
        if attributes.contains(.reverse) { bits |= rotor_a_reverse() }
        if attributes.contains(.underline) { bits |= rotor_a_underline() }
        return bits
    }
}
