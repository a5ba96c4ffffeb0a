import Testing
@testable import RotorUI

/// Pages as `update` sees them: the page keys (`}` `{` PgDn PgUp F1-F9), the focus
/// and view keys on a page of any size, and the help that follows the PaneSet.
@Suite struct PagesTests {
    /// A user pane with `views` views and nothing to read: the keys do not need data.
    static func pane(_ name: String, views: Int = 1) -> PaneSpec {
        PaneSpec(name: name, title: name.uppercased(), views: Array(repeating: PaneSpec.View(), count: views),
                 viewsName: views > 1 ? "\(name) view" : nil)
    }

    /// The five built-ins of page 1 alone (the later built-in pages left out), so
    /// the fixtures below keep one page of built-ins whatever later pages hold.
    static let firstPage = Array(PaneRegistry.builtins().prefix(PaneRegistry.builtinPageSizes[0]))
    /// Page 1's built-ins as one page: the page keys have nowhere to go.
    static let onePage = PaneSet(firstPage, builtinPageSizes: [firstPage.count])
    /// Built-ins on page 1, three user panes on page 2 (the second with two views).
    static let twoPages = PaneSet(firstPage + [pane("zn"), pane("curve", views: 2), pane("gold")],
                                  builtinPageSizes: [firstPage.count])
    /// Built-ins on page 1, nine user panes on page 2, two on page 3.
    static let threePages = PaneSet(firstPage + (1...11).map { pane("p\($0)") }, builtinPageSizes: [firstPage.count])

    func run(_ keys: [Key], on panes: PaneSet, from configure: (inout AppState) -> Void = { _ in }) -> AppState {
        var s = AppState(width: 120, height: 40, panes: panes)
        configure(&s)
        for key in keys { _ = update(&s, .key(key)) }
        return s
    }

    /// The name of the focused pane, which is what the screen shows as focused.
    func focused(_ s: AppState) -> String? { s.focusedPane.map { s.panes.panes[$0].name } }

    @Test func defaultPagesAreBuiltinsThenUserPanesNineToAPage() {
        #expect(Self.twoPages.pages == [[0, 1, 2, 3, 4], [5, 6, 7]])
        #expect(Self.threePages.pages == [[0, 1, 2, 3, 4], Array(5...13), [14, 15]])
        #expect(Self.onePage.pages == [[0, 1, 2, 3, 4]] && Self.onePage.largestPage == 5)
        #expect(Self.threePages.largestPage == 9)
        // By default the built-ins keep their registry pages (the five originals,
        // then network and positioning) and a config's own panes start on page 3.
        #expect(PaneSet.standard.pages == [[0, 1, 2, 3, 4], [5, 6]] && PaneSet.standard.largestPage == 5)
        #expect(PaneSet.standard.panes.map(\.name) == ["rotation", "mag7", "vol", "breadth", "rates", "network", "positioning"])
        let user = PaneSet(PaneRegistry.builtins() + [Self.pane("zn"), Self.pane("curve")])
        #expect(user.pages == [[0, 1, 2, 3, 4], [5, 6], [7, 8]])
        let many = PaneSet(PaneRegistry.builtins() + (1...11).map { Self.pane("p\($0)") })
        #expect(many.pages == [[0, 1, 2, 3, 4], [5, 6], Array(7...15), [16, 17]])
    }

    /// `[[pages]]` places panes; the unplaced ones follow, built-ins before user panes.
    @Test func placedPagesComeFirstAndTheRestFollow() {
        let set = PaneSet(PaneRegistry.builtins() + [Self.pane("zn"), Self.pane("curve")],
                          placed: [["zn", "Rotation"], ["rates"]])
        #expect(set.pages == [[7, 0], [4], [1, 2, 3], [5, 6], [8]])
    }

    @Test func nextAndPreviousPageWrap() {
        for key in [Key.character("}"), .pageDown] {
            #expect(run([key], on: Self.twoPages).page == 1)
            #expect(run([key, key], on: Self.twoPages).page == 0)
            #expect(run([key, key], on: Self.threePages).page == 2)
            #expect(run([key, key, key], on: Self.threePages).page == 0)
        }
        for key in [Key.character("{"), .pageUp] {
            #expect(run([key], on: Self.twoPages).page == 1)
            #expect(run([key], on: Self.threePages).page == 2)
            #expect(run([key, key], on: Self.threePages).page == 1)
            #expect(run([key, key, key], on: Self.threePages).page == 0)
        }
        #expect(run([.character("}"), .character("}"), .character("{")], on: Self.threePages).page == 1)
        #expect(run([.pageDown, .pageUp], on: Self.twoPages).page == 0)
    }

    @Test func functionKeysGoToAPageAndOutOfRangeOnesDoNothing() {
        #expect(run([.function(2)], on: Self.twoPages).page == 1)
        #expect(run([.function(3)], on: Self.threePages).page == 2)
        #expect(run([.function(3), .function(1)], on: Self.threePages).page == 0)
        let before = run([.function(2), .character("3"), .enter], on: Self.twoPages)
        #expect(before.page == 1 && before.focus == 2 && before.zoomed)
        for n in 3...9 {
            #expect(run([.function(n)], on: Self.twoPages) { $0 = before } == before, "F\(n) on two pages")
        }
        for n in 4...9 { #expect(run([.function(n)], on: Self.threePages).page == 0, "F\(n) on three pages") }
        // On one page, the page keys change nothing at all.
        let zoomed = run([.character("4"), .enter], on: Self.onePage)
        for key in [Key.character("}"), .character("{"), .pageDown, .pageUp, .function(1), .function(2)] {
            #expect(run([key], on: Self.onePage) { $0 = zoomed } == zoomed, "\(key) on one page")
        }
        // The default set has the built-ins' two pages: F2 turns to network's page.
        let builtinPage2 = run([.function(2)], on: .standard)
        #expect(builtinPage2.page == 1 && focused(builtinPage2) == "network")
        #expect(run([.function(3)], on: .standard).page == 0)
    }

    @Test func turningAPageUnzoomsAndFocusesItsFirstPane() {
        for key in [Key.character("}"), .character("{"), .pageDown, .pageUp, .function(2)] {
            let s = run([.character("4"), .enter, key], on: Self.twoPages)
            #expect(s.page == 1 && s.focus == 0 && !s.zoomed, "\(key)")
            #expect(focused(s) == "zn")
        }
        let back = run([.function(2), .character("3"), .character("z"), .function(1)], on: Self.threePages)
        #expect(back.page == 0 && back.focus == 0 && !back.zoomed && focused(back) == "rotation")
        // The page's own key while on it is not a turn: zoom and focus stay.
        let stay = run([.function(2), .character("2"), .enter, .function(2)], on: Self.twoPages)
        #expect(stay.page == 1 && stay.focus == 1 && stay.zoomed)
    }

    @Test func focusKeysBeyondThePageDoNothing() {
        let page2 = run([.function(2)], on: Self.twoPages)
        #expect(focused(run([.character("3")], on: Self.twoPages) { $0 = page2 }) == "gold")
        for n in 4...9 {
            let s = run([.character("2"), .character(Character(String(n)))], on: Self.twoPages) { $0 = page2 }
            #expect(s.focus == 1 && focused(s) == "curve", "key \(n) on a page of three")
        }
        // A page of nine: every digit focuses.
        for n in 1...9 {
            #expect(run([.function(2), .character(Character(String(n)))], on: Self.threePages).focus == n - 1)
        }
        // Page 3 has two.
        #expect(run([.function(3), .character("2"), .character("3")], on: Self.threePages).focus == 1)
        // Tab cycles the page's panes only.
        #expect(run([.function(2), .tab, .tab, .tab], on: Self.twoPages).focus == 0)
        #expect(run([.function(2), .backTab], on: Self.twoPages).focus == 2)
        #expect(run([.function(3), .tab, .tab], on: Self.threePages).focus == 0)
    }

    /// Moving by direction follows the page's own layout (three panes: one on top,
    /// two below at 120x40).
    @Test func movingFollowsThePagesLayout() {
        let s = run([.function(2)], on: Self.twoPages)
        #expect(run([.character("j")], on: Self.twoPages) { $0 = s }.focus == 1)
        #expect(run([.character("j"), .character("l")], on: Self.twoPages) { $0 = s }.focus == 2)
        #expect(run([.character("l")], on: Self.twoPages) { $0 = s }.focus == 0)
        #expect(run([.character("j"), .character("l"), .character("k")], on: Self.twoPages) { $0 = s }.focus == 0)
    }

    @Test func vCountsOnlyForAPaneWithMoreThanOneView() {
        // curve has two views: v counts for it, by name, and the count survives a page turn.
        let curve = run([.function(2), .character("2"), .character("v")], on: Self.twoPages)
        #expect(curve.views == ["curve": 1])
        #expect(run([.character("v"), .character("}"), .character("}")], on: Self.twoPages) { $0 = curve }.views == ["curve": 2])
        // zn and gold have one: v does nothing.
        for place in ["1", "3"] {
            #expect(run([.function(2), .character(Character(place)), .character("v")], on: Self.twoPages).views.isEmpty)
        }
        // On page 1 the vol pane still cycles its pairs, and rotation its charted pair.
        #expect(run([.character("3"), .character("v")], on: Self.twoPages).views == ["vol": 1])
        #expect(run([.character("v")], on: Self.twoPages).views == ["rotation": 1])
        // Mag7 switches its chart (MAG7/SPX, implied against realized correlation);
        // breadth has one view: v does nothing.
        #expect(run([.character("2"), .character("v")], on: Self.twoPages).views == ["mag7": 1])
        #expect(run([.character("4"), .character("v")], on: Self.twoPages).views.isEmpty)
        // The view index wraps to the pane's views: the key only counts up.
        let twice = run([.character("v"), .character("v")], on: Self.twoPages) { $0 = curve }
        #expect(twice.view(of: 6) == 3 && Self.pane("curve", views: 2).view(3).readings.isEmpty)
    }

    @Test func helpShowsPageKeysOnlyWithSeveralPages() {
        let one = KeyMap.standard.helpLines(for: Self.onePage)
        #expect(!one.contains { $0.contains("page") })
        #expect(Self.onePage.helpSection == nil)
        // The built-ins alone now fill two pages.
        let standard = KeyMap.standard.helpLines(for: .standard)
        #expect(standard.contains { $0.hasPrefix("F2 ") && $0.hasSuffix("page 2") })
        #expect(!standard.contains { $0.hasPrefix("F3 ") })

        let two = KeyMap.standard.helpLines(for: Self.twoPages)
        #expect(two.contains { $0.hasPrefix("} PgDn ") && $0.hasSuffix("next page") })
        #expect(two.contains { $0.hasPrefix("{ PgUp ") && $0.hasSuffix("previous page") })
        #expect(two.contains { $0.hasPrefix("F1 ") && $0.hasSuffix("page 1") })
        #expect(two.contains { $0.hasPrefix("F2 ") && $0.hasSuffix("page 2") })
        #expect(!two.contains { $0.hasPrefix("F3 ") })

        let three = KeyMap.standard.helpLines(for: Self.threePages)
        #expect(three.contains { $0.hasPrefix("F3 ") && $0.hasSuffix("page 3") })
        #expect(!three.contains { $0.hasPrefix("F4 ") })
    }

    @Test func helpShowsFocusKeysUpToTheLargestPage() {
        func focusKeys(_ set: PaneSet) -> [String] {
            KeyMap.standard.helpLines(for: set).filter { $0.contains("focus pane ") }.map { String($0.prefix(1)) }
        }
        #expect(focusKeys(Self.onePage) == ["1", "2", "3", "4", "5"])
        #expect(focusKeys(.standard) == ["1", "2", "3", "4", "5"])
        #expect(focusKeys(Self.twoPages) == ["1", "2", "3", "4", "5"])
        #expect(focusKeys(Self.threePages) == ["1", "2", "3", "4", "5", "6", "7", "8", "9"])
        // A lone page of two user panes (the built-ins placed nowhere would follow it).
        let small = PaneSet([Self.pane("a"), Self.pane("b")], builtinPageSizes: [])
        #expect(focusKeys(small) == ["1", "2"])
    }

    /// With several pages the help lists each page's panes: key, title, name.
    @Test func helpListsThePagesAndTheirPanes() {
        let section = Self.twoPages.helpSection
        #expect(section?.title == "pages")
        #expect(section?.entries == [
            .init("page 1", "1 RTY/ES (rotation) · 2 MAG7 vs SPX (mag7) · 3 VOL PREMIUM (vol) · 4 BREADTH (breadth) · 5 RATES x EQUITIES (rates)"),
            .init("page 2", "1 ZN (zn) · 2 CURVE (curve) · 3 GOLD (gold)"),
        ])
        // The default set lists the built-ins' second page.
        #expect(PaneSet.standard.helpSection?.entries.last == .init("page 2", "1 NETWORK (network) · 2 POSITIONING (positioning)"))
    }

    /// The help's view line names the panes that have views, the user's included.
    @Test func helpNamesEveryPaneWithViews() {
        let line = KeyMap.standard.helpLines(for: Self.twoPages).first { $0.hasPrefix("v ") }
        #expect(line?.hasSuffix("next view of the focused pane (RTY/ES, MAG7 vs SPX, VOL PREMIUM, CURVE)") == true, "\(line ?? "none")")
        let builtin = KeyMap.standard.helpLines(for: .standard).first { $0.hasPrefix("v ") }
        #expect(builtin?.hasSuffix("(RTY/ES, MAG7 vs SPX, VOL PREMIUM, NETWORK)") == true, "\(builtin ?? "none")")
        let none = PaneSet([Self.pane("a")], builtinPageSizes: [])
        #expect(!KeyMap.standard.helpLines(for: none).contains { $0.hasPrefix("v ") })
    }

    /// A page key remapped in `[keys]` moves; the help shows the new key.
    @Test func remappedPageKeys() {
        var s = AppState(width: 120, height: 40, panes: Self.twoPages)
        s.keys = KeyMap.standard.rebinding([.nextPage: [.character("n")], .page(2): [.function(10)]])
        var t = s
        _ = update(&t, .key(.character("n")))
        #expect(t.page == 1)
        t = s
        _ = update(&t, .key(.character("}")))
        #expect(t.page == 0)
        t = s
        _ = update(&t, .key(.function(10)))
        #expect(t.page == 1)
        #expect(s.keys.helpLines(for: s.panes).contains { $0.hasPrefix("n ") && $0.hasSuffix("next page") })
        #expect(s.keys.helpLines(for: s.panes).contains { $0.hasPrefix("F10 ") && $0.hasSuffix("page 2") })
    }
}
