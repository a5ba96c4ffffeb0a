@testable import RotorUI

/// The built-in panes' places on page 1, by name, so the tests read as the screen does.
extension Int {
    static let rotation = 0, mag7 = 1, volPremium = 2, breadth = 3, rates = 4
    static let standardPlaces = Array(0..<5)
}

extension AppState {
    /// The zoomed pane's place, if zoomed.
    var zoomedPane: Int? { zoomed ? focus : nil }
}
