/// Which keys do what: DESIGN.md's table, changed by the config's `[keys]`.
public struct KeyMap: Equatable, Sendable {
    public private(set) var bindings: [Action: [Key]]

    public static let standard = KeyMap(bindings: withNumbered([
        .nextPane: [.tab], .previousPane: [.backTab],
        .left: [.character("h"), .left], .down: [.character("j"), .down],
        .up: [.character("k"), .up], .right: [.character("l"), .right],
        .zoom: [.enter, .character("z")], .back: [.escape],
        .shorterLookback: [.character("[")], .longerLookback: [.character("]")],
        .nextView: [.character("v")],
        // The date cursor: c shows it (and leaves it, as Esc does); while it shows, the
        // left and right keys step it a session, H L and the shifted arrows 20.
        .cursor: [.character("c")],
        .cursorJumpBack: [.character("H"), .shiftLeft], .cursorJumpForward: [.character("L"), .shiftRight],
        .cursorFirst: [.home], .cursorLast: [.end],
        // Pages: } and { step (beside [ ], the lookback's keys), PgDn and PgUp too;
        // F1-F9 go to a page directly, since the digits focus panes.
        .nextPage: [.character("}"), .pageDown], .previousPage: [.character("{"), .pageUp],
        .snapshot: [.character("s")], .refresh: [.character("r")], .nextTheme: [.character("t")], .feeds: [.character("f")],
        .showAlerts: [.character("a")],
        .pause: [.character(" "), .character("p")], .help: [.character("?")],
        .quit: [.character("q"), .control("c")],
    ]))

    public init(bindings: [Action: [Key]]) { self.bindings = bindings }

    /// Digits focus panes 1-9 of the page, F1-F9 go to pages 1-9.
    private static func withNumbered(_ bindings: [Action: [Key]]) -> [Action: [Key]] {
        var b = bindings
        for n in 1...Action.maxIndex {
            b[.focus(n)] = [.character(Character(String(n)))]
            b[.page(n)] = [.function(n)]
        }
        return b
    }

    /// The standard map with some actions bound to other keys; a key taken from one
    /// action for another leaves the first.
    public func rebinding(_ changes: [Action: [Key]]) -> KeyMap {
        var b = bindings
        let taken = Set(changes.values.flatMap { $0 })
        for (action, keys) in b where changes[action] == nil { b[action] = keys.filter { !taken.contains($0) } }
        for (action, keys) in changes { b[action] = keys }
        return KeyMap(bindings: b)
    }

    /// The action of a key, if any. Ctrl-C always quits, whatever the map says, so a
    /// map can never lock the user in.
    public func action(for key: Key) -> Action? {
        if key == .control("c") { return .quit }
        return Action.allCases.first { bindings[$0]?.contains(key) == true }
    }

    /// The help overlay's keys: every action that does something on these panes,
    /// with the names of its keys.
    public func helpEntries(for panes: PaneSet) -> [(keys: String, help: String)] {
        Action.allCases.compactMap { action in
            guard let keys = bindings[action], !keys.isEmpty, let help = action.help(for: panes) else { return nil }
            return (keys.map(\.description).joined(separator: " "), help)
        }
    }

    /// The same as lines: the keys in a column of 18, then what they do.
    public func helpLines(for panes: PaneSet) -> [String] {
        helpEntries(for: panes).map { $0.keys.padding(to: 18) + $0.help }
    }

    /// A key as the config writes it: `q`, `space`, `enter`, `esc`, `tab`,
    /// `shift-tab`, `left`, `shift-left`, `f5`, `ctrl-x`, ...
    public static func parseKey(_ text: String) -> Key? {
        let lower = text.lowercased()
        let named: [String: Key] = [
            "space": .character(" "), "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape,
            "tab": .tab, "shift-tab": .backTab, "backtab": .backTab, "backspace": .backspace,
            "up": .up, "down": .down, "left": .left, "right": .right, "home": .home, "end": .end,
            "shift-left": .shiftLeft, "shift-right": .shiftRight,
            "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
        ]
        if let key = named[lower] { return key }
        if text.count == 1, let c = text.first, c.isASCII, !c.isWhitespace { return .character(c) }
        if lower.hasPrefix("ctrl-"), lower.count == 6, let c = lower.last, c.isLetter, c.isASCII { return .control(c) }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) { return .function(n) }
        return nil
    }
}

private extension String {
    func padding(to width: Int) -> String {
        let w = DisplayWidth.of(self)
        return w >= width ? self + " " : self + String(repeating: " ", count: width - w)
    }
}
