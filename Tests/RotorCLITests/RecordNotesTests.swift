import Foundation
import RotorCore
@testable import RotorUI
import Testing

/// The records context beside the extreme readings (issue 15 part 1): the dates the
/// panes write equal an independent computation, on every demo date; the notes fit
/// the pane or go, and never move a reading.
@Suite struct RecordNotesTests {
    static let reference = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Reference/demo-record-notes.csv")

    /// The reading a pane's view declares under `label`, evaluated on `date`.
    func reading(_ pane: PaneSpec, view: Int, _ label: String, on date: Day) throws -> Reading {
        let model = try #require(GoldenScreenTests.model)
        let spec = try #require(pane.view(view).readings.first { $0.label == label }, "\(pane.name) has no \(label)")
        return spec.reading(PaneReader(model: model, asOf: date, lookback: .year1))
    }

    /// The rotation pane's note for the RTY/ES and RTY/NQ spreads, in both views, on
    /// every spread row of the demo, equals Reference/demo-record-notes.csv (pandas:
    /// the counts by METRICS.md's loop, the rule and the dates computed there).
    @Test func spreadNotesEqualThePandasReference() throws {
        let model = try #require(GoldenScreenTests.model)
        let rotation = model.panes[.rotation]
        let rows = try String(contentsOf: Self.reference, encoding: .utf8).split(separator: "\n").dropFirst()
        var shown: Set<String> = []
        for row in rows {
            let cells = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let date = try #require(Day(parsing: cells[0]))
            let label = cells[1] == "RTY/ES" ? "10d spread" : "RTY/NQ 10d"
            for view in rotation.views.indices {
                let note = try reading(rotation, view: view, label, on: date).record
                #expect((note?.forms.first ?? "") == cells[2], "\(cells[1]) on \(cells[0]), view \(view)")
            }
            if !cells[2].isEmpty { shown.insert(cells[2].hasPrefix("record") ? cells[2] : "since") }
        }
        #expect(rows.count > 1900, "the reference has \(rows.count) rows")
        // Not vacuous: the demo has records both ways and a "lowest since".
        #expect(shown == ["record", "record low", "since"])
    }

    /// Every reading with records context (the spreads, each vol pair's premium, % above
    /// the 50-day, MI), on every row of its series: the note is the one the exported
    /// counts give, with the date read off the exported rows of the expression itself.
    @Test func everyNoteEqualsTheExportedCounts() throws {
        let model = try #require(GoldenScreenTests.model)
        var checked = Set<String>(), notes = 0, records = 0
        for pane in model.panes.prefix(5) {
            for (v, view) in pane.views.enumerated() {
                for spec in view.readings + view.detail {
                    guard let record = spec.record, let e = spec.source.expression, checked.insert(e).inserted else { continue }
                    let high = RecordSpec.expression(.high, of: e), low = RecordSpec.expression(.low, of: e)
                    let r = try RotorProcess.run(["export", e, high, low])
                    #expect(r.status == 0, "\(r.stderr)")
                    // The rows of e itself: date, value, and the two counts (nil on a record).
                    let rows = r.stdout.split(separator: "\n").dropFirst().map {
                        $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                    }.filter { !$0[1].isEmpty }
                    #expect(rows.count > 700, "\(e): \(rows.count) rows")
                    for (t, row) in rows.enumerated() {
                        let value = try #require(Double(row[1]))
                        let sides: [RecordSpec.Side] = switch record.sides {
                        case .high: [.high]
                        case .low: [.low]
                        case .both: [.high, .low]
                        case .bySign: value > 0 ? [.high] : value < 0 ? [.low] : []
                        }
                        var expected: (side: RecordSpec.Side, since: String?)?
                        for side in sides where expected == nil {
                            let count = row[side == .high ? 2 : 3]
                            if let k = Int(count), k >= 252 {
                                expected = (side, rows[t - k][0])
                            } else if count.isEmpty, t >= 252 {
                                expected = (side, nil)
                            }
                        }
                        let date = try #require(Day(parsing: row[0]))
                        let note = try reading(pane, view: v, spec.label, on: date).record
                        #expect(note?.side == expected?.side && note?.since?.iso == expected?.since,
                                "\(e) on \(row[0]): \(String(describing: note)) against \(String(describing: expected))")
                        if let note, let expected {
                            let words = record.words(expected.side)
                            #expect(note.forms.first == expected.since.map { "\(words.since) \($0)" } ?? words.record)
                            notes += 1
                            if note.isRecord { records += 1 }
                        }
                    }
                }
            }
        }
        #expect(checked.count == 7, "\(checked)")
        #expect(notes > 50 && records > 10, "\(notes) notes, \(records) records")
    }

    /// Beside its reading when the pane has room, in a shorter form when it has less,
    /// and gone first at 80x24 (the numbers stay); zoomed, always.
    @Test func notesFitThePaneOrGo() throws {
        let july = Day(year: 2024, month: 7, day: 17)!, april = Day(year: 2024, month: 4, day: 11)!
        let s120 = try GoldenScreenTests.screen(120, 40, at: july)
        #expect(s120.contains("┃10d spread +1027 bp   spread z +4.66  record"))
        #expect(s120.contains("┃RTY/NQ 10d +1182 bp   spread z +4.71  record"))
        #expect(s120.contains("│premium +14.16 pts  record high"))
        let s200 = try GoldenScreenTests.screen(200, 60, at: july)
        #expect(s200.contains("┃10d spread +1027 bp   spread z +4.66  record "))
        #expect(s200.contains("┃RTY/NQ 10d +1182 bp   spread z +4.71  record "))
        // At 80x24 no pane has the room: the numbers stay, the notes go.
        let s80 = try GoldenScreenTests.screen(80, 24, at: july)
        #expect(s80.contains("10d spread +1027 bp") && !s80.contains("record"))
        // Zoomed, the room is kept: the lowest since, in full, on the spread's row.
        let zoomed = try GoldenScreenTests.zoomed(.rotation, at: april)
        #expect(zoomed.contains("┃10d spread -483 bp    spread z -2.10  lowest since 2023-04-04 "))
        let breadth = try GoldenScreenTests.zoomed(.breadth, at: Day(year: 2025, month: 9, day: 18)!)
        #expect(breadth.contains("% > 50d 88.9%   pct 1y 100  highest since 2024-03-18"))
        let rates = try GoldenScreenTests.zoomed(.rates, at: Day(year: 2025, month: 2, day: 6)!)
        #expect(rates.contains("MI RTY/2y 0.537 nats   MI pct 1y 100  highest since 2024-01-23"))
        // The zoom at 80x24 keeps room as well.
        #expect(try GoldenScreenTests.zoomed(.rotation, 80, 24, at: july).contains("spread z +4.66  record "))
    }

    /// Zoomed, `v` charts RTY/NQ: its ratio and 50d average, the legend naming the key;
    /// the ratio's readings name the pair, the two spreads stay where they were.
    @Test func theRTYNQViewZoomed() throws {
        let july = Day(year: 2024, month: 7, day: 17)!
        let s = try GoldenScreenTests.screen(120, 40, at: july) { state in
            state.focus = .rotation
            state.zoomed = true
            _ = update(&state, .key(.character("v")))
        }
        #expect(s.contains("━ RTY/NQ  ━ 50d avg   axis: RTY/NQ and 50d avg, 1Y   ◆ FOMC  ● CPI   v: next pair"))
        #expect(s.contains("┃RTY/NQ 0.1132   1d +1.46%"))
        #expect(s.contains("┃10d spread +1027 bp   spread z +4.66  record "))
        #expect(s.contains("NQ 18636.75"))
        try GoldenScreenTests().check("zoom-1-rtynq-2024-07-17-120x40", s)
    }

    /// A note never moves a reading: on the dates with notes (records, "since", both
    /// kinds of pane room) every label is where it is on a date without any, at every
    /// width, with the room kept and without; and no row is wider than the pane.
    @Test func notesNeverMoveAReading() throws {
        let model = try #require(GoldenScreenTests.model)
        let dates = ["2024-03-07", "2024-04-11", "2024-07-17", "2025-02-06", "2025-04-16", "2025-09-18", "2024-12-13"]
            .compactMap { Day(parsing: $0) }
        for pane in Int.standardPlaces {
            for view in model.panes[pane].views.indices {
                for width in [24, 38, 58, 64, 78, 98, 118, 198] {
                    for reserving in [false, true] {
                        func rows(_ date: Day) -> [TextLine] {
                            let c = model.panes[pane].content(PaneReader(model: model, asOf: date, lookback: .year1), view: view)
                            return PaneView.packed(c.readings + c.detail, width: width, reservingNotes: reserving)
                        }
                        let quietRows = rows(GoldenScreenTests.asOf), quiet = TableLayoutTests.readingLayout(quietRows)
                        for date in dates {
                            let noted = rows(date)
                            #expect(TableLayoutTests.readingLayout(noted) == quiet, "pane \(pane + 1) view \(view) at \(width) on \(date.iso)")
                            // A note only takes room the row has (a reading wider than a
                            // narrow pane overflows with or without one).
                            #expect(zip(noted, quietRows).allSatisfy { $0.width <= max(width, $1.width) },
                                    "pane \(pane + 1) at \(width) on \(date.iso)")
                        }
                    }
                }
            }
        }
    }

    /// `rotor export --pane` prints the counts the dates come from.
    @Test func exportOfThePanesPrintsTheCounts() throws {
        for (pane, wanted) in [("rotation", ["sincehigh(spread(RTY,ES,10))", "sincelow(spread(RTY,ES,10))",
                                             "sincehigh(spread(RTY,NQ,10))", "sincelow(spread(RTY,NQ,10))"]),
                               ("vol", ["sincehigh(sub(VIX,rvol(ES,20)))", "sincelow(sub(RVX,rvol(RTY,20)))"]),
                               ("breadth", ["sincehigh(above(@universe,50))", "sincelow(above(@universe,50))"]),
                               ("rates", ["sincehigh(mi(ret(RTY),diff(US2Y),60,8))"])] {
            let r = try RotorProcess.run(["export", "--pane", pane, "--from", "2024-07-17", "--to", "2024-07-17"])
            #expect(r.status == 0, "\(r.stderr)")
            let header = r.stdout.split(separator: "\n").first.map(String.init) ?? ""
            for e in wanted { #expect(header.contains("\"\(e)\""), "\(pane): \(e)") }
            // MI counts only upward: no sincelow of it is read.
            if pane == "rates" { #expect(!header.contains("sincelow(")) }
        }
    }
}
