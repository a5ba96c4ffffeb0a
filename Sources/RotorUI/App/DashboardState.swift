public import RotorCore

/// Everything the dashboard shows and where it is going: the screen's state
/// (`AppState`), the data (the model and the feeds' report) and how the data moves
/// on its own (a replay cursor, or the live store's version). It changes only in
/// `update(_:_:)` for `DashboardMsg`s.
///
/// The model and the report sit here beside `AppState`, not in it, so that
/// `AppState` (compared whole in the key tests) stays `Equatable` and small; a
/// `DashboardModel` is every pane series of the whole history and has no cheap
/// equality.
public struct DashboardState: Sendable {
    public var app: AppState
    public var model: DashboardModel
    public var report: FeedReport
    public var feed: Feed
    /// The alerts: their machines, this session's firings, what the strip leaves out.
    public var alerts: AlertDesk
    /// Loop time (since the loop started, on its clock) of the latest tick.
    public private(set) var now: Duration = .zero
    /// The wall clock (`HH:mm:ss`) of the latest tick: when a firing happened, for
    /// the alerts overlay.
    public private(set) var clock = ""

    /// How the data moves.
    public enum Feed: Equatable, Sendable {
        /// A folder of CSV files, one session per step.
        case replay(ReplayCursor)
        /// Live feeds: the poller fills a store; the model follows its version.
        case live(LiveCursor)
    }

    /// `alerts`: the config's (`AlertDesk(panes:rules:restoring:)`); the panes'
    /// built-ins by default. A replay's alerts are stepped silently up to the session
    /// it starts on; a live one's start on the first tick with data.
    public init(app: AppState, model: DashboardModel, report: FeedReport, feed: Feed, alerts: AlertDesk? = nil) {
        self.app = app
        self.model = model
        self.report = report
        self.feed = feed
        self.alerts = alerts ?? AlertDesk(book: AlertBook(panes: model.panes))
        if case let .replay(cursor) = feed, let day = cursor.current {
            self.alerts.startReplay(model, dates: cursor.dates, at: day)
        }
    }

    /// The session on screen: the replay's, or the last date of the live data.
    public var asOf: Day? {
        switch feed {
        case let .replay(cursor): cursor.current
        case .live: model.lastDate
        }
    }

    /// The date the panes show: the date cursor's when it is shown (never past
    /// `asOf`), else `asOf`. What a status segment about "the date on screen" (the
    /// next event) counts from.
    public var screenDate: Day? {
        asOf.map { app.cursorDate(now: $0) ?? $0 }
    }

    /// The status bar's first word.
    public var mode: String {
        switch feed {
        case let .replay(cursor): cursor.atEnd ? "REPLAY END" : "REPLAY"
        case let .live(live): "LIVE " + live.clock
        }
    }

    /// What kind of data a firing was on, for `alerts.jsonl`: `replay` or `live`.
    public var alertMode: String {
        if case .live = feed { "live" } else { "replay" }
    }

    /// How long the loop may sleep before the next tick (at most a second: paused
    /// or at the end it still wakes once a second, since a SIGWINCH delivered to
    /// another thread is only seen by ncurses on its next read).
    public var wait: Duration {
        switch feed {
        case let .replay(cursor): app.paused ? .seconds(1) : cursor.wait(at: now)
        case .live: .seconds(1)
        }
    }

    mutating func advanceTime(to time: Duration, clock: String) {
        now = max(now, time)
        self.clock = clock
    }
}

/// Where the live model stands against the store.
public struct LiveCursor: Equatable, Sendable {
    /// The store version the model was built from.
    public var version: Int
    /// Loop time of the last rebuild (nil: none yet); rebuilds are at most one a second.
    public var rebuiltAt: Duration?
    /// The wall clock of the latest tick, `14:02:11`, for the status bar.
    public var clock: String

    public init(version: Int, rebuiltAt: Duration? = nil, clock: String = "") {
        self.version = version
        self.rebuiltAt = rebuiltAt
        self.clock = clock
    }
}

/// What can happen to the dashboard: the screen's messages and the ones of time and data.
public enum DashboardMsg: Sendable {
    /// A key, a resize, a notice: the screen's own messages.
    case app(Msg)
    /// The loop woke: `at` is loop time on its clock, `clock` the wall clock's
    /// `HH:mm:ss` (shown by the live status bar).
    case tick(at: Duration, clock: String)
    /// The live store has new bars: the model rebuilt from its `version`.
    case dataArrived(DashboardModel, version: Int)
    /// The feeds' health, in the screen's words (ages move with time, so it comes
    /// on every live tick).
    case feedsChanged(FeedReport)
    /// The `s` snapshot was written to this file, or failed for this reason.
    case snapshotSaved(String)
    case snapshotFailed(String)

    public static func key(_ key: Key) -> DashboardMsg { .app(.key(key)) }
}
