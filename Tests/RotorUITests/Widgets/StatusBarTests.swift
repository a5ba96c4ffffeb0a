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

    @Test func theLastRankedGoesFirstWhole() {
        #expect(Canvas.rendering(bar, width: 41, height: 1).lines() == [" LIVE 14:32:05  ES 5712.25 ▲0.4%  ? help"])
        #expect(Canvas.rendering(bar, width: 40, height: 1).lines() == [" LIVE 14:32:05  ES 5712.25 ▲0.4%"])
        #expect(Canvas.rendering(bar, width: 33, height: 1).lines() == [" LIVE 14:32:05  ES 5712.25 ▲0.4%"])
        // A later segment that fits still shows.
        #expect(Canvas.rendering(bar, width: 32, height: 1).lines() == [" LIVE 14:32:05           ? help"])
        #expect(Canvas.rendering(bar, width: 22, height: 1).lines() == [" LIVE 14:32:05"])
    }

    @Test func theFirstIsCutOnlyWhenNothingFits() {
        #expect(Canvas.rendering(bar, width: 15, height: 1).lines() == [" LIVE 14:32:05"])
        #expect(Canvas.rendering(bar, width: 12, height: 1).lines() == [" LIVE 14:3…"])
        #expect(Canvas.rendering(bar, width: 3, height: 1).lines() == [" …"])
    }

    /// A segment can take a little room early and more late: here the count before
    /// the date and the words after it.
    @Test func aSegmentGrowsAtItsLaterStage() {
        let staged = StatusBar(segments: [
            .init(Span("REPLAY"), rank: 0),
            .init(stages: [.init(rank: 1) { $0 >= 3 ? "⚑ 2" : nil },
                           .init(rank: 3) { $0 >= 17 ? "⚑ EXTREME · IV<RV" : nil }]),
            .init(Span("2025-04-08"), rank: 2),
        ])
        #expect(staged.placed(width: 40).map { $0?.spans.map(\.text).joined() } == ["REPLAY", "⚑ EXTREME · IV<RV", "2025-04-08"])
        #expect(Canvas.rendering(staged, width: 40, height: 1).lines() == [" REPLAY  ⚑ EXTREME · IV<RV  2025-04-08"])
        #expect(Canvas.rendering(staged, width: 38, height: 1).lines() == [" REPLAY  ⚑ 2  2025-04-08"])
        #expect(Canvas.rendering(staged, width: 15, height: 1).lines() == [" REPLAY  ⚑ 2"])
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
