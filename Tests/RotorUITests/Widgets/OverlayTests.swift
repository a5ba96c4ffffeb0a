import Testing
@testable import RotorUI

@Suite struct OverlayTests {
    private func background(width: Int, height: Int) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        canvas.fill(canvas.area, with: "x")
        return canvas
    }

    @Test func centredOverWhatIsBeneathAndClearsIt() {
        var canvas = background(width: 20, height: 7)
        canvas.render(Overlay(title: "Help", lines: ["q quit", TextLine([Span("?", style: .role(.title)), " help"])]))
        #expect(canvas.lines() == [
            "xxxxxxxxxxxxxxxxxxxx",
            "xxxxx┏ Help ━━┓xxxxx",
            "xxxxx┃ q quit ┃xxxxx",
            "xxxxx┃ ? help ┃xxxxx",
            "xxxxx┗━━━━━━━━┛xxxxx",
            "xxxxxxxxxxxxxxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxx",
        ])
        #expect(canvas.style(of: span(x: 5, y: 4, width: 10)) == .role(.focusBorder))
        #expect(canvas[7, 3].style == .role(.title))
        #expect(canvas[8, 3].style == .plain)
        #expect(Overlay(title: "Help", lines: ["q quit"]).frame(in: canvas.area)
            == Rect(x: 5, y: 2, width: 10, height: 3))
    }

    @Test func aWideTitleWidensTheBox() {
        let overlay = Overlay(title: "Error in feed", lines: ["x"], isWarning: true)
        let canvas = Canvas.rendering(overlay, width: 19, height: 3)
        #expect(canvas.lines() == [
            "┏ Error in feed ┓",
            "┃ x             ┃",
            "┗━━━━━━━━━━━━━━━┛",
        ].map { " " + $0 })
        #expect(canvas.style(of: span(x: 1, y: 1, width: 1)) == .role(.warn))
    }

    @Test func clippedToASmallScreen() {
        let overlay = Overlay(title: "Help", lines: ["q quit", "? help", "z zoom"])
        #expect(Canvas.rendering(overlay, width: 8, height: 4).lines() == [
            "┏ Help ┓",
            "┃ q q… ┃",
            "┃ …    ┃",
            "┗━━━━━━┛",
        ])
        #expect(Canvas.rendering(overlay, width: 8, height: 5).lines() == [
            "┏ Help ┓",
            "┃ q q… ┃",
            "┃ ? h… ┃",
            "┃ z z… ┃",
            "┗━━━━━━┛",
        ])
    }
}
