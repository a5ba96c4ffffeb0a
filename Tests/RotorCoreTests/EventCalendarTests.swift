import RotorCore
import Testing

@Suite struct EventCalendarTests {
    func day(_ text: String) -> Day { Day(parsing: text)! }
    func event(_ date: String, _ kind: EventKind, _ label: String = "") -> MarketEvent {
        MarketEvent(date: day(date), kind: kind, label: label.isEmpty ? kind.name : label)
    }

    @Test func kindsAreUpperCaseWordsAndUsersMayAddTheirOwn() {
        #expect(EventKind("fomc") == .fomc && EventKind("Cpi") == .cpi)
        #expect(EventKind("earnings")?.name == "EARNINGS" && EventKind("NFP")?.isKnown == false)
        #expect(EventKind("FOMC")?.isKnown == true)
        for bad in ["", "1FOMC", "FO MC", "FOMC!", "ÉARN", String(repeating: "A", count: 17)] {
            #expect(EventKind(bad) == nil, "\(bad)")
        }
        #expect(EventKind(String(repeating: "A", count: 16)) != nil)
    }

    @Test func sortsByDateThenKindAndKeepsTheFirstOfAPair() {
        let calendar = EventCalendar([
            event("2024-07-31", .fomc, "first"), event("2024-07-11", .cpi), event("2024-07-31", .cpi),
            event("2024-07-31", .fomc, "second"),
        ])
        #expect(calendar.events.map(\.date.iso) == ["2024-07-11", "2024-07-31", "2024-07-31"])
        #expect(calendar.events.map(\.kind) == [.cpi, .cpi, .fomc])
        #expect(calendar.on(day("2024-07-31")).first { $0.kind == .fomc }?.label == "first")
        #expect(calendar.count == 3 && calendar.kinds == [.fomc, .cpi])
    }

    @Test func nextOnOrAfterAndOn() {
        let calendar = EventCalendar([event("2024-07-11", .cpi), event("2024-07-31", .fomc), event("2024-08-14", .cpi),
                                      event("2024-08-14", EventKind("NFP")!)])
        #expect(calendar.next(onOrAfter: day("2024-07-01")).map(\.kind) == [.cpi])
        #expect(calendar.next(onOrAfter: day("2024-07-11")).map(\.date.iso) == ["2024-07-11"])
        #expect(calendar.next(onOrAfter: day("2024-07-12")).map(\.kind) == [.fomc])
        // Two events on the next date: both.
        #expect(calendar.next(onOrAfter: day("2024-08-01")).map(\.kind.name) == ["CPI", "NFP"])
        #expect(calendar.next(onOrAfter: day("2024-08-15")).isEmpty)
        #expect(calendar.on(day("2024-07-30")).isEmpty && calendar.on(day("2024-07-31")).count == 1)
        #expect(calendar.between(day("2024-07-11"), day("2024-07-31")).count == 2)
        #expect(calendar.between(day("2024-07-31"), day("2024-07-11")).isEmpty)
        #expect(EventCalendar().next(onOrAfter: day("2024-07-01")).isEmpty)
        #expect(calendar.kinds.map(\.name) == ["FOMC", "CPI", "NFP"])
    }
}
