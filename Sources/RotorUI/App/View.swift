public import RotorCore

/// The whole screen for a state: a pure function, so the live screen, `s` and
/// `rotor snapshot` all show the same thing.
/// `feeds` is the status bar's word on the data (in a replay: what is replayed).
public func view(_ state: AppState, model: DashboardModel, asOf: Day?, mode: String, feeds: String = "") -> Canvas {
    var canvas = Canvas(width: state.width, height: state.height)
    switch state.layout {
    case let .tooSmall(message):
        let y = state.height / 2
        _ = canvas.write(message, x: max(0, (state.width - DisplayWidth.of(message)) / 2), y: y,
                         style: .role(.warn))
        return canvas
    case let .panes(rects, statusBar):
        if let asOf {
            let reader = PaneReader(model: model, asOf: asOf, lookback: state.lookback)
            for (pane, rect) in rects {
                canvas.render(PaneView(pane: pane, content: PaneView.content(of: pane, reader, volPair: state.volPair),
                                       reader: reader, isFocused: pane == state.focus,
                                       isZoomed: state.zoomed == pane), area: rect)
            }
        }
        var left = [Span(mode, style: .role(.title).reversed())]
        if let asOf { left.append(Span(asOf.iso)) }
        if !feeds.isEmpty { left.append(Span(feeds, style: .role(.dim))) }
        if state.paused { left.append(Span("PAUSED", style: .role(.warn))) }
        if let notice = state.notice { left.append(Span(notice, style: .role(.dim))) }
        canvas.render(StatusBar(left: left, right: [Span("? help", style: .role(.dim))]), area: statusBar)
        if state.showingHelp {
            canvas.render(Overlay(title: "keys", lines: state.keys.helpLines.map { TextLine($0) }), area: canvas.area)
        }
        return canvas
    }
}
