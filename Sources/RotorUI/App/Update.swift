/// The key table of DESIGN.md: every state change of the app happens here, so each
/// key is a unit test and the terminal loop only forwards messages and runs effects.
public func update(_ state: inout AppState, _ msg: Msg) -> [Effect] {
    switch msg {
    case let .resize(width, height):
        state.width = width
        state.height = height
        return []
    case let .notice(text):
        state.notice = text
        return []
    case let .key(key):
        return handle(key, &state)
    }
}

private func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
    // Quitting works from anywhere, the help overlay included.
    if key == .character("q") || key == .control("c") {
        state.quitting = true
        return []
    }
    if state.showingHelp {
        // The overlay takes the keyboard until it is closed, so a stray key does not
        // change the panes behind it.
        if key == .escape || key == .character("?") { state.showingHelp = false }
        return []
    }
    switch key {
    case .tab: focus(&state, cycled(state.focus, by: 1))
    case .backTab: focus(&state, cycled(state.focus, by: -1))
    case .left, .character("h"): move(&state, .left)
    case .right, .character("l"): move(&state, .right)
    case .up, .character("k"): move(&state, .up)
    case .down, .character("j"): move(&state, .down)
    case let .character(c) where ("1"..."5").contains(c):
        if let pane = PaneID(rawValue: Int(String(c))!) { focus(&state, pane) }
    case .enter, .character("z"): state.zoomed = state.zoomed == nil ? state.focus : nil
    case .escape: state.zoomed = nil
    case .character("["): state.lookback = state.lookback.shorter
    case .character("]"): state.lookback = state.lookback.longer
    case .character(" "), .character("p"): state.paused.toggle()
    case .character("?"): state.showingHelp = true
    case .character("v") where state.focus == .volPremium: state.volPair += 1
    case .character("s"): return [.saveSnapshot]
    case .character("r"): return [.refreshFeeds]
    default: break
    }
    return []
}

private func cycled(_ pane: PaneID, by step: Int) -> PaneID {
    let all = PaneID.allCases
    let i = all.firstIndex(of: pane)!
    return all[(i + step + all.count) % all.count]
}

/// Moves the focus; when zoomed, the zoomed pane follows it.
private func focus(_ state: inout AppState, _ pane: PaneID) {
    state.focus = pane
    if state.zoomed != nil { state.zoomed = pane }
}

/// Focus moves on screen, by the full layout's geometry even while zoomed.
private func move(_ state: inout AppState, _ direction: DashboardLayout.Direction) {
    let full = DashboardLayout.arrange(width: state.width, height: state.height)
    if let next = full.neighbour(of: state.focus, direction) { focus(&state, next) }
}

/// The help overlay's lines: every key and what it does.
public let helpLines: [String] = [
    "Tab / Shift-Tab   next / previous pane",
    "h j k l, arrows   move focus left, down, up, right",
    "1 .. 5            focus pane N",
    "Enter or z        zoom the focused pane; again or Esc to return",
    "[ / ]             shorter / longer lookback (1M 3M 6M 1Y 2Y 5Y)",
    "v                 next implied/realized pair (VOL PREMIUM focused)",
    "s                 snapshot the screen to a text file",
    "r                 refresh all feeds now",
    "space or p        pause / resume",
    "?                 this help (Esc or ? closes it)",
    "q or Ctrl-C       quit",
]
