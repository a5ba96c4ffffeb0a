import Testing
@testable import RotorUI

@Suite struct StatusBarTests {
    private let bar = StatusBar(
        left: [Span("LIVE 14:32:05", style: .role(.up)), Span("ES 5712.25 ▲0.4%")],
        right: [Span("? help", style: .role(.dim))])

    @Test func leftAndRightWhenThereIsRoom() {
        let canvas = Canvas.rendering(bar, width: 50, height: 1)
        #expect(canvas.lines() == [" LIVE 14:32:05  ES 5712.25 ▲0.4%           ? help"])
        #expect(canvas.style(of: span(x: 1, y: 0, width: 13)) == .role(.up))
        #expect(canvas.style(of: span(x: 43, y: 0, width: 6)) == .role(.dim))
    }

    @Test func rightSideIsClippedFirstThenDropped() {
        #expect(Canvas.rendering(bar, width: 40, height: 1).lines() == [" LIVE 14:32:05  ES 5712.25 ▲0.4%  ? he…"])
        #expect(Canvas.rendering(bar, width: 36, height: 1).lines() == [" LIVE 14:32:05  ES 5712.25 ▲0.4%"])
    }

    @Test func leftSideIsClippedLast() {
        #expect(Canvas.rendering(bar, width: 20, height: 1).lines() == [" LIVE 14:32:05  ES…"])
        #expect(Canvas.rendering(bar, width: 3, height: 1).lines() == [" …"])
    }

    @Test func theRowStyleIsTheBaseOfEverySpan() {
        let styled = StatusBar(left: [Span("a"), Span("b", style: Style(foreground: .red))], right: [],
                               style: Style(foreground: .white, background: .blue, attributes: .bold))
        var canvas = Canvas(width: 8, height: 2)
        canvas.render(styled, area: Rect(x: 0, y: 1, width: 8, height: 1))
        #expect(canvas.lines() == ["", " a  b"])
        #expect(canvas[0, 1].style == Style(foreground: .white, background: .blue, attributes: .bold))
        #expect(canvas[7, 1].style == Style(foreground: .white, background: .blue, attributes: .bold))
        #expect(canvas[1, 1].style == Style(foreground: .white, background: .blue, attributes: .bold))
        #expect(canvas[4, 1].style == Style(foreground: .red, background: .blue, attributes: .bold))
        #expect(canvas[0, 0].style == .plain)
    }
}
