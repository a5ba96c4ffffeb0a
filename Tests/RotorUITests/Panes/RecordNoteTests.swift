import RotorCore
@testable import RotorUI
import Testing

/// Records context on a series built by hand: a tie reaches the earlier row (never a
/// record), a record is shown only with a year of history before it, the year's edge
/// is exact, the sign picks the side, and the words shorten to the room.
@Suite struct RecordNoteTests {
    static let start = Day(year: 2020, month: 1, day: 1)!

    /// Row t is day t; 0...6 repeating, with the rows of `set` replaced.
    static func values(_ count: Int, _ set: [Int: Double]) -> [Double] {
        (0..<count).map { set[$0] ?? Double($0 % 7) }
    }

    struct Fixture {
        let model: DashboardModel
        let spec: PaneSpec

        init(_ values: [Double], _ sides: RecordSpec.Sides, high: RecordSpec.Words = .highest) {
            let days = values.indices.map { RecordNoteTests.start.adding(days: $0) }
            spec = PaneSpec(name: "x", title: "X",
                            views: [.init(readings: [ReadingSpec("x", "X", .decimals(2)).record(sides, high: high)])])
            model = DashboardModel(data: MarketData(symbols: ["X": Series(dates: days, values: values)]), panes: [spec],
                                   roles: Roles(), thresholds: Thresholds())
        }

        func reading(_ row: Int) -> Reading {
            spec.content(PaneReader(model: model, asOf: RecordNoteTests.start.adding(days: row), lookback: .year1)).readings[0]
        }

        func note(_ row: Int) -> String? { reading(row).record?.forms.first }
    }

    static func day(_ row: Int) -> String { start.adding(days: row).iso }

    // 10 at row 5 (a record, but with 5 rows of history: not shown), tied at row 300;
    // 11 at 301 (a record), again at 552 (251 rows on: inside the year); -1 at 310 (a
    // record low), again at 562 (252 rows on: the year's edge, shown).
    static let walk = values(600, [5: 10, 300: 10, 301: 11, 302: 10.5, 310: -1, 552: 11, 562: -1])

    @Test func aTieReachesTheEarlierRowAndIsNoRecord() {
        let x = Fixture(Self.walk, .both)
        #expect(x.note(300) == "highest since \(Self.day(5))")
        #expect(x.reading(300).record == RecordNote(side: .high, since: Self.start.adding(days: 5), rows: 295,
                                                    expression: "sincehigh(X)", forms: [
                                                        "highest since \(Self.day(5))", "max since \(Self.day(5))", "max since 2020"]))
        #expect(x.note(562) == "lowest since \(Self.day(310))")
    }

    @Test func aRecordNeedsAYearOfHistoryBeforeIt() {
        let x = Fixture(Self.walk, .both)
        #expect(x.note(5) == nil)
        #expect(x.note(301) == "record high")
        #expect(x.reading(301).record?.isRecord == true)
        #expect(x.note(310) == "record low")
    }

    @Test func insideTheYearNothingIsSaid() {
        let x = Fixture(Self.walk, .both)
        // 251 rows back to the last 11; 1 row back to a higher value; an ordinary day.
        #expect(x.note(552) == nil)
        #expect(x.note(302) == nil)
        #expect(x.note(400) == nil)
        // A date between rows reads the row before it, like the reading's number.
        #expect(x.note(600 + 3) == x.note(599))
    }

    @Test func theSignPicksTheSide() {
        // A long run at 5 and 6, then 1: positive, and its lowest ever.
        let values = Self.values(300, [:]).map { 5 + $0.truncatingRemainder(dividingBy: 2) } + [1, 7, -2]
        let both = Fixture(values, .both), bySign = Fixture(values, .bySign, high: .largest)
        #expect(both.note(300) == "record low")
        // By sign, a positive reading is measured against the highs only.
        #expect(bySign.note(300) == nil)
        #expect(bySign.note(301) == "record")
        #expect(bySign.note(302) == "record low")
        let high = Fixture(values, .high)
        #expect(high.note(302) == nil && high.note(301) == "record high")
        // The counts it reads: both sides for a signed reading, one for a side.
        #expect(bySign.spec.expressions == ["X", "sincehigh(X)", "sincelow(X)"])
        #expect(high.spec.expressions == ["X", "sincehigh(X)"])
    }

    /// The longest form that fits, then shorter, then none; the number stays.
    @Test func theWordsShortenToTheRoom() {
        let x = Fixture(Self.walk, .both)
        let reading = x.reading(300)
        let base = reading.slot
        func row(_ width: Int) -> String {
            PaneView.packed([reading], width: width).map { $0.spans.map(\.text).joined() }.joined(separator: "|")
        }
        let date = Self.day(5)
        #expect(row(base + 2 + 24) == "x 10.00  highest since \(date)")
        #expect(row(base + 2 + 23) == "x 10.00  max since \(date)")
        #expect(row(base + 2 + 19) == "x 10.00  max since 2020")
        #expect(row(base + 2 + 13) == "x 10.00")
    }

    /// With room kept, a noted reading ends its row and the note always fits there.
    @Test func keptRoomEndsTheRow() {
        let values = Self.walk
        let days = values.indices.map { Self.start.adding(days: $0) }
        let spec = PaneSpec(name: "x", title: "X", views: [.init(readings: [
            ReadingSpec("x", "X", .decimals(2)).record(.both), ReadingSpec("y", "X", .decimals(2)),
        ])])
        let model = DashboardModel(data: MarketData(symbols: ["X": Series(dates: days, values: values)]), panes: [spec],
                                   roles: Roles(), thresholds: Thresholds())
        let readings = spec.content(PaneReader(model: model, asOf: Self.start.adding(days: 300), lookback: .year1)).readings
        let text = { (reserving: Bool) in
            PaneView.packed(readings, width: 60, reservingNotes: reserving).map { $0.spans.map(\.text).joined() }
        }
        // Without kept room the note has no place between the two readings.
        #expect(text(false) == ["x 10.00   y 10.00"])
        #expect(text(true) == ["x 10.00  highest since \(Self.day(5))", "y 10.00"])
    }
}
