public import RotorCore

/// The whole screen for a state: a pure function, so the live screen, `s` and
/// `rotor snapshot` all show the same thing.
/// `feeds` is the data layer's word on its feeds (in a replay: what is replayed).
/// `speed` is a running replay's sessions per second, for the status bar.
/// `alerts`: the dashboard's, for the strip (less disabled built-ins, plus the
/// users' alerts fired) and the `a` overlay; nil: the panes' flags alone.
public func view(_ state: AppState, model: DashboardModel, asOf: Day?, mode: String,
                 feeds: FeedReport = FeedReport(summary: ""), speed: Double? = nil, alerts: AlertDesk? = nil) -> Canvas {
    var canvas = Canvas(width: state.width, height: state.height)
    switch state.layout {
    case let .tooSmall(message):
        let y = state.height / 2
        _ = canvas.write(message, x: max(0, (state.width - DisplayWidth.of(message)) / 2), y: y,
                         style: .role(.warn))
        return canvas
    case let .panes(rects, statusBar):
        if let asOf {
            // With the date cursor the panes are of its date, their charts on now (PaneReader says how).
            let reader = PaneReader(model: model, now: asOf, cursor: state.cursor, lookback: state.lookback)
            let page = state.pagePanes
            for (place, rect) in rects where page.indices.contains(place) && model.panes.indices.contains(page[place]) {
                let spec = model.panes[page[place]]
                canvas.render(PaneView(number: place + 1, title: spec.title,
                                       content: spec.content(reader, view: state.view(of: page[place]), keys: state.keys),
                                       reader: reader, isFocused: place == state.focus, isZoomed: state.zoomed,
                                       feeds: feeds), area: rect)
            }
        }
        if state.showingFeeds {
            let lines = feeds.lines.isEmpty ? ["no live feeds: " + feeds.summary] : feeds.lines
            canvas.render(Overlay(title: "feeds (f or Esc closes)", lines: lines.map { TextLine($0) }), area: canvas.area)
        }
        // The strip is about alerts now, so it stays on now under the date cursor
        // (the panes' own flag rows are the cursor date's).
        let paneFlags: [ActiveFlag] = asOf.map { day in
            let reader = PaneReader(model: model, asOf: day, lookback: state.lookback)
            // The page shown first, then the others in pane order: among flags of one
            // severity the strip names the ones whose panes are on screen before it
            // counts the rest (an alert of another page still comes first).
            let order = state.pagePanes + model.panes.indices.filter { !state.pagePanes.contains($0) }
            return order.filter(model.panes.indices.contains).flatMap { model.panes[$0].activeFlags(reader) }
        } ?? []
        let strip = AlertStrip(alerts?.stripFlags(paneFlags) ?? paneFlags)
        if state.showingAlerts {
            let close = (state.keys.bindings[.showAlerts] ?? []).filter { $0 != .escape }.map(\.description) + ["Esc"]
            canvas.render(AlertsOverlay(active: strip.flags, fired: (alerts?.history ?? []).reversed(),
                                        closeKeys: close.joined(separator: " or ")),
                          area: state.helpArea)
        }
        if state.showingHelp {
            canvas.render(state.help, area: state.helpArea)
        }
        // Drawn last, so the alert strip shows under the overlays too.
        var statusLine = StatusLine(mode: mode, asOf: asOf, speed: speed, strip: strip, feeds: feeds,
                                    cursor: asOf.flatMap { state.cursorDate(now: $0) })
        statusLine.events = model.events
        canvas.render(statusLine.bar(state), area: statusBar)
        return canvas
    }
}
