import Testing
@testable import RotorUI

/// `DashboardLayout.arrange` for every count of panes a page can hold (1-9) at the
/// sizes the dashboard meets, down to the minimum: the panes cover the body exactly,
/// never overlap, read in key order, and every pane can be reached by moving.
@Suite struct PageLayoutTests {
    static let sizes = [(80, 24), (120, 40), (200, 60), (60, 16), (79, 30)]
    static let cases: [(count: Int, width: Int, height: Int)] = (1...Action.maxIndex).flatMap { count in
        sizes.map { (count, $0.0, $0.1) }
    }

    func rects(_ layout: DashboardLayout) -> [Int: Rect] {
        guard case let .panes(rects, _) = layout else { return [:] }
        return rects
    }

    @Test(arguments: cases)
    func panesTileTheBodyExactly(count: Int, width: Int, height: Int) {
        let layout = DashboardLayout.arrange(width: width, height: height, count: count)
        guard case let .panes(rects, statusBar) = layout else {
            Issue.record("\(count) panes at \(width)x\(height): too small")
            return
        }
        #expect(statusBar == Rect(x: 0, y: height - 1, width: width, height: 1))
        // One rectangle per place on the page, keyed 0..<count (the keys 1...count).
        #expect(Set(rects.keys) == Set(0..<count), "\(count) at \(width)x\(height): \(rects.keys.sorted())")
        let body = Rect(x: 0, y: 0, width: width, height: height - 1)
        for (place, rect) in rects {
            #expect(rect.intersection(body) == rect, "place \(place) \(rect) leaves the body at \(width)x\(height)")
        }
        for (a, ra) in rects {
            for (b, rb) in rects where a < b {
                #expect(ra.intersection(rb).isEmpty, "\(count) at \(width)x\(height): \(a) \(ra) overlaps \(b) \(rb)")
            }
        }
        // Inside the body and disjoint, so equal areas means no cell is left uncovered.
        #expect(rects.values.reduce(0) { $0 + $1.area } == body.area, "\(count) at \(width)x\(height)")
    }

    /// Every pane keeps room for its border and a line of content; from 80x24 up,
    /// room for a title, a reading and a chart row or two.
    @Test(arguments: cases)
    func everyPaneIsUsable(count: Int, width: Int, height: Int) {
        let (minWidth, minHeight) = width >= 80 && height >= 24 ? (20, 5) : (20, 3)
        for (place, rect) in rects(.arrange(width: width, height: height, count: count)) {
            #expect(rect.width >= minWidth && rect.height >= minHeight,
                    "\(count) at \(width)x\(height): place \(place) is \(rect)")
        }
    }

    /// The keys read like the screen: place n+1 is right of place n on the same row,
    /// or on a lower row.
    @Test(arguments: cases)
    func placesReadLeftToRightTopToBottom(count: Int, width: Int, height: Int) {
        let r = rects(.arrange(width: width, height: height, count: count))
        for place in 1..<max(1, count) {
            guard let before = r[place - 1], let this = r[place] else { continue }
            let sameRowRight = this.y == before.y && this.x >= before.maxX
            #expect(sameRowRight || this.y >= before.maxY, "\(count) at \(width)x\(height): \(place - 1) \(before), \(place) \(this)")
        }
    }

    /// With more than one pane, every pane has a neighbour, and moving from pane 1
    /// reaches every pane of the page (hjkl never strand one).
    @Test(arguments: cases.filter { $0.count > 1 })
    func everyPaneIsReachableByMoving(count: Int, width: Int, height: Int) {
        let layout = DashboardLayout.arrange(width: width, height: height, count: count)
        let directions: [DashboardLayout.Direction] = [.left, .right, .up, .down]
        for place in 0..<count {
            let neighbours = directions.compactMap { layout.neighbour(of: place, $0) }
            #expect(!neighbours.isEmpty, "\(count) at \(width)x\(height): place \(place) has no neighbour")
            #expect(neighbours.allSatisfy { (0..<count).contains($0) && $0 != place })
        }
        var reached: Set<Int> = [0]
        var frontier = [0]
        while let place = frontier.popLast() {
            for next in directions.compactMap({ layout.neighbour(of: place, $0) }) where reached.insert(next).inserted {
                frontier.append(next)
            }
        }
        #expect(reached == Set(0..<count), "\(count) at \(width)x\(height): reached \(reached.sorted())")
    }

    /// Five panes are the built-in page, laid out exactly as before pages existed
    /// (its rectangles are DashboardLayoutTests' and the golden screens').
    @Test(arguments: sizes)
    func fiveIsTheBuiltInPage(width: Int, height: Int) {
        #expect(DashboardLayout.arrange(width: width, height: height, count: 5) == .arrange(width: width, height: height))
    }

    @Test func wideRowsTakeTheOddPaneBelow() {
        #expect((1...9).map(DashboardLayout.rowsWhenWide) == [[1], [2], [1, 2], [2, 2], [2, 3], [3, 3], [3, 4], [4, 4], [3, 3, 3]])
        #expect((1...9).map(DashboardLayout.rowsWhenNarrow) == [[1], [1, 1], [1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1, 1],
                                                               [2, 2, 2], [2, 2, 2, 1], [2, 2, 2, 2], [2, 2, 2, 2, 1]])
    }

    /// A zoomed pane has the body alone, whatever the page's count.
    @Test(arguments: 1...Action.maxIndex)
    func zoomIsTheBodyForAnyCount(count: Int) {
        for place in 0..<count {
            #expect(DashboardLayout.arrange(width: 80, height: 24, count: count, zoomed: place)
                == .panes([place: Rect(x: 0, y: 0, width: 80, height: 23)], statusBar: Rect(x: 0, y: 23, width: 80, height: 1)))
        }
    }

    @Test func belowTheMinimumForAnyCount() {
        for count in 1...Action.maxIndex {
            #expect(DashboardLayout.arrange(width: 59, height: 24, count: count) == .tooSmall(message: "terminal too small (need 60x16)"))
            #expect(DashboardLayout.arrange(width: 80, height: 15, count: count) == .tooSmall(message: "terminal too small (need 60x16)"))
        }
    }
}
