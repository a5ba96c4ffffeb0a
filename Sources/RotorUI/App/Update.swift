/// The key map (DESIGN.md's table, or the config's): every state change of the app happens here, so each
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
    let action = state.keys.action(for: key)
    // Quitting works from anywhere, the help overlay included.
    if action == .quit {
        state.quitting = true
        return []
    }
    if state.showingFeeds, key == .escape || action == .feeds || action == .back {
        state.showingFeeds = false
        return []
    }
    if state.showingHelp {
        // The overlay takes the keyboard until it is closed, so a stray key does not
        // change the panes behind it.
        if key == .escape || action == .help || action == .back { state.showingHelp = false }
        return []
    }
    guard let action else { return [] }
    switch action {
    case .nextPane: focus(&state, cycled(state.focus, by: 1))
    case .previousPane: focus(&state, cycled(state.focus, by: -1))
    case .left: move(&state, .left)
    case .right: move(&state, .right)
    case .up: move(&state, .up)
    case .down: move(&state, .down)
    case .focus1, .focus2, .focus3, .focus4, .focus5: focus(&state, action.focusedPane!)
    case .zoom: state.zoomed = state.zoomed == nil ? state.focus : nil
    case .back: state.zoomed = nil
    case .shorterLookback: state.lookback = state.lookback.shorter
    case .longerLookback: state.lookback = state.lookback.longer
    case .nextVolPair: if state.focus == .volPremium { state.volPair += 1 }
    case .pause: state.paused.toggle()
    case .help: state.showingHelp = true
    case .snapshot: return [.saveSnapshot]
    case .refresh: return [.refreshFeeds]
    case .nextTheme: return [.nextTheme]
    case .feeds: state.showingFeeds = true
    case .quit: break
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
