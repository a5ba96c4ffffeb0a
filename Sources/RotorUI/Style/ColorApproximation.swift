/// Nearest-colour maps from 24-bit and 256-index colours down to what a terminal of a
/// lower `ColorDepth` can show, so one theme works everywhere.
enum ColorApproximation {
    /// The channel levels of the 6x6x6 cube at indices 16...231.
    private static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// xterm's values for the eight basic colours (and, brightened, 8...15).
    private static let basicRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
    ]

    /// The 256-palette entry nearest to an RGB colour: the best of the cube and the
    /// grey ramp (232...255), by squared distance.
    static func index256(r: UInt8, g: UInt8, b: UInt8) -> UInt8 {
        let (ri, gi, bi) = (nearestLevel(Int(r)), nearestLevel(Int(g)), nearestLevel(Int(b)))
        let cube = (cubeLevels[ri], cubeLevels[gi], cubeLevels[bi])
        let cubeIndex = 16 + 36 * ri + 6 * gi + bi
        let mean = (Int(r) + Int(g) + Int(b)) / 3
        let greyStep = min(23, max(0, (mean - 8 + 5) / 10))
        let greyLevel = 8 + 10 * greyStep
        let target = (Int(r), Int(g), Int(b))
        let cubeDistance = distance(cube, target)
        let greyDistance = distance((greyLevel, greyLevel, greyLevel), target)
        return UInt8(greyDistance < cubeDistance ? 232 + greyStep : cubeIndex)
    }

    /// The basic colour (0...7) that best stands for an RGB colour. Distance in RGB
    /// would send mid greys to yellow, so greys (channels within a quarter of the
    /// brightest) become black or white, split where xterm's bright black sits; other
    /// colours keep each channel that reaches half the brightest one (orange -> yellow,
    /// navy -> blue), and only near-black ones become black.
    static func basicIndex(r: UInt8, g: UInt8, b: UInt8) -> Int {
        let (ri, gi, bi) = (Int(r), Int(g), Int(b))
        let brightest = max(ri, gi, bi), darkest = min(ri, gi, bi)
        if brightest < 32 { return 0 }
        let grey = brightest < 115 ? 0 : 7
        if (brightest - darkest) * 4 <= brightest { return grey }
        let bit = { (channel: Int) in channel * 2 >= brightest ? 1 : 0 }
        let index = bit(ri) | bit(gi) << 1 | bit(bi) << 2
        return index == 7 ? grey : index
    }

    /// The basic colour (0...7) for a 256-palette index: the 16 system colours fold
    /// onto their non-bright versions, the rest go through their RGB value.
    static func basicIndex(fromIndexed index: UInt8) -> Int {
        if index < 16 { return Int(index % 8) }
        let (r, g, b) = rgb(ofIndexed: index)
        return basicIndex(r: r, g: g, b: b)
    }

    /// The RGB value xterm shows for a 256-palette index.
    static func rgb(ofIndexed index: UInt8) -> (UInt8, UInt8, UInt8) {
        let i = Int(index)
        switch i {
        case 0..<8:
            let c = basicRGB[i]
            return (UInt8(c.0), UInt8(c.1), UInt8(c.2))
        case 8..<16:
            let c = basicRGB[i - 8]
            return (UInt8(min(255, c.0 + 50)), UInt8(min(255, c.1 + 50)), UInt8(min(255, c.2 + 50)))
        case 16..<232:
            let n = i - 16
            return (UInt8(cubeLevels[n / 36]), UInt8(cubeLevels[(n / 6) % 6]), UInt8(cubeLevels[n % 6]))
        default:
            let level = UInt8(8 + 10 * (i - 232))
            return (level, level, level)
        }
    }

    private static func nearestLevel(_ v: Int) -> Int {
        var best = 0
        for (i, level) in cubeLevels.enumerated() where abs(level - v) < abs(cubeLevels[best] - v) {
            best = i
        }
        return best
    }

    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let (dr, dg, db) = (a.0 - b.0, a.1 - b.1, a.2 - b.2)
        return dr * dr + dg * dg + db * db
    }
}

extension Color {
    /// This colour as a terminal of `depth` can show it: RGB becomes the nearest
    /// 256-palette index or basic colour, an index becomes a basic colour, and with no
    /// colour at all everything is `.default`. Roles must be resolved by a `Palette`
    /// first; an unresolved role comes back as `.default`. Shared by the escape-sequence
    /// output and the ncurses backend, so both show a theme the same way.
    public func approximated(for depth: ColorDepth) -> Color {
        switch (self, depth) {
        case (.role, _), (_, .none):
            return .default
        case (.rgb(let r, let g, let b), .indexed256):
            return .indexed(ColorApproximation.index256(r: r, g: g, b: b))
        case (.rgb(let r, let g, let b), .basic8):
            return Color.basic[ColorApproximation.basicIndex(r: r, g: g, b: b)]
        case (.indexed(let n), .basic8):
            return Color.basic[ColorApproximation.basicIndex(fromIndexed: n)]
        default:
            return self
        }
    }
}

extension Style {
    /// The style as a terminal of `depth` shows it: colours approximated, and without
    /// colour only the attributes that do not need it (bold, reverse, underline).
    public func approximated(for depth: ColorDepth) -> Style {
        Style(foreground: foreground.approximated(for: depth), background: background.approximated(for: depth),
              attributes: depth == .none ? attributes.intersection(.colorless) : attributes)
    }
}
