public import RotorCore

/// The built-in panes, page by page: page 1 holds the five originals (the keys 1-5
/// on it); later pages hold the built-ins that read the research's other signals. A
/// built-in pane is one file declaring its `PaneSpec` and one line here; layout,
/// help, key hints, snapshots and `rotor export --pane` all read this list.
public enum PaneRegistry {
    public typealias Declaration = @Sendable (Roles, Thresholds) -> PaneSpec

    public static let builtinPages: [[Declaration]] = [
        [
            RotationPane.spec,
            Mag7Pane.spec,
            VolPremiumPane.spec,
            BreadthPane.spec,
            RatesPane.spec,
        ],
        [
            NetworkPane.spec,
            PositioningPane.spec,
        ],
    ]

    /// Every built-in pane, in page order.
    public static let builtin: [Declaration] = Array(builtinPages.joined())

    /// How many built-in panes each page holds (a `PaneSet` places them by it).
    public static let builtinPageSizes: [Int] = builtinPages.map(\.count)

    /// The built-in panes for a config's roles and thresholds.
    public static func builtins(_ roles: Roles = Roles(), _ thresholds: Thresholds = Thresholds()) -> [PaneSpec] {
        builtin.map { $0(roles, thresholds) }
    }

    /// Every expression the built-in panes read, each once, in pane order (the
    /// benchmarks' workload).
    public static func expressions(_ roles: Roles = Roles()) -> [String] {
        DashboardModel.expressions(builtins(roles))
    }
}
