public import RotorCore

/// Everything the screen shows that is not market data: the panes and pages, which
/// pane has focus, zoom, lookback, overlays, pause. It changes only in `update`.
public struct AppState: Equatable, Sendable {
    public var width: Int
    public var height: Int
    /// The dashboard's panes and pages (the model's panes, in the same order).
    public var panes: PaneSet = .standard
    /// The page shown, from 0.
    public var page = 0
    /// The focused pane's place on the page, from 0 (the key `focus` + 1 selects it).
    public var focus = 0
    /// The focused pane is shown alone.
    public var zoomed = false
    public var lookback: Lookback = .year1
    /// Pane name -> its view (the `v` key counts up; the pane wraps it to its views).
    public var views: [String: Int] = [:]
    public var showingHelp = false
    /// The help's first line shown when it scrolls (`update` keeps it in range).
    public var helpScroll = 0
    /// The feeds overlay (`f`): every feed's health.
    public var showingFeeds = false
    /// The alerts overlay (`a`): this session's firings and what is active now.
    public var showingAlerts = false
    /// The date cursor's date (`c`), nil while it is hidden: every pane shows its
    /// readings, tables and flags at it and every chart marks it, while the replay
    /// or the live data goes on underneath (`DateCursor` moves it).
    public var cursor: Day?
    /// Replay does not advance / live polling stops.
    public var paused = false
    /// A line for the status bar (the snapshot's file name, a failure), if any.
    public var notice: String?
    public var quitting = false
    /// Which keys do what.
    public var keys: KeyMap = .standard
    /// The themes `t` cycles through, by name, and the one in use (an index into them).
    public var themeNames: [String] = ["standard"]
    public var theme = 0
    /// Clicks and the wheel act (config `[display] mouse`); the help lists them.
    public var mouse = true
    /// The last left click on a pane, to tell a double click.
    public var lastClick: Click?
    /// The flags' thresholds (config `[thresholds]`), which the help's glossary quotes.
    public var thresholds = Thresholds()

    public init(width: Int, height: Int, panes: PaneSet = .standard) {
        self.width = width
        self.height = height
        self.panes = panes
    }

    /// The panes of the page shown: indices into the model's panes.
    public var pagePanes: [Int] { panes.pages[min(page, panes.pages.count - 1)] }

    /// The focused pane's index in the model's panes, if the page has any.
    public var focusedPane: Int? { pagePanes.indices.contains(focus) ? pagePanes[focus] : nil }

    /// The date cursor's date on a screen whose data ends on `now`: never past it (the
    /// replay may have been moved back), nil when the cursor is not shown.
    public func cursorDate(now: Day) -> Day? { cursor.map { min($0, now) } }

    /// The view index of the pane at `index` in the model's panes.
    public func view(of index: Int) -> Int { views[panes.panes[index].name] ?? 0 }

    /// Where the page's panes go: keyed by place on the page.
    public var layout: DashboardLayout {
        .arrange(width: width, height: height, count: pagePanes.count, zoomed: zoomed ? focus : nil)
    }
}

/// What can happen to the app.
public enum Msg: Equatable, Sendable {
    case key(Key)
    /// A mouse button or wheel notch at loop time `at` (the latest tick's `now`).
    case mouse(MouseEvent, at: Duration)
    case resize(width: Int, height: Int)
    /// The outcome of an effect, to show in the status bar.
    case notice(String)
}

/// Work `update` asks the shell to do; results come back as messages.
public enum Effect: Equatable, Sendable {
    /// Write the screen to a file (`s`); answered by `.snapshotSaved` or `.snapshotFailed`.
    case saveSnapshot
    /// Fetch every live feed again now (`r`); the data comes back as `.dataArrived`.
    case refreshFeeds
    /// The `t` key's wish, as the key map returns it: the dashboard's `update` turns
    /// it into a change of `AppState.theme` itself, so the shell never receives it.
    case nextTheme
    /// A date cursor key's wish: the dashboard's `update` makes the move on the
    /// model's dates (it knows them and now), so the shell never receives it.
    case moveCursor(CursorMove)
    /// Stop (false) or start (true) the live poller: pause and resume.
    case setPolling(Bool)
    /// Read the live store: the feeds' health as `.feedsChanged`, and when `rebuild`
    /// allows and the store has moved past `modelVersion`, the model as `.dataArrived`.
    case readFeeds(modelVersion: Int, rebuild: Bool)
    /// A line for the log file.
    case log(String)
    /// Ring the terminal bell (once however many alerts ring on one update).
    case bell
    /// Deliver an alert's firing outside the screen: `alerts.jsonl` and its `run`.
    case deliverAlert(AlertFiring)
    /// Write the live alerts' state to the state file, so a restart does not fire
    /// again what already fired.
    case saveAlertState(AlertTracker.Saved)
}
