public import RotorCore

/// The built-in panes, in the order of page 1 (the keys 1-5 on it). A built-in pane
/// is one file declaring its `PaneSpec` and one line here; layout, help, key hints,
/// snapshots and `rotor export --pane` all read this list.
public enum PaneRegistry {
    public static let builtin: [@Sendable (Roles, Thresholds) -> PaneSpec] = [
        RotationPane.spec,
        Mag7Pane.spec,
        VolPremiumPane.spec,
        BreadthPane.spec,
        RatesPane.spec,
    ]

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
