/// What a key asks the app to do; the key map (config `[keys]`) says which keys do
/// what. An action's config name is its `rawValue` (`next_pane`, `focus_3`, `page_2`).
public enum Action: Hashable, Sendable, CaseIterable, RawRepresentable {
    case nextPane, previousPane
    case left, down, up, right
    /// Focus the n-th pane of the page (1-9).
    case focus(Int)
    case zoom
    case back
    case shorterLookback, longerLookback
    /// The focused pane's next view (the vol pane's next implied/realized pair).
    case nextView
    /// The date cursor (`c`): shows every pane at one past date; again, or `back`
    /// (Esc), leaves it. While it shows, `left` and `right` step it a session.
    case cursor
    /// The date cursor 20 sessions back / on (shows it first when hidden).
    case cursorJumpBack, cursorJumpForward
    /// The date cursor on the first session of the data / on now (shows it first).
    case cursorFirst, cursorLast
    case nextPage, previousPage
    /// Go to page n (1-9).
    case page(Int)
    case snapshot
    case refresh
    case nextTheme
    case feeds
    /// The alerts overlay: this session's firings and what is active now.
    case showAlerts
    case pause
    case help
    case quit

    /// The most panes a page holds and the most pages: one digit key each.
    public static let maxIndex = 9

    /// Every action in the help's order.
    public static let allCases: [Action] = [.nextPane, .previousPane, .left, .down, .up, .right]
        + (1...maxIndex).map(Action.focus)
        + [.zoom, .back, .shorterLookback, .longerLookback, .nextView,
           .cursor, .cursorJumpBack, .cursorJumpForward, .cursorFirst, .cursorLast, .nextPage, .previousPage]
        + (1...maxIndex).map(Action.page)
        + [.snapshot, .refresh, .nextTheme, .feeds, .showAlerts, .pause, .help, .quit]

    public init?(rawValue: String) {
        if let action = Action.allCases.first(where: { $0.rawValue == rawValue }) {
            self = action
        } else if rawValue == "next_vol_pair" {
            // The name before panes had views; configs written for it keep working.
            self = .nextView
        } else {
            return nil
        }
    }

    public var rawValue: String {
        switch self {
        case .nextPane: "next_pane"
        case .previousPane: "previous_pane"
        case .left: "left"
        case .down: "down"
        case .up: "up"
        case .right: "right"
        case let .focus(n): "focus_\(n)"
        case .zoom: "zoom"
        case .back: "back"
        case .shorterLookback: "shorter_lookback"
        case .longerLookback: "longer_lookback"
        case .nextView: "next_view"
        case .cursor: "cursor"
        case .cursorJumpBack: "cursor_back_20"
        case .cursorJumpForward: "cursor_forward_20"
        case .cursorFirst: "cursor_first"
        case .cursorLast: "cursor_last"
        case .nextPage: "next_page"
        case .previousPage: "previous_page"
        case let .page(n): "page_\(n)"
        case .snapshot: "snapshot"
        case .refresh: "refresh"
        case .nextTheme: "next_theme"
        case .feeds: "feeds"
        case .showAlerts: "alerts"
        case .pause: "pause"
        case .help: "help"
        case .quit: "quit"
        }
    }

    /// What the help overlay says the action does, for the dashboard's panes; nil
    /// when the action does nothing there (focus 7 on pages of five, pages when
    /// there is one, views when no pane has more than one).
    public func help(for panes: PaneSet) -> String? {
        switch self {
        case .nextPane: "next pane"
        case .previousPane: "previous pane"
        case .left: "focus left, or cursor a session back"
        case .down: "focus the pane below"
        case .up: "focus the pane above"
        case .right: "focus right, or cursor a session on"
        case let .focus(n): n <= panes.largestPage ? "focus pane \(n)" : nil
        case .zoom: "zoom the focused pane; again to return"
        case .back: "leave the cursor, else back from zoom"
        case .shorterLookback: "shorter lookback (1M 3M 6M 1Y 2Y 5Y)"
        case .longerLookback: "longer lookback"
        case .nextView: panes.viewsHelp
        case .cursor: "date cursor: all panes at one date"
        case .cursorJumpBack: "date cursor 20 sessions back"
        case .cursorJumpForward: "date cursor 20 sessions on"
        case .cursorFirst: "date cursor to the first session"
        case .cursorLast: "date cursor to now"
        case .nextPage: panes.pages.count > 1 ? "next page" : nil
        case .previousPage: panes.pages.count > 1 ? "previous page" : nil
        case let .page(n): panes.pages.count > 1 && n <= panes.pages.count ? "page \(n)" : nil
        case .snapshot: "snapshot the screen to a text file"
        case .refresh: "refresh all feeds now"
        case .nextTheme: "next theme"
        case .feeds: "feeds: each one's health, last success and last error"
        case .showAlerts: "alerts: this session's firings and what is active now"
        case .pause: "pause / resume"
        case .help: "this help (Esc or ? closes it)"
        case .quit: "quit"
        }
    }
}
