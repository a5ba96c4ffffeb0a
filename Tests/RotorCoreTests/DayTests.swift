import Testing
@testable import RotorCore

@Suite struct DayTests {
    @Test func roundTripsCivilDates() {
        for ordinal in stride(from: -800_000, through: 800_000, by: 997) {
            let day = Day(ordinal: Int32(ordinal))
            let (y, m, d) = day.components
            #expect(Day(year: y, month: m, day: d) == day)
        }
        #expect(Day(year: 1970, month: 1, day: 1)?.ordinal == 0)
        #expect(Day(year: 2024, month: 2, day: 29)?.iso == "2024-02-29")
        #expect(Day(year: 2023, month: 2, day: 29) == nil)
        #expect(Day(year: 2026, month: 11, day: 21)?.weekday == 6) // a Saturday
    }

    @Test func parsesDownloadDateForms() {
        let expected = Day(year: 2024, month: 7, day: 5)
        #expect(Day(parsing: "2024-07-05") == expected)
        #expect(Day(parsing: "2024-07-05 00:00:00") == expected)
        #expect(Day(parsing: "2024-07-05T09:30:00-04:00") == expected)
        #expect(Day(parsing: "7/5/2024") == expected)
        #expect(Day(parsing: "07/05/2024") == expected)
        #expect(Day(parsing: " 07/05/2024 ") == expected)
        for bad in ["", "2024-13-01", "2024-02-30", "5/7/24", "2024/07/05", "July 5 2024", "2024-07-05x"] {
            #expect(Day(parsing: bad) == nil, "\(bad)")
        }
    }
}
