import RotorCore
@testable import RotorUI
import Testing

/// Tables and readings as laid out on the dashboard: no row dropped without a
/// `+N more`, columns and reading rows that stand still from date to date at one
/// size, and wide panes that use their width.
@Suite struct TableLayoutTests {
    static let sizes = [(80, 24), (120, 40), (200, 60), (79, 40)]

    /// Each pane's inner text lines on the dashboard at a size.
    func panes(_ width: Int, _ height: Int, at date: Day) throws -> [Int: (inner: Rect, lines: [String])] {
        let model = try #require(GoldenScreenTests.model)
        let state = AppState(width: width, height: height)
        let lines = view(state, model: model, asOf: date, mode: "REPLAY").lines()
        guard case let .panes(rects, _) = state.layout else { return [:] }
        var out: [Int: (Rect, [String])] = [:]
        for (pane, rect) in rects {
            let inner = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 2)
            out[pane] = (inner, lines[inner.y..<inner.maxY].map { String($0.dropFirst(inner.x).prefix(inner.width)) })
        }
        return out
    }

    @Test(arguments: sizes)
    func noTableDropsARowSilently(width: Int, height: Int) throws {
        let model = try #require(GoldenScreenTests.model)
        for date in [GoldenScreenTests.asOf, Day(year: 2025, month: 7, day: 31)!, Day(year: 2024, month: 12, day: 13)!] {
            let reader = PaneReader(model: model, asOf: date, lookback: .year1)
            for (pane, shown) in try panes(width, height, at: date) {
                guard let table = model.panes[pane].content(reader).table?(TableRoom(width: shown.inner.width)) else { continue }
                let names = table.rows.map { $0[0].text }
                let visible = names.filter { name in shown.lines.contains { $0.hasPrefix(name + " ") } }
                let hidden = names.count - visible.count
                #expect(visible == Array(names.prefix(visible.count)), "\(pane) at \(width)x\(height)")
                if hidden > 0 {
                    #expect(shown.lines.contains { $0.contains("+\(hidden) more") },
                            "pane \(pane + 1) at \(width)x\(height) on \(date.iso) hides \(hidden) rows without saying so")
                }
            }
        }
    }

    /// The cases of the issue: TSLA at 80x24, the rates table's rows at 79 columns.
    @Test func theRowsTheIssueMissed() throws {
        let at80 = try panes(80, 24, at: GoldenScreenTests.asOf)
        #expect(at80[.mag7]!.lines.contains { $0.hasPrefix("TSLA ") })
        for rows in [try panes(120, 40, at: GoldenScreenTests.asOf)[.rates]!.lines, at80[.rates]!.lines] {
            for name in ["RTY ", "ES ", "NQ "] { #expect(rows.contains { $0.hasPrefix(name) }, "\(name)") }
        }
        // 79x40 leaves the rates pane five rows: its readings, the curve and the
        // regime, the header, the first row and a count of the other two.
        let at79 = try panes(79, 40, at: GoldenScreenTests.asOf)[.rates]!.lines
        #expect(at79.contains { $0.hasPrefix("RTY ") && $0.contains("+2 more") }, "\(at79)")
    }

    /// Some dates of the demo, a month apart over its last two years.
    func dates() throws -> [Day] {
        let model = try #require(GoldenScreenTests.model)
        let last = try #require(model.lastDate)
        return stride(from: 0, to: 720, by: 30).map { last.adding(days: -$0) }
    }

    /// The vol table with and without IV<RV, and every table over two years of
    /// dates: the same columns at the same widths at each pane width.
    @Test func columnsStandStillFromDateToDate() throws {
        let model = try #require(GoldenScreenTests.model)
        func layout(_ pane: Int, _ date: Day, _ room: TableRoom) -> [String] {
            let reader = PaneReader(model: model, asOf: date, lookback: .year1)
            let table = model.panes[pane].content(reader).table!(room)
            return zip(table.columns.map(\.header), table.columnWidths(total: room.width)).map { "\($0) \($1)" }
        }
        let flagged = Day(year: 2025, month: 7, day: 31)!, quiet = GoldenScreenTests.asOf
        let reader = PaneReader(model: model, asOf: flagged, lookback: .year1)
        #expect(model.panes[.volPremium].content(reader).table!(TableRoom(width: 64)).rows.contains { $0.last?.text == "IV<RV" })
        for width in 18...70 {
            #expect(layout(.volPremium, flagged, TableRoom(width: width)) == layout(.volPremium, quiet, TableRoom(width: width)),
                    "vol table at \(width)")
        }
        for pane in [Int.mag7, .volPremium, .breadth, .rates] {
            for room in [24, 25, 38, 58, 64, 77, 98].map({ TableRoom(width: $0) }) + [TableRoom(width: 118, isZoomed: true)] {
                let first = layout(pane, quiet, room)
                for date in try dates() { #expect(layout(pane, date, room) == first, "pane \(pane + 1) at \(room.width) on \(date.iso)") }
            }
        }
    }

    /// Where each reading's label starts in each row of readings (the dim spans).
    static func readingLayout(_ rows: [TextLine]) -> [[String]] {
        rows.map { row in
            var x = 0, labels: [String] = []
            for span in row.spans {
                if span.style == .role(.dim) { labels.append("\(x) \(span.text)") }
                x += DisplayWidth.of(span.text)
            }
            return labels
        }
    }

    /// Every reading in a slot as wide as its widest number: the rows break at the
    /// same readings and each label starts at the same column on every date.
    @Test func readingsKeepTheirSlots() throws {
        let model = try #require(GoldenScreenTests.model)
        for pane in Int.standardPlaces {
            for width in [24, 25, 38, 58, 64, 77, 98, 118] {
                func layout(_ date: Day) -> [[String]] {
                    let c = model.panes[pane].content(PaneReader(model: model, asOf: date, lookback: .year1))
                    return Self.readingLayout(PaneView.packed(c.readings + c.detail, width: width))
                }
                let first = layout(GoldenScreenTests.asOf)
                for date in try dates() { #expect(layout(date) == first, "pane \(pane + 1) at \(width) on \(date.iso)") }
            }
        }
    }

    /// A change named by its window alone (`20d`) stays on the line of what it is
    /// the change of, whenever the run of readings it joins fits a line.
    @Test func aJoinedReadingKeepsItsSubject() throws {
        let model = try #require(GoldenScreenTests.model)
        let reader = PaneReader(model: model, asOf: GoldenScreenTests.asOf, lookback: .year1)
        for pane in Int.standardPlaces {
            let readings = model.panes[pane].content(reader).readings
            var runs: [[Reading]] = []
            for r in readings { if r.joinsPrevious, !runs.isEmpty { runs[runs.count - 1].append(r) } else { runs.append([r]) } }
            for width in 30...120 {
                let rows = PaneView.packed(readings, width: width).map { $0.spans.map(\.text).joined() }
                for run in runs where run.count > 1 && run.map(\.slot).reduce(0, +) + 3 * (run.count - 1) <= width {
                    let texts = run.map { $0.label + " " + $0.text }
                    #expect(rows.contains { row in texts.allSatisfy(row.contains) }, "\(pane + 1) \(texts) at \(width)")
                }
            }
        }
        // The case of the issue: the curve's 20d change with the curve at 120x40.
        let rates = try panes(120, 40, at: GoldenScreenTests.asOf)[.rates]!.lines
        #expect(rates.contains { $0.hasPrefix("2s10s ") && $0.contains("20d ") })
    }

    /// At 200x60 each table has its wide columns, and zoomed its extra rows.
    @Test func wideScreensWidenTheTables() throws {
        let screen = try GoldenScreenTests.screen(200, 60)
        for header in ["1y high", "RV20 trend", "corr1y", "60d pct", "1y avg", "20d avg"] {
            #expect(screen.contains(header), "\(header)")
        }
        let mag7 = try GoldenScreenTests.zoomed(.mag7, 200, 60)
        #expect(mag7.contains("┃MAG7 ew ") && mag7.contains("┃SPX "))
        let rates = try GoldenScreenTests.zoomed(.rates, 200, 60)
        #expect(rates.contains("RTY/10y ") && rates.contains("NQ/10y "))
        let breadth = try GoldenScreenTests.zoomed(.breadth, 200, 60)
        #expect(breadth.contains("> 10d ") && breadth.contains("> 100d "))
    }
}
