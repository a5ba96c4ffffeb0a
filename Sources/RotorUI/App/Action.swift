/// What a key asks the app to do; the key map (config `[keys]`) says which keys do what.
public enum Action: String, CaseIterable, Sendable {
    case nextPane = "next_pane"
    case previousPane = "previous_pane"
    case left, down, up, right
    case focus1 = "focus_1", focus2 = "focus_2", focus3 = "focus_3", focus4 = "focus_4", focus5 = "focus_5"
    case zoom
    case back
    case shorterLookback = "shorter_lookback"
    case longerLookback = "longer_lookback"
    case nextVolPair = "next_vol_pair"
    case snapshot
    case refresh
    case nextTheme = "next_theme"
    case feeds
    case pause
    case help
    case quit

    /// What the help overlay says the action does.
    public var help: String {
        switch self {
        case .nextPane: "next pane"
        case .previousPane: "previous pane"
        case .left: "focus the pane to the left"
        case .down: "focus the pane below"
        case .up: "focus the pane above"
        case .right: "focus the pane to the right"
        case .focus1, .focus2, .focus3, .focus4, .focus5: "focus pane \(focusedPane!.rawValue)"
        case .zoom: "zoom the focused pane; again to return"
        case .back: "back from zoom"
        case .shorterLookback: "shorter lookback (1M 3M 6M 1Y 2Y 5Y)"
        case .longerLookback: "longer lookback"
        case .nextVolPair: "next implied/realized pair (VOL PREMIUM focused)"
        case .snapshot: "snapshot the screen to a text file"
        case .refresh: "refresh all feeds now"
        case .nextTheme: "next theme"
        case .feeds: "feeds: each one's health, last success and last error"
        case .pause: "pause / resume"
        case .help: "this help (Esc or ? closes it)"
        case .quit: "quit"
        }
    }

    /// The pane a focus action selects.
    public var focusedPane: PaneID? {
        switch self {
        case .focus1: .rotation
        case .focus2: .mag7
        case .focus3: .volPremium
        case .focus4: .breadth
        case .focus5: .rates
        default: nil
        }
    }
}

/// Which keys do what: DESIGN.md's table, changed by the config's `[keys]`.
public struct KeyMap: Equatable, Sendable {
    public private(set) var bindings: [Action: [Key]]

    public static let standard = KeyMap(bindings: [
        .nextPane: [.tab], .previousPane: [.backTab],
        .left: [.character("h"), .left], .down: [.character("j"), .down],
        .up: [.character("k"), .up], .right: [.character("l"), .right],
        .focus1: [.character("1")], .focus2: [.character("2")], .focus3: [.character("3")],
        .focus4: [.character("4")], .focus5: [.character("5")],
        .zoom: [.enter, .character("z")], .back: [.escape],
        .shorterLookback: [.character("[")], .longerLookback: [.character("]")],
        .nextVolPair: [.character("v")],
        .snapshot: [.character("s")], .refresh: [.character("r")], .nextTheme: [.character("t")], .feeds: [.character("f")],
        .pause: [.character(" "), .character("p")], .help: [.character("?")],
        .quit: [.character("q"), .control("c")],
    ])

    public init(bindings: [Action: [Key]]) { self.bindings = bindings }

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

    /// The help overlay's lines: every action and its keys.
    public var helpLines: [String] {
        Action.allCases.compactMap { action in
            guard let keys = bindings[action], !keys.isEmpty else { return nil }
            let names = keys.map(\.description).joined(separator: " ")
            return names.padding(to: 18) + action.help
        }
    }

    /// A key as the config writes it: `q`, `space`, `enter`, `esc`, `tab`,
    /// `shift-tab`, `left`, `f5`, `ctrl-x`, ...
    public static func parseKey(_ text: String) -> Key? {
        let lower = text.lowercased()
        let named: [String: Key] = [
            "space": .character(" "), "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape,
            "tab": .tab, "shift-tab": .backTab, "backtab": .backTab, "backspace": .backspace,
            "up": .up, "down": .down, "left": .left, "right": .right, "home": .home, "end": .end,
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
