public import Foundation

/// When the CFTC publishes its weekly Commitments of Traders report, from the
/// report's as-of date alone, so that every mode (live, cache, replayed CSV, the
/// demo) can say "as of 2025-04-29, released 2025-05-02" without storing anything.
///
/// The rule, read off the CFTC's published schedules (2023-2026):
/// - the data is as of Tuesday (Monday when that Tuesday is a federal holiday);
/// - it is released at 15:30 New York on the Friday of that week;
/// - a federal holiday on the Wednesday, Thursday or Friday of that week (Juneteenth
///   on a Wednesday, July 4, Thanksgiving, Christmas, New Year's Day) moves the
///   release to the next business day after the Friday: usually Monday. A Monday
///   holiday (Labor Day, Memorial Day) does not, nor a Tuesday one (Veterans Day
///   2025: data as of Monday 11-10, released Friday 11-14).
/// Delays no calendar can know (a government shutdown, a holiday declared at a
/// week's notice) are not modelled: the release shown is then the scheduled one,
/// and the poller keeps checking until the report arrives.
public enum CFTCReleaseCalendar {
    /// New York, where the release time is set.
    public static let zone = TimeZone(identifier: "America/New_York")!
    /// 15:30, in minutes after midnight New York.
    public static let releaseMinute = 15 * 60 + 30

    /// The day the report of `asOf` is (or was) scheduled for release.
    public static func release(asOf: Day) -> Day {
        var offset = (5 - asOf.weekday + 7) % 7
        if offset == 0 { offset = 7 } // an as-of Friday (not a real one) is released a week on
        let friday = asOf.adding(days: offset)
        let delayed = (0...2).contains { USFederalHolidays.isHoliday(friday.adding(days: -$0)) }
        guard delayed else { return friday }
        var day = friday.adding(days: 1)
        while !USFederalHolidays.isBusinessDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// The moment of that release: 15:30 New York on `release(asOf:)`.
    public static func releaseMoment(asOf: Day) -> Date {
        let day = release(asOf: asOf).components
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = DateComponents(year: day.year, month: day.month, day: day.day,
                                   hour: releaseMinute / 60, minute: releaseMinute % 60)
        return calendar.date(from: parts) ?? Date(timeIntervalSince1970: Double(release(asOf: asOf).ordinal) * 86_400)
    }

    /// The as-of date of the report after the one of `latest`: the next Tuesday, or
    /// the Monday before it when that Tuesday is a federal holiday.
    public static func nextAsOf(after latest: Day) -> Day {
        var offset = (2 - latest.weekday + 7) % 7
        if offset == 0 { offset = 7 }
        var tuesday = latest.adding(days: offset)
        while true {
            guard USFederalHolidays.isHoliday(tuesday) else { return tuesday }
            // That week's report is as of the Monday, unless that Monday is `latest` itself.
            if tuesday.adding(days: -1) > latest { return tuesday.adding(days: -1) }
            tuesday = tuesday.adding(days: 7)
        }
    }

    /// `as of 2025-04-29, released 2025-05-02`: the words a pane shows for a report.
    public static func describe(asOf: Day) -> String {
        "as of \(asOf.iso), released \(release(asOf: asOf).iso)"
    }
}
