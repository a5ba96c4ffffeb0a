public import RotorCore
public import RotorUI

/// Everything a config file says (Samples/rotor.example.toml documents each key).
/// Values it leaves out keep these defaults, which are the demo's.
public struct RotorConfig: Sendable, Equatable {
    /// The folder of CSV files to replay, as written (relative to the config file).
    public var dataFolder: String?
    public var adjustedClose = false
    public var roles = Roles()
    public var feeds: [Feed] = []
    public var lookback: Lookback = .year1
    public var theme: String?
    /// The line of `[display] theme`, for an error about the theme it names.
    public var themeLine = 0
    public var snapshotDir: String?
    /// `[display] mouse`: clicks and the wheel (off leaves the mouse to the terminal).
    public var mouse = true
    public var replaySpeed = 1.0
    public var replayStart: Day?
    public var thresholds = Thresholds()
    public var keys: KeyMap = .standard
    /// `[[panes]]`: the user's own panes, after the built-ins.
    public var panes: [PaneDeclaration] = []
    /// `[[pages]]`: pane names per page (unplaced panes go on pages after these).
    public var pages: [[String]] = []
    /// `[[alerts]]`: users' alerts, and overrides of the built-ins by name.
    public var alerts: [AlertRule] = []
    /// `[[episodes]]`: named stretches of history to replay (`rotor --episode NAME`).
    public var episodes: [Episode] = []
    /// `[fred] api_key`: the FRED JSON API instead of the keyless CSV (FRED_API_KEY wins).
    public var fredAPIKey: String?
    /// `[events] files`: events CSV files as written (relative to the config file);
    /// `eventFilesLine` is the line of `files`, for an error about one of them.
    public var eventFiles: [String] = []
    public var eventFilesLine = 0
    /// `[[levels]]`: labelled lines on the charts of an expression.
    public var levels: [LevelRule] = []
    /// `[store]`: the shared PostgreSQL store, if the config names one.
    public var store: Store?

    public init() {}

    /// One live source: which rotor symbol it fills, from which provider.
    public struct Feed: Sendable, Equatable {
        public enum Provider: String, Sendable, CaseIterable { case yahoo, fred, csv, cboe, cftc }
        /// The name expressions use (`ES`, `US2Y`, or `@name` for a universe).
        public var symbol: String
        public var provider: Provider
        /// The provider's own symbol (`ES=F`, `DGS2`, a CSV path).
        public var ticker: String
        /// Seconds between polls; nil: the provider's default.
        public var interval: Double?
        public var baseURL: String?
        /// For a universe (`symbol = "@name"`): a file of member tickers, one a line,
        /// as written (relative to the config file).
        public var members: String?
        public var line: Int

        /// The symbols this feed fills: its symbol, or for a cftc feed one per
        /// positioning series (`RTY` fills `RTY_AM`, `RTY_LF`, `RTY_OI`).
        public var symbols: [String] { provider == .cftc ? PositioningSeries.symbols(symbol) : [symbol] }
    }
}
