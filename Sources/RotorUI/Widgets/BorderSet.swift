/// The six glyphs of a rectangular border.
public struct BorderSet: Hashable, Sendable {
    public var topLeft, topRight, bottomLeft, bottomRight, horizontal, vertical: Character

    public init(topLeft: Character, topRight: Character, bottomLeft: Character, bottomRight: Character,
                horizontal: Character, vertical: Character) {
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
        self.horizontal = horizontal
        self.vertical = vertical
    }

    /// `┌─┐│└┘`: every pane at rest.
    public static let single = BorderSet(topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
                                         horizontal: "─", vertical: "│")
    /// `┏━┓┃┗┛`: the focused pane, visible without colour.
    public static let heavy = BorderSet(topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛",
                                        horizontal: "━", vertical: "┃")
    /// `╔═╗║╚╝`: an alternative focus look for themes that prefer it.
    public static let double = BorderSet(topLeft: "╔", topRight: "╗", bottomLeft: "╚", bottomRight: "╝",
                                         horizontal: "═", vertical: "║")
}
