/// A mouse button press or a wheel notch at a cell of the screen (0-based column
/// `x`, row `y`), decoded from the terminal by the backend. Releases and motion are
/// not reported: rotor acts on presses only.
public struct MouseEvent: Hashable, Sendable {
    public enum Button: Hashable, Sendable {
        case left, middle, right
        /// One notch of the wheel away from the user (up) or towards (down).
        case wheelUp, wheelDown
    }

    public var button: Button
    public var x: Int
    public var y: Int

    public init(_ button: Button, x: Int, y: Int) {
        self.button = button
        self.x = x
        self.y = y
    }
}

/// A left click on a pane, remembered so the next one can make a double click.
public struct Click: Equatable, Sendable {
    public var page: Int
    /// The pane's place on the page.
    public var place: Int
    /// Loop time of the click.
    public var at: Duration
}
