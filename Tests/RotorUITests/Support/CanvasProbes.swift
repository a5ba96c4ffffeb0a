@testable import RotorUI

/// Small helpers that keep golden tests about what is on screen, not how to get it.
extension Canvas {
    /// A fresh canvas with `widget` rendered over all of it.
    static func rendering(_ widget: some Widget, width: Int, height: Int) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        canvas.render(widget)
        return canvas
    }

    /// The distinct styles of the cells in `rect`, continuation halves included.
    func styles(in rect: Rect) -> Set<Style> {
        var found: Set<Style> = []
        let r = rect.intersection(area)
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { found.insert(self[x, y].style) }
        }
        return found
    }

    /// The style of the cells in `rect` when they all share one, else nil.
    func style(of rect: Rect) -> Style? {
        let found = styles(in: rect)
        return found.count == 1 ? found.first : nil
    }

    /// The text of row `y`, columns `x..<x+width`, untrimmed (continuations left out).
    func text(x: Int, y: Int, width: Int) -> String {
        var result = ""
        for column in x..<(x + width) where !self[column, y].isContinuation {
            result.append(self[column, y].symbol)
        }
        return result
    }
}

/// A one-row rectangle, for probing labels.
func span(x: Int, y: Int, width: Int) -> Rect { Rect(x: x, y: y, width: width, height: 1) }
