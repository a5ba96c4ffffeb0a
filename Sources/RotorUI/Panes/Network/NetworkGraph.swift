import Foundation

/// The network as a graph: the symbols evenly on a circle (the first at the top,
/// then clockwise), an edge between two of them for every pair whose |corr| reaches
/// the threshold, drawn in braille dots in the sign's colour (`up` positive, `down`
/// negative) with more weight the stronger it is: dim below 0.5, plain to 0.7,
/// bold and three dots wide from 0.7 (`NetworkGraph.weight`). Stronger edges are
/// drawn last, so where edges cross the stronger one's colour shows; the symbols'
/// names are drawn over the edges.
struct NetworkGraph: Widget {
    let snapshot: NetworkSnapshot

    /// An edge's weight for |corr|.
    enum Weight: Int, Comparable, Sendable {
        case light, plain, heavy
        static func < (a: Weight, b: Weight) -> Bool { a.rawValue < b.rawValue }
    }

    /// |corr| from which an edge is plain, and heavy.
    static let plainFrom = 0.5
    static let heavyFrom = 0.7

    static func weight(_ corr: Double) -> Weight {
        abs(corr) >= heavyFrom ? .heavy : abs(corr) >= plainFrom ? .plain : .light
    }

    static func style(_ corr: Double) -> Style {
        let base = Style.role(corr < 0 ? .down : .up)
        switch weight(corr) {
        case .light: return base.dim()
        case .plain: return base
        case .heavy: return base.bold()
        }
    }

    /// Where each of `count` names of at most `labelWidth` columns sits in a
    /// `width` x `height` area: the dot (braille dots are square: 2 a column, 4 a
    /// row) of its centre on the largest circle that keeps every name inside.
    static func nodes(count: Int, labelWidth: Int, width: Int, height: Int) -> [(x: Int, y: Int)] {
        guard count > 0 else { return [] }
        let cx = Double(width), cy = Double(2 * height)
        // Half a name and a column to each side; half a row above and below.
        let rx = Double(width) - Double(labelWidth + 2)
        let ry = Double(2 * height) - 3
        let r = max(0, min(rx, ry))
        return (0..<count).map { k in
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(k) / Double(count)
            return (Int((cx + r * cos(angle)).rounded(.down)), Int((cy + r * sin(angle)).rounded(.down)))
        }
    }

    /// The cell of a dot.
    static func cell(_ dot: (x: Int, y: Int)) -> (x: Int, y: Int) { (dot.x / 2, dot.y / 4) }

    func render(into canvas: inout Canvas, area: Rect) {
        guard area.width >= 8, area.height >= 4 else { return }
        let symbols = snapshot.symbols
        let labelWidth = symbols.map { DisplayWidth.of($0) }.max() ?? 0
        let nodes = Self.nodes(count: symbols.count, labelWidth: labelWidth, width: area.width, height: area.height)
        // Weakest first: the strongest edge owns the cells where edges cross.
        let edges = Array(snapshot.edges.reversed())
        var grid = BrailleGrid(width: area.width, height: area.height)
        for (k, edge) in edges.enumerated() {
            guard let corr = edge.correlation.value else { continue }
            let a = nodes[edge.pair.i], b = nodes[edge.pair.j]
            let offsets = Self.weight(corr) == .heavy ? [(0, 0), (1, 0), (0, 1)] : [(0, 0)]
            for (dx, dy) in offsets {
                grid.line(from: (a.x + dx, a.y + dy), to: (b.x + dx, b.y + dy), owner: k)
            }
        }
        for y in 0..<area.height {
            for x in 0..<area.width {
                let owner = grid.owner(x: x, y: y)
                guard owner >= 0, let corr = edges[owner].correlation.value else { continue }
                canvas.put(grid.glyph(x: x, y: y), x: area.x + x, y: area.y + y, style: Self.style(corr), clip: area)
            }
        }
        // The names over the edges, a blank either side so they read clearly.
        for (k, symbol) in symbols.enumerated() {
            let c = Self.cell(nodes[k])
            let w = DisplayWidth.of(symbol)
            let x = area.x + c.x - w / 2, y = area.y + c.y
            canvas.write(" " + symbol + " ", x: x - 1, y: y, style: .role(.title), clip: area)
        }
    }

    /// The legend: what colour and weight mean, and the threshold.
    static func legend(edge: Double, count: Int, of pairs: Int) -> TextLine {
        TextLine([
            Span("━ +", style: Style.role(.up)), Span("  "), Span("━ -", style: Style.role(.down)),
            Span("  ", style: .plain), Span("dim", style: Style.role(.dim)), Span(" <0.5 ", style: .role(.dim)),
            Span("bold", style: Style.role(.text).bold()), Span(" ≥0.7", style: .role(.dim)),
            Span("  \(count) of \(pairs) pairs |corr| ≥ \(NumberLabel.fixed(edge, decimals: 2))", style: .role(.dim)),
        ])
    }
}
