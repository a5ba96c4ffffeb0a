/// Everything the screen shows that is not market data: which pane has focus,
/// zoom, lookback, overlays, pause. It changes only in `update`.
public struct AppState: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public var focus: PaneID = .rotation
    /// The pane shown full screen, if any.
    public var zoomed: PaneID?
    public var lookback: Lookback = .year1
    /// Which implied/realized pair the vol premium chart shows (`v` cycles it).
    public var volPair = 0
    public var showingHelp = false
    /// The feeds overlay (`f`): every feed's health.
    public var showingFeeds = false
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

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public var layout: DashboardLayout { .arrange(width: width, height: height, zoomed: zoomed) }
}

/// What can happen to the app.
public enum Msg: Equatable, Sendable {
    case key(Key)
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
    /// Stop (false) or start (true) the live poller: pause and resume.
    case setPolling(Bool)
    /// Read the live store: the feeds' health as `.feedsChanged`, and when `rebuild`
    /// allows and the store has moved past `modelVersion`, the model as `.dataArrived`.
    case readFeeds(modelVersion: Int, rebuild: Bool)
    /// A line for the log file.
    case log(String)
}
