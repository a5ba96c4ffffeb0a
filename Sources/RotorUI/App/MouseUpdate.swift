/// What the mouse does, as `update` applies it: a click focuses the pane under it,
/// a second click on the same pane soon after zooms it (and unzooms it), the wheel
/// over a pane steps the lookback, which all the charts share (up, like zooming in
/// on a map, shows less: a shorter lookback). Over the help the wheel scrolls it;
/// other overlays ignore the mouse, as they ignore keys they do not use.
extension MouseEvent {
    /// Two clicks on one pane at most this far apart are a double click: the common
    /// desktop default (GTK and Windows use 400-500 ms).
    public static let doubleClickInterval: Duration = .milliseconds(400)
}

func handle(_ event: MouseEvent, at time: Duration, _ state: inout AppState) -> [Effect] {
    guard state.mouse else { return [] }
    if state.showingHelp {
        switch event.button {
        case .wheelUp: state.scrollHelp(by: -AppState.wheelLines)
        case .wheelDown: state.scrollHelp(by: AppState.wheelLines)
        case .left, .middle, .right: break
        }
        return []
    }
    guard !state.showingFeeds, case let .panes(rects, _) = state.layout,
          let place = rects.first(where: { $0.value.contains(x: event.x, y: event.y) })?.key,
          state.pagePanes.indices.contains(place) else { return [] }
    switch event.button {
    case .left:
        let click = Click(page: state.page, place: place, at: time)
        if let last = state.lastClick, last.page == click.page, last.place == place,
           time >= last.at, time - last.at <= MouseEvent.doubleClickInterval {
            state.focus = place
            state.zoomed.toggle()
            // A third click starts over rather than toggling back.
            state.lastClick = nil
        } else {
            state.focus = place
            state.lastClick = click
        }
    case .wheelUp: state.lookback = state.lookback.shorter
    case .wheelDown: state.lookback = state.lookback.longer
    case .middle, .right: break
    }
    return []
}
