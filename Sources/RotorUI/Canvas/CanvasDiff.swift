/// One cell the terminal must rewrite to turn the previous frame into this one.
public struct CellChange: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var cell: Cell

    public init(x: Int, y: Int, cell: Cell) {
        self.x = x
        self.y = y
        self.cell = cell
    }
}

extension Canvas {
    /// The cells that differ from `previous`, in row order, so the backend writes only
    /// those (an unchanged frame writes nothing). Continuation cells are left out: the
    /// terminal fills them when it draws the wide glyph to their left, which is
    /// reported instead if only its right half changed. A canvas of a different size
    /// (after a resize) differs everywhere.
    public func diff(previous: Canvas) -> [CellChange] {
        var changes: [CellChange] = []
        let sameSize = previous.width == width && previous.height == height
        for i in cells.indices {
            let cell = cells[i]
            if sameSize, previous.cells[i] == cell { continue }
            if cell.isContinuation {
                let head = i - 1
                let headReported = changes.last.map { $0.y * width + $0.x == head } ?? false
                if head >= 0, !headReported {
                    changes.append(CellChange(x: head % width, y: head / width, cell: cells[head]))
                }
                continue
            }
            changes.append(CellChange(x: i % width, y: i / width, cell: cell))
        }
        return changes
    }
}
