import Testing
@testable import RotorUI

@Suite struct DashboardLayoutTests {
    func panes(_ layout: DashboardLayout) -> [Int: Rect] {
        guard case let .panes(rects, _) = layout else { return [:] }
        return rects
    }

    @Test func wideTerminalHasTwoRows() {
        let layout = DashboardLayout.arrange(width: 120, height: 40)
        guard case let .panes(rects, statusBar) = layout else { Issue.record("too small"); return }
        #expect(statusBar == Rect(x: 0, y: 39, width: 120, height: 1))
        #expect(rects[.rotation] == Rect(x: 0, y: 0, width: 60, height: 20))
        #expect(rects[.mag7] == Rect(x: 60, y: 0, width: 60, height: 20))
        #expect(rects[.volPremium] == Rect(x: 0, y: 20, width: 40, height: 19))
        #expect(rects[.breadth] == Rect(x: 40, y: 20, width: 40, height: 19))
        #expect(rects[.rates] == Rect(x: 80, y: 20, width: 40, height: 19))
    }

    @Test(arguments: [(80, 24), (120, 40), (200, 60), (70, 20), (60, 16), (79, 30), (80, 30)])
    func panesTileTheScreenWithoutOverlap(width: Int, height: Int) {
        let rects = panes(.arrange(width: width, height: height))
        #expect(rects.count == 5)
        #expect(rects.values.reduce(0) { $0 + $1.area } == width * (height - 1))
        for (a, ra) in rects {
            #expect(ra.maxX <= width && ra.maxY <= height - 1)
            for (b, rb) in rects where a < b { #expect(ra.intersection(rb).isEmpty) }
        }
    }

    @Test func narrowTerminalStacksOneColumn() {
        let rects = panes(.arrange(width: 79, height: 24))
        #expect(Int.standardPlaces.map { rects[$0]!.x } == [0, 0, 0, 0, 0])
        #expect(Int.standardPlaces.map { rects[$0]!.width } == [79, 79, 79, 79, 79])
        #expect(Int.standardPlaces.map { rects[$0]!.y } == Int.standardPlaces.map { rects[$0]!.y }.sorted())
    }

    @Test func belowTheMinimumSaysSo() {
        #expect(DashboardLayout.arrange(width: 40, height: 10) == .tooSmall(message: "terminal too small (need 60x16)"))
        #expect(DashboardLayout.arrange(width: 59, height: 40) == .tooSmall(message: "terminal too small (need 60x16)"))
        #expect(DashboardLayout.arrange(width: 120, height: 15) == .tooSmall(message: "terminal too small (need 60x16)"))
    }

    @Test func zoomGivesOnePaneTheBody() {
        #expect(DashboardLayout.arrange(width: 120, height: 40, zoomed: .breadth)
            == .panes([.breadth: Rect(x: 0, y: 0, width: 120, height: 39)], statusBar: Rect(x: 0, y: 39, width: 120, height: 1)))
    }

    @Test func neighboursFollowTheScreen() {
        let wide = DashboardLayout.arrange(width: 120, height: 40)
        #expect(wide.neighbour(of: .rotation, .right) == .mag7)
        #expect(wide.neighbour(of: .rotation, .left) == nil)
        #expect(wide.neighbour(of: .rotation, .down) == .volPremium)
        #expect(wide.neighbour(of: .mag7, .down) == .rates)
        #expect(wide.neighbour(of: .breadth, .up) == .rotation)
        #expect(wide.neighbour(of: .breadth, .right) == .rates)
        #expect(wide.neighbour(of: .rates, .right) == nil)
        let narrow = DashboardLayout.arrange(width: 70, height: 40)
        #expect(narrow.neighbour(of: .mag7, .down) == .volPremium)
        #expect(narrow.neighbour(of: .mag7, .up) == .rotation)
        #expect(narrow.neighbour(of: .mag7, .right) == nil)
    }
}
