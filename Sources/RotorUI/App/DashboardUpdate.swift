import RotorCore

/// Every change of the dashboard: keys (through the screen's `update`), ticks, data,
/// feed health, themes, pause and the replay cursor. The loop only forwards
/// messages and runs the effects returned, so the whole dashboard is testable as a
/// list of messages with times.
public func update(_ state: inout DashboardState, _ msg: DashboardMsg) -> [Effect] {
    switch msg {
    case let .app(msg):
        let wasPaused = state.app.paused
        var effects: [Effect] = []
        for effect in update(&state.app, msg) {
            switch effect {
            case .nextTheme: effects += nextTheme(&state.app)
            case .refreshFeeds: effects += refresh(&state)
            case let .moveCursor(move): moveCursor(&state, move)
            default: effects.append(effect)
            }
        }
        // Pause is a key of the screen's map; what it means for the data is said here,
        // once, so the shell hears of it as an effect.
        if state.app.paused != wasPaused { effects += pauseChanged(&state) }
        return effects
    case let .tick(time, clock):
        state.advanceTime(to: time, clock: clock)
        switch state.feed {
        case var .replay(cursor):
            guard !state.app.paused, cursor.tick(at: state.now) else { return [] }
            state.feed = .replay(cursor)
            return replayAlerts(&state)
        case var .live(live):
            live.clock = clock
            state.feed = .live(live)
            // A rebuild at most once a second; the report (ages, states) on every tick.
            let due = live.rebuiltAt.map { state.now - $0 >= .seconds(1) } ?? true
            // The first tick starts the alerts on the data the dashboard opened with
            // (the cache's); after that they follow each new model.
            let start = state.alerts.started ? [] : liveAlerts(&state)
            return start + [.readFeeds(modelVersion: live.version, rebuild: due)]
        }
    case let .dataArrived(model, version):
        state.model = model
        guard case var .live(live) = state.feed else { return [] }
        live.version = version
        live.rebuiltAt = state.now
        state.feed = .live(live)
        return liveAlerts(&state)
    case let .feedsChanged(report):
        state.report = report
        return []
    case let .snapshotSaved(file):
        return said("saved " + file, &state.app)
    case let .snapshotFailed(reason):
        return said("snapshot failed: " + reason, &state.app)
    }
}

/// The replay reached a new session: the alerts that fire on it.
private func replayAlerts(_ state: inout DashboardState) -> [Effect] {
    guard case let .replay(cursor) = state.feed, let day = cursor.current else { return [] }
    return state.alerts.replay(state.model, dates: cursor.dates, to: day, time: state.clock).effects
}

/// A live model: the alerts that fire on it (today's row stepped again), then the
/// state saved when it changed.
private func liveAlerts(_ state: inout DashboardState) -> [Effect] {
    guard let firings = state.alerts.live(state.model, time: state.clock) else { return [] }
    return firings.effects + (state.alerts.stateToSave().map { [Effect.saveAlertState($0)] } ?? [])
}

/// The status bar's notice, also written to the log.
private func said(_ notice: String, _ app: inout AppState) -> [Effect] {
    app.notice = notice
    return [.log(notice)]
}

private func nextTheme(_ app: inout AppState) -> [Effect] {
    guard !app.themeNames.isEmpty else { return [] }
    app.theme = (app.theme + 1) % app.themeNames.count
    return said("theme " + app.themeNames[app.theme], &app)
}

/// `r`: a replay has nothing to fetch; live feeds are all fetched again.
private func refresh(_ state: inout DashboardState) -> [Effect] {
    switch state.feed {
    case .replay:
        state.app.notice = "replay: nothing to refresh"
        return []
    case .live:
        state.app.notice = "refreshing every feed"
        return [.refreshFeeds]
    }
}

/// The date cursor's move on the model's dates, up to the date on screen (nothing
/// to move over before the first data). A replay's cursor holds them already (it
/// was made from the model's dates); live, they are the union of every series'
/// dates, worked out on the key press, never per frame.
private func moveCursor(_ state: inout DashboardState, _ move: CursorMove) {
    guard let now = state.asOf else { return }
    let dates: [Day] = switch state.feed {
    case let .replay(cursor): cursor.dates
    case .live: state.model.dates
    }
    state.app.cursor = DateCursor.moved(state.app.cursor, move, dates: dates, now: now)
}

/// A replay resumes a full step after the key; live polling stops and starts.
private func pauseChanged(_ state: inout DashboardState) -> [Effect] {
    switch state.feed {
    case var .replay(cursor):
        if !state.app.paused {
            cursor.resume(at: state.now)
            state.feed = .replay(cursor)
        }
        return []
    case .live:
        return [.setPolling(!state.app.paused)]
    }
}

/// The whole screen for the dashboard's state. Until there is any data the panes
/// are empty, so the feeds overlay says why.
public func view(_ state: DashboardState) -> Canvas {
    var shown = state.app
    if state.asOf == nil && !shown.showingHelp { shown.showingFeeds = true }
    var speed: Double?
    if case let .replay(cursor) = state.feed, !cursor.atEnd { speed = cursor.speed }
    return view(shown, model: state.model, asOf: state.asOf, mode: state.mode, feeds: state.report, speed: speed,
                alerts: state.alerts)
}
