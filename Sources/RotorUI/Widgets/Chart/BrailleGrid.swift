/// A dot raster backed by braille cells: each terminal cell holds 2x4 dots (U+2800
/// plus a bit per dot), which gives a line chart four times the vertical resolution
/// of block characters while staying one column wide per cell. In ASCII mode each
/// cell becomes one mark at the height of its dots (`ASCIIFallback.braille`).
struct BrailleGrid {
    /// Size in cells; the dot raster is `2 * width` x `4 * height`.
    let width: Int
    let height: Int
    private(set) var bits: [UInt8]
    /// For each cell, the index of the last series that put a dot there (-1: none),
    /// which decides the cell's colour when lines cross.
    private(set) var owners: [Int]

    /// The bit of the dot at column `c` (0, 1) and row `r` (0...3) of a braille cell.
    private static let dotBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        bits = [UInt8](repeating: 0, count: self.width * self.height)
        owners = [Int](repeating: -1, count: self.width * self.height)
    }

    var dotColumns: Int { 2 * width }
    var dotRows: Int { 4 * height }

    /// Sets the dot at (dx, dy), counted from the top-left; dots outside are ignored.
    mutating func plot(_ dx: Int, _ dy: Int, owner: Int) {
        guard dx >= 0, dx < dotColumns, dy >= 0, dy < dotRows else { return }
        let i = (dy / 4) * width + dx / 2
        bits[i] |= BrailleGrid.dotBits[dx % 2][dy % 4]
        owners[i] = owner
    }

    /// Sets every dot on the straight segment between two dots (Bresenham), so a
    /// steep move between neighbouring days draws as a continuous stroke.
    mutating func line(from a: (x: Int, y: Int), to b: (x: Int, y: Int), owner: Int) {
        var (x, y) = a
        let dx = abs(b.x - a.x), dy = -abs(b.y - a.y)
        let sx = a.x < b.x ? 1 : -1, sy = a.y < b.y ? 1 : -1
        var error = dx + dy
        while true {
            plot(x, y, owner: owner)
            if x == b.x && y == b.y { return }
            let e2 = 2 * error
            if e2 >= dy { error += dy; x += sx }
            if e2 <= dx { error += dx; y += sy }
        }
    }

    /// The braille glyph of a cell (U+2800 when empty).
    func glyph(x: Int, y: Int) -> Character {
        BrailleGrid.glyph(bits[y * width + x])
    }

    func owner(x: Int, y: Int) -> Int { owners[y * width + x] }

    static func glyph(_ bits: UInt8) -> Character {
        Character(Unicode.Scalar(0x2800 + UInt32(bits))!)
    }
}
