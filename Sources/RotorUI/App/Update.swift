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
    case let .mouse(event, time):
        return handle(event, at: time, &state)
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
    if state.showingAlerts, key == .escape || action == .showAlerts || action == .back {
        state.showingAlerts = false
        return []
    }
    if state.showingHelp {
        // The overlay takes the keyboard until it is closed, so a stray key does not
        // change the panes behind it.
        if key == .escape || action == .help || action == .back {
            state.showingHelp = false
        } else {
            state.scrollHelp(for: key, action: action)
        }
        return []
    }
    guard let action else { return [] }
    switch action {
    case .nextPane: focus(&state, cycled(state.focus, by: 1, count: state.pagePanes.count))
    case .previousPane: focus(&state, cycled(state.focus, by: -1, count: state.pagePanes.count))
    // While the date cursor shows, left and right step it; up and down still move the focus.
    case .left: if state.cursor != nil { return [.moveCursor(.step(-1))] } else { move(&state, .left) }
    case .right: if state.cursor != nil { return [.moveCursor(.step(1))] } else { move(&state, .right) }
    case .up: move(&state, .up)
    case .down: move(&state, .down)
    case let .focus(n): if n >= 1, n <= state.pagePanes.count { focus(&state, n - 1) }
    case .zoom: state.zoomed.toggle()
    // Esc leaves the cursor first (what was put up last goes first), then the zoom.
    case .back: if state.cursor != nil { state.cursor = nil } else { state.zoomed = false }
    case .shorterLookback: state.lookback = state.lookback.shorter
    case .longerLookback: state.lookback = state.lookback.longer
    case .nextView:
        if let pane = state.focusedPane, state.panes.panes[pane].views > 1 {
            state.views[state.panes.panes[pane].name, default: 0] += 1
        }
    case .cursor: if state.cursor != nil { state.cursor = nil } else { return [.moveCursor(.show)] }
    case .cursorJumpBack: return [.moveCursor(.step(-DateCursor.jump))]
    case .cursorJumpForward: return [.moveCursor(.step(DateCursor.jump))]
    case .cursorFirst: return [.moveCursor(.first)]
    case .cursorLast: return [.moveCursor(.last)]
    case .nextPage: turn(&state, to: cycled(state.page, by: 1, count: state.panes.pages.count))
    case .previousPage: turn(&state, to: cycled(state.page, by: -1, count: state.panes.pages.count))
    case let .page(n): if n >= 1, n <= state.panes.pages.count { turn(&state, to: n - 1) }
    case .pause: state.paused.toggle()
    case .help:
        state.showingHelp = true
        state.helpScroll = 0
    case .snapshot: return [.saveSnapshot]
    case .refresh: return [.refreshFeeds]
    case .nextTheme: return [.nextTheme]
    // One overlay at a time: the feeds' and the alerts' take the same place.
    case .feeds:
        state.showingFeeds = true
        state.showingAlerts = false
    case .showAlerts:
        state.showingAlerts = true
        state.showingFeeds = false
    case .quit: break
    }
    return []
}

private func cycled(_ i: Int, by step: Int, count: Int) -> Int {
    count == 0 ? 0 : ((i + step) % count + count) % count
}

/// Moves the focus to a place on the page (when zoomed, the zoom shows it).
private func focus(_ state: inout AppState, _ place: Int) {
    state.focus = place
}

/// Shows another page whole, its first pane focused.
private func turn(_ state: inout AppState, to page: Int) {
    guard page != state.page else { return }
    state.page = page
    state.focus = 0
    state.zoomed = false
}

/// Focus moves on screen, by the full layout's geometry even while zoomed.
private func move(_ state: inout AppState, _ direction: DashboardLayout.Direction) {
    let full = DashboardLayout.arrange(width: state.width, height: state.height, count: state.pagePanes.count)
    if let next = full.neighbour(of: state.focus, direction) { focus(&state, next) }
}
