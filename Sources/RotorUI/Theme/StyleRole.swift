/// What a piece of the screen means, as opposed to how it looks: widgets and panes
/// ask for roles, a theme's `Palette` turns them into colours.
public enum StyleRole: String, Hashable, Sendable, CaseIterable {
    case text
    case dim
    case border
    case focusBorder
    case title
    case up
    case down
    case warn
    case alert
    case series1, series2, series3, series4, series5, series6

    /// The chart series roles in order, so the n-th line of a chart gets a distinct colour.
    public static let series: [StyleRole] = [.series1, .series2, .series3, .series4, .series5, .series6]

    /// The role of the `index`-th series (0-based), cycling after six.
    public static func series(_ index: Int) -> StyleRole {
        series[((index % series.count) + series.count) % series.count]
    }
}
