/// Where the panes go for a terminal size: two rows when wide (RTY/ES and MAG7 on
/// top, the other three below), one column when narrow, the focused pane alone when
/// zoomed, and nothing but a message below the minimum size. The last row is always
/// the status bar.
public enum DashboardLayout: Equatable, Sendable {
    case panes([PaneID: Rect], statusBar: Rect)
    case tooSmall(message: String)

    public static let minimumWidth = 60
    public static let minimumHeight = 16
    /// Below this width the panes stack in one column.
    public static let twoRowWidth = 80

    public static func arrange(width: Int, height: Int, zoomed: PaneID? = nil) -> DashboardLayout {
        guard width >= minimumWidth, height >= minimumHeight else {
            return .tooSmall(message: "terminal too small (need \(minimumWidth)x\(minimumHeight))")
        }
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        let body = screen.inset(bottom: 1)
        let statusBar = screen.row(height - 1)
        if let zoomed { return .panes([zoomed: body], statusBar: statusBar) }
        var rects: [PaneID: Rect] = [:]
        if width >= twoRowWidth {
            let rows = body.rows([.fill(1), .fill(1)])
            let top = rows[0].columns([.fill(1), .fill(1)])
            let bottom = rows[1].columns([.fill(1), .fill(1), .fill(1)])
            rects[.rotation] = top[0]
            rects[.mag7] = top[1]
            rects[.volPremium] = bottom[0]
            rects[.breadth] = bottom[1]
            rects[.rates] = bottom[2]
        } else {
            let stack = body.rows(Array(repeating: .fill(1), count: PaneID.allCases.count))
            for (pane, rect) in zip(PaneID.allCases, stack) { rects[pane] = rect }
        }
        return .panes(rects, statusBar: statusBar)
    }

    /// The pane reached from `pane` by moving in a direction on screen: among the
    /// panes lying wholly on that side, the one nearest (centre distance, sideways
    /// offset counting double; ties to the lower number), or nil at an edge.
    public func neighbour(of pane: PaneID, _ direction: Direction) -> PaneID? {
        guard case let .panes(rects, _) = self, let from = rects[pane] else { return nil }
        let (fx, fy) = (2 * from.x + from.width, 2 * from.y + from.height) // doubled centres
        var best: (distance: Int, pane: PaneID)?
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
