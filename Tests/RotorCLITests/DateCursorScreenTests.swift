import Foundation
import RotorCore
@testable import RotorUI
import Testing

/// The date cursor on the demo: each pane at the cursor's date reads what it reads
/// with the replay on that date (and what `rotor export` says for that date), while
/// its chart keeps its window on now and marks the cursor; golden screens.
@Suite struct DateCursorScreenTests {
    static let now = Day(year: 2025, month: 1, day: 10)!
    static let date = Day(year: 2024, month: 7, day: 17)!

    /// The pane as `PaneView` draws it, less its chart and legend (which are of now's window).
    func textWithoutChart(_ content: PaneContent, _ reader: PaneReader, width: Int, height: Int, zoomed: Bool) -> [String] {
        var c = content
        c.chart = nil
        c.legend = nil
        var canvas = Canvas(width: width, height: height)
        canvas.render(PaneView(number: 1, title: "pane", content: c, reader: reader, isFocused: true, isZoomed: zoomed),
                      area: canvas.area)
        return canvas.lines()
    }

    @Test func everyPaneAtTheCursorIsThePaneOnThatDate() throws {
        let model = try #require(GoldenScreenTests.model)
        let atCursor = PaneReader(model: model, now: Self.now, cursor: Self.date, lookback: .year1)
        let onDate = PaneReader(model: model, asOf: Self.date, lookback: .year1)
        for spec in model.panes {
            for view in 0..<max(1, spec.views.count) {
                let a = spec.content(atCursor, view: view), b = spec.content(onDate, view: view)
                #expect(a.readings == b.readings && a.detail == b.detail, "\(spec.name) view \(view)")
                for (w, h, zoomed) in [(60, 20, false), (120, 40, true)] {
                    #expect(textWithoutChart(a, atCursor, width: w, height: h, zoomed: zoomed)
                            == textWithoutChart(b, onDate, width: w, height: h, zoomed: zoomed), "\(spec.name) \(w)x\(h)")
                }
                // The chart: on now's window, with the cursor marked in it.
                // (A weekly chart's last date is the last report on or before the day.)
                if let chart = a.chart, let first = spec.views[view].chart?.series.first?.expression {
                    func last(_ day: Day) -> Day? { model.window(first, asOf: day, sessions: 1).last?.date }
                    #expect(chart.cursor == Self.date && chart.dates.last == last(Self.now) && chart.cursorIndex != nil,
                            "\(spec.name)")
                    #expect(b.chart?.dates.last == last(Self.date) && b.chart?.cursor == nil)
                }
            }
        }
    }

    /// The readings at the cursor are `rotor export`'s values for that date.
    @Test func theReadingsAreExportsValuesOnTheCursorsDate() throws {
        let model = try #require(GoldenScreenTests.model)
        let reader = PaneReader(model: model, now: Self.now, cursor: Self.date, lookback: .year1)
        var readings: [String: Reading] = [:]
        for spec in model.panes.prefix(5) {
            for r in spec.content(reader).readings + spec.content(reader).detail {
                if let e = r.expression { readings[e] = r }
            }
        }
        let expressions = readings.keys.sorted()
        #expect(expressions.count >= 10)
        let demo = RotorProcess.repositoryRoot.appendingPathComponent("Samples/demo").path
        let r = try RotorProcess.run(["export", "--data", demo, "--from", Self.date.iso, "--to", Self.date.iso]
                                     + expressions)
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\n")
        #expect(rows.count == 2)
        let fields = try #require(rows.last).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(fields.first == Self.date.iso && fields.count == expressions.count + 1)
        var compared = 0
        for (e, field) in zip(expressions, fields.dropFirst()) {
            guard let exported = Double(field) else { continue }
            let reading = try #require(readings[e])
            #expect(reading.value == exported * reading.scale, "\(e)")
            compared += 1
        }
        #expect(compared >= 10)
    }
}

/// `rotor snapshot --cursor DATE`: the frame with the date cursor, as on screen.
@Suite struct SnapshotCursorTests {
    @Test func theFrameWithTheCursorIsTheScreens() throws {
        let r = try RotorProcess.run(["snapshot", "--at", "2025-01-10", "--cursor", "2024-07-17", "--width", "120", "--height", "40"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let golden = try GoldenScreenTests.cursorScreen(120, 40).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        // The panes as the golden screen; the status bar has the replay's feeds and alerts besides.
        #expect(Array(lines.prefix(39)) == Array(golden.prefix(39)))
        #expect(lines[39].contains("REPLAY  2025-01-10 · CURSOR 2024-07-17"))
        // A Saturday is the Friday before.
        let weekend = try RotorProcess.run(["snapshot", "--at", "2025-01-10", "--cursor", "2024-07-20"])
        #expect(weekend.status == 0 && weekend.stdout.contains("CURSOR 2024-07-19"))
    }

    @Test func aCursorOutsideTheDataIsAUsageError() throws {
        for (cursor, message) in [("2025-02-01", "--cursor 2025-02-01: after the frame's date 2025-01-10"),
                                  ("2001-01-01", "--cursor 2001-01-01: before the data, which starts on 2020-11-24"),
                                  ("July", "--cursor: cannot read 'July' as a date (expected YYYY-MM-DD)")] {
            let r = try RotorProcess.run(["snapshot", "--at", "2025-01-10", "--cursor", cursor])
            #expect(r.status == 2 && r.stdout.isEmpty && r.stderr.contains(message), "\(cursor): \(r.stderr)")
        }
    }
}

extension GoldenScreenTests {
    static let cursorNow = DateCursorScreenTests.now
    static let cursorDate = DateCursorScreenTests.date

    static func cursorScreen(_ width: Int, _ height: Int, cursor: Day = cursorDate,
                             _ configure: (inout AppState) -> Void = { _ in }) throws -> String {
        try screen(width, height, at: cursorNow) { $0.cursor = cursor; configure(&$0) }
    }

    /// The cursor on the rotation extreme of 2024-07-17 with the replay on 2025-01-10:
    /// the flag rows of the cursor's date, the marker on every chart, both dates in
    /// the status bar at 120 and at 80 columns, and zoomed.
    @Test func theDateCursor() throws {
        let s = try Self.cursorScreen(120, 40)
        #expect(s.contains("2025-01-10 · CURSOR 2024-07-17"))
        #expect(s.contains("EXTREME small caps leading"))
        // A marker in each of the five charts: the column of the same date in each.
        #expect(s.components(separatedBy: String(LineChart.cursorGlyph)).count > 5 * 3)
        try check("cursor-2024-07-17-120x40", s)
        let small = try Self.cursorScreen(80, 24)
        #expect(small.contains("2025-01-10 · CURSOR 2024-07-17") && small.contains(LineChart.cursorGlyph))
        #expect(small.split(separator: "\n").allSatisfy { $0.count <= 80 })
        try check("cursor-2024-07-17-80x24", small)
        let zoomed = try Self.cursorScreen(120, 40) { $0.zoomed = true }
        #expect(zoomed.contains("CURSOR 2024-07-17") && zoomed.contains(LineChart.cursorGlyph))
        try check("cursor-2024-07-17-zoom-1-120x40", zoomed)
    }

    /// A cursor before the 1Y window: the chart centres on it (2023-03-01 in the middle
    /// of a window from about 2022-09 to 2023-09), zoomed.
    @Test func theDateCursorBeforeTheWindow() throws {
        let s = try Self.cursorScreen(120, 40, cursor: Day(year: 2023, month: 3, day: 1)!) { $0.zoomed = true }
        #expect(s.contains("2025-01-10 · CURSOR 2023-03-01") && s.contains(LineChart.cursorGlyph))
        #expect(s.contains("2023"))
        try check("cursor-2023-03-01-zoom-1-120x40", s)
    }
}
