import Testing
@testable import RotorUI

@Suite struct RectTests {
    let screen = Rect(x: 0, y: 0, width: 80, height: 24)

    @Test func intersectionAndInsets() {
        let a = Rect(x: 2, y: 2, width: 10, height: 5)
        #expect(a.intersection(Rect(x: 8, y: 0, width: 10, height: 4)) == Rect(x: 8, y: 2, width: 4, height: 2))
        #expect(a.intersection(Rect(x: 20, y: 20, width: 3, height: 3)).isEmpty)
        #expect(a.inset(by: 1) == Rect(x: 3, y: 3, width: 8, height: 3))
        #expect(a.inset(top: 1, left: 2) == Rect(x: 4, y: 3, width: 8, height: 4))
        #expect(Rect(x: 0, y: 0, width: 1, height: 1).inset(by: 1).isEmpty)
        #expect(Rect(x: 0, y: 0, width: -3, height: 2).width == 0)
        #expect(a.contains(x: 11, y: 6) && !a.contains(x: 12, y: 6))
    }

    @Test func centredRectanglesClampToTheContainer() {
        #expect(screen.centered(width: 20, height: 5) == Rect(x: 30, y: 9, width: 20, height: 5))
        #expect(screen.centered(width: 21, height: 4) == Rect(x: 29, y: 10, width: 21, height: 4))
        #expect(screen.centered(width: 200, height: 50) == screen)
    }

    @Test func rowsByFixedSizesAndFill() {
        let parts = screen.rows([.fill, .fixed(1)])
        #expect(parts == [Rect(x: 0, y: 0, width: 80, height: 23), Rect(x: 0, y: 23, width: 80, height: 1)])
    }

    @Test func columnsByRatioAndWeightedFill() {
        #expect(screen.columns([.ratio(1, 2), .fill]).map(\.width) == [40, 40])
        #expect(screen.columns([.fill(1), .fill(1), .fill(1)]).map(\.width) == [27, 27, 26])
        #expect(screen.columns([.fill(1), .fill(1), .fill(1)]).map(\.x) == [0, 27, 54])
        #expect(screen.columns([.fixed(10), .fill(3), .fill(1)]).map(\.width) == [10, 53, 17])
    }

    @Test func spacingIsLeftBetweenParts() {
        let parts = Rect(x: 5, y: 0, width: 21, height: 3).columns([.fill, .fill], spacing: 1)
        #expect(parts == [Rect(x: 5, y: 0, width: 10, height: 3), Rect(x: 16, y: 0, width: 10, height: 3)])
    }

    @Test func tooLittleSpaceShrinksLaterPartsToNothing() {
        let parts = Rect(x: 0, y: 0, width: 10, height: 5).rows([.fixed(3), .fixed(4), .fill])
        #expect(parts.map(\.height) == [3, 2, 0])
        #expect(parts.map(\.y) == [0, 3, 5])
    }

    @Test func withoutFillTheRemainderStaysUnused() {
        #expect(screen.columns([.fixed(30), .ratio(1, 4)]).map(\.width) == [30, 20])
    }
}
