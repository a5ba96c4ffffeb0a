/// Where a page's panes go for a terminal size, keyed by their place on the page
/// (0 for the pane the key 1 focuses). Wide screens put the panes in rows, the later
/// rows taking the extra pane (five: two on top, three below); narrow ones stack up to
/// five in one column and more in two; a zoomed pane has the body alone; below the
/// minimum size there is only a message. The last row is always the status bar.
public enum DashboardLayout: Equatable, Sendable {
    case panes([Int: Rect], statusBar: Rect)
    case tooSmall(message: String)

    public static let minimumWidth = 60
    public static let minimumHeight = 16
    /// Below this width the panes stack in one column (two for more than five).
    public static let twoRowWidth = 80

    public static func arrange(width: Int, height: Int, count: Int = PaneRegistry.builtinPageSizes[0],
                               zoomed: Int? = nil) -> DashboardLayout {
        guard width >= minimumWidth, height >= minimumHeight else {
            return .tooSmall(message: "terminal too small (need \(minimumWidth)x\(minimumHeight))")
        }
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        let body = screen.inset(bottom: 1)
        let statusBar = screen.row(height - 1)
        if let zoomed { return .panes([zoomed: body], statusBar: statusBar) }
        guard count > 0 else { return .panes([:], statusBar: statusBar) }
        let rowSizes = width >= twoRowWidth ? rowsWhenWide(count) : rowsWhenNarrow(count)
        var rects: [Int: Rect] = [:]
        var place = 0
        for (row, size) in zip(body.rows(Array(repeating: .fill(1), count: rowSizes.count)), rowSizes) {
            for rect in row.columns(Array(repeating: .fill(1), count: size)) {
                rects[place] = rect
                place += 1
            }
        }
        return .panes(rects, statusBar: statusBar)
    }

    /// Panes per row on a wide screen: one row up to two panes, two rows up to
    /// eight (the second row taking the odd one: 2+3, 3+4), three rows of three for
    /// nine.
    static func rowsWhenWide(_ count: Int) -> [Int] {
        let rows = count <= 2 ? 1 : (count <= 8 ? 2 : 3)
        return (0..<rows).map { r in count / rows + (r >= rows - count % rows ? 1 : 0) }
    }

    /// Panes per row on a narrow screen: one column up to five, then two columns
    /// (the last row alone when the count is odd).
    static func rowsWhenNarrow(_ count: Int) -> [Int] {
        if count <= 5 { return Array(repeating: 1, count: count) }
        return Array(repeating: 2, count: count / 2) + (count % 2 == 1 ? [1] : [])
    }

    /// The pane reached from `pane` by moving in a direction on screen: among the
    /// panes lying wholly on that side, the one nearest (centre distance, sideways
    /// offset counting double; ties to the lower number), or nil at an edge.
    public func neighbour(of pane: Int, _ direction: Direction) -> Int? {
        guard case let .panes(rects, _) = self, let from = rects[pane] else { return nil }
        let (fx, fy) = (2 * from.x + from.width, 2 * from.y + from.height) // doubled centres
        var best: (distance: Int, pane: Int)?
        for (candidate, rect) in rects where candidate != pane {
            let onThatSide = switch direction {
            case .left: rect.maxX <= from.x
            case .right: rect.x >= from.maxX
            case .up: rect.maxY <= from.y
            case .down: rect.y >= from.maxY
            }
            guard onThatSide else { continue }
            let (dx, dy) = (2 * rect.x + rect.width - fx, 2 * rect.y + rect.height - fy)
            let distance = direction == .left || direction == .right ? abs(dx) + 2 * abs(dy) : abs(dy) + 2 * abs(dx)
            if best == nil || distance < best!.distance || (distance == best!.distance && candidate < best!.pane) {
                best = (distance, candidate)
            }
        }
        return best?.pane
    }

    public enum Direction: Sendable { case left, right, up, down }
}
