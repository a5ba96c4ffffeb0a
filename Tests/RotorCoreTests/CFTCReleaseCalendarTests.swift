import Foundation
import Testing
@testable import RotorCore

/// The release calendar against the CFTC's own published schedules, and the
/// federal holidays it rests on.
@Suite struct CFTCReleaseCalendarTests {
    static func day(_ iso: String) -> Day { Day(parsing: iso)! }

    /// The CFTC's 2024 schedule (cftc.gov, "Commitments of Traders release
    /// schedule"), as release days; those marked there as delayed by a holiday are
    /// 06-24, 07-08, 12-02 and 12-30.
    static let releases2024 = [
        "01-05", "01-12", "01-19", "01-26", "02-02", "02-09", "02-16", "02-23", "03-01", "03-08", "03-15", "03-22",
        "03-29", "04-05", "04-12", "04-19", "04-26", "05-03", "05-10", "05-17", "05-24", "05-31", "06-07", "06-14",
        "06-24", "06-28", "07-08", "07-12", "07-19", "07-26", "08-02", "08-09", "08-16", "08-23", "08-30", "09-06",
        "09-13", "09-20", "09-27", "10-04", "10-11", "10-18", "10-25", "11-01", "11-08", "11-15", "11-22", "12-02",
        "12-06", "12-13", "12-20", "12-30",
    ].map { day("2024-" + $0) }

    @Test func everyTuesdayOf2024IsReleasedAsTheCFTCScheduledIt() {
        let tuesdays = (0..<52).map { Self.day("2024-01-02").adding(days: 7 * $0) }
        #expect(tuesdays.map(CFTCReleaseCalendar.release(asOf:)) == Self.releases2024)
    }

    /// The original dates of the autumn 2025 reports (the CFTC's post-shutdown
    /// schedule lists them beside the new ones): a Monday as-of date for Veterans
    /// Day on the Tuesday, Thanksgiving, Christmas and New Year's Day on Thursdays.
    @Test func theScheduledDatesOfLate2025() {
        let pairs = [("2025-09-30", "2025-10-03"), ("2025-10-14", "2025-10-17"), ("2025-11-10", "2025-11-14"),
                     ("2025-11-25", "2025-12-01"), ("2025-12-02", "2025-12-05"), ("2025-12-23", "2025-12-29"),
                     ("2025-12-30", "2026-01-05"), ("2026-01-20", "2026-01-23"), ("2025-07-01", "2025-07-07")]
        for (asOf, release) in pairs {
            #expect(CFTCReleaseCalendar.release(asOf: Self.day(asOf)) == Self.day(release), "\(asOf)")
        }
        #expect(CFTCReleaseCalendar.describe(asOf: Self.day("2025-04-29")) == "as of 2025-04-29, released 2025-05-02")
    }

    @Test func theNextReportIsAsOfTheNextTuesdayOrTheMondayBeforeAHoliday() {
        #expect(CFTCReleaseCalendar.nextAsOf(after: Self.day("2025-04-29")) == Self.day("2025-05-06"))
        #expect(CFTCReleaseCalendar.nextAsOf(after: Self.day("2025-11-04")) == Self.day("2025-11-10"))
        #expect(CFTCReleaseCalendar.nextAsOf(after: Self.day("2025-11-10")) == Self.day("2025-11-18"))
        #expect(CFTCReleaseCalendar.nextAsOf(after: Self.day("2025-05-02")) == Self.day("2025-05-06"))
    }

    @Test func theReleaseIsAtHalfPastThreeInNewYork() {
        // 2025-05-02 15:30 EDT is 19:30 UTC; 2025-12-05 15:30 EST is 20:30 UTC.
        #expect(CFTCReleaseCalendar.releaseMoment(asOf: Self.day("2025-04-29")).timeIntervalSince1970 == 1_746_214_200)
        #expect(CFTCReleaseCalendar.releaseMoment(asOf: Self.day("2025-12-02")).timeIntervalSince1970 == 1_764_966_600)
    }

    @Test func federalHolidaysAsObserved() {
        let y2025 = ["01-01", "01-20", "02-17", "05-26", "06-19", "07-04", "09-01", "10-13", "11-11", "11-27", "12-25"]
        #expect(USFederalHolidays.observed(2025) == y2025.map { Self.day("2025-" + $0) })
        // Saturday to Friday, Sunday to Monday; New Year's Day 2022 (a Saturday) on 2021-12-31.
        #expect(USFederalHolidays.isHoliday(Self.day("2021-12-31")) && !USFederalHolidays.isHoliday(Self.day("2022-01-01")))
        #expect(USFederalHolidays.isHoliday(Self.day("2027-07-05")) && USFederalHolidays.isHoliday(Self.day("2027-12-24")))
        // Juneteenth only from 2021.
        #expect(!USFederalHolidays.isHoliday(Self.day("2020-06-19")) && USFederalHolidays.isHoliday(Self.day("2023-06-19")))
        #expect(!USFederalHolidays.isBusinessDay(Self.day("2025-11-27")) && USFederalHolidays.isBusinessDay(Self.day("2025-11-28")))
    }
}
