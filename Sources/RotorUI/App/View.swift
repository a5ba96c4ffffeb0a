public import RotorCore

/// The whole screen for a state: a pure function, so the live screen, `s` and
/// `rotor snapshot` all show the same thing.
/// `feeds` is the data layer's word on its feeds (in a replay: what is replayed).
public func view(_ state: AppState, model: DashboardModel, asOf: Day?, mode: String,
                 feeds: FeedReport = FeedReport(summary: "")) -> Canvas {
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
            let page = state.pagePanes
            for (place, rect) in rects where page.indices.contains(place) && model.panes.indices.contains(page[place]) {
                let spec = model.panes[page[place]]
                canvas.render(PaneView(number: place + 1, title: spec.title,
                                       content: spec.content(reader, view: state.view(of: page[place]), keys: state.keys),
                                       reader: reader, isFocused: place == state.focus, isZoomed: state.zoomed,
                                       feeds: feeds), area: rect)
            }
        }
        var left = [Span(mode, style: .role(.title).reversed())]
        if let asOf { left.append(Span(asOf.iso)) }
        if !feeds.summary.isEmpty {
            left.append(Span(feeds.summary, style: feeds.problems.isEmpty ? .role(.dim) : .role(.warn)))
        }
        for (name, note) in feeds.progress.sorted(by: { $0.key < $1.key }) {
            left.append(Span("\(name) \(note)", style: .role(.dim)))
        }
        if state.panes.pages.count > 1 {
            left.append(Span("page \(state.page + 1)/\(state.panes.pages.count)", style: .role(.title)))
        }
        if state.paused { left.append(Span("PAUSED", style: .role(.warn))) }
        if let notice = state.notice { left.append(Span(notice, style: .role(.dim))) }
        canvas.render(StatusBar(left: left, right: [Span("? help", style: .role(.dim))]), area: statusBar)
        if state.showingFeeds {
            let lines = feeds.lines.isEmpty ? ["no live feeds: " + feeds.summary] : feeds.lines
            canvas.render(Overlay(title: "feeds (f or Esc closes)", lines: lines.map { TextLine($0) }), area: canvas.area)
        }
        if state.showingHelp {
            canvas.render(state.help, area: state.helpArea)
        }
        return canvas
    }
}
