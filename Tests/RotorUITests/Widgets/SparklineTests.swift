import Testing
@testable import RotorUI

@Suite struct SparklineTests {
    @Test func eightLevelsFromMinToMax() {
        #expect(Sparkline.glyphs([1, 2, 3, 4, 5, 6, 7, 8], width: 8) == "▁▂▃▄▅▆▇█")
        #expect(Sparkline.glyphs([10, 0, 5], width: 8) == "█▁▅")
    }

    @Test func onlyTheLastValuesThatFitAreShownAndRescaled() {
        // [5, 6, 7, 8] spans 0...7 levels: 0, 2.33, 4.67, 7.
        #expect(Sparkline.glyphs([1, 2, 3, 4, 5, 6, 7, 8], width: 4) == "▁▃▆█")
    }

    @Test func constantDataGapsAndEmptyInput() {
        #expect(Sparkline.glyphs([3, 3, 3], width: 5) == "▄▄▄")
        #expect(Sparkline.glyphs([1, nil, 3, .nan], width: 5) == "▁ █ ")
        #expect(Sparkline.glyphs([nil, nil], width: 5) == "  ")
        #expect(Sparkline.glyphs([Double](), width: 5) == "")
        #expect(Sparkline.glyphs([1, 2], width: 0) == "")
    }

    @Test func rendersOnTheFirstRowOfItsArea() {
        var canvas = Canvas(width: 8, height: 3)
        canvas.render(Sparkline([4, 1, 2, 8, 3], style: .role(.up)), area: Rect(x: 2, y: 1, width: 3, height: 2))
        #expect(canvas.lines() == ["", "  ▁█▂", ""])
        #expect(canvas.style(of: span(x: 2, y: 1, width: 3)) == .role(.up))
    }
}
