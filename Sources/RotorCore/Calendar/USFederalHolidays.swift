/// The US federal holidays (5 U.S.C. 6103) as the government observes them: a
/// holiday on a Saturday is observed the Friday before, one on a Sunday the Monday
/// after. What delays the CFTC's weekly report (`CFTCReleaseCalendar`); rules as in
/// force since 1971 (Monday holidays), Juneteenth from 2021.
public enum USFederalHolidays {
    /// True when `day` is a federal holiday as observed (a weekday, by the rule above).
    public static func isHoliday(_ day: Day) -> Bool {
        let year = day.components.year
        // An observed New Year's Day can fall on December 31 of the year before.
        return observed(year).contains(day) || observed(year + 1).contains(day)
    }

    /// A business day for the federal government: Monday to Friday and not a holiday.
    public static func isBusinessDay(_ day: Day) -> Bool {
        (1...5).contains(day.weekday) && !isHoliday(day)
    }

    /// The observed holidays of `year` (New Year's Day may be on December 31 before it).
    public static func observed(_ year: Int) -> [Day] {
        var fixed: [(month: Int, day: Int)] = [(1, 1), (7, 4), (11, 11), (12, 25)]
        if year >= 2021 { fixed.append((6, 19)) }
        var out = fixed.compactMap { Day(year: year, month: $0.month, day: $0.day) }.map(shiftedOffWeekend)
        out += [
            nth(3, weekday: 1, month: 1, year: year),  // Martin Luther King Jr. Day
            nth(3, weekday: 1, month: 2, year: year),  // Washington's Birthday
            last(weekday: 1, month: 5, year: year),    // Memorial Day
            nth(1, weekday: 1, month: 9, year: year),  // Labor Day
            nth(2, weekday: 1, month: 10, year: year), // Columbus Day
            nth(4, weekday: 4, month: 11, year: year), // Thanksgiving Day
        ].compactMap { $0 }
        return out.sorted()
    }

    /// Saturday to the Friday before, Sunday to the Monday after.
    static func shiftedOffWeekend(_ day: Day) -> Day {
        switch day.weekday {
        case 6: day.adding(days: -1)
        case 0: day.adding(days: 1)
        default: day
        }
    }

    /// The `n`th `weekday` (0 = Sunday) of a month.
    static func nth(_ n: Int, weekday: Int, month: Int, year: Int) -> Day? {
        guard let first = Day(year: year, month: month, day: 1) else { return nil }
        return first.adding(days: (weekday - first.weekday + 7) % 7 + 7 * (n - 1))
    }

    /// The last `weekday` (0 = Sunday) of a month.
    static func last(weekday: Int, month: Int, year: Int) -> Day? {
        guard let end = Day(year: year, month: month, day: Day.daysInMonth(year: year, month: month)) else { return nil }
        return end.adding(days: -((end.weekday - weekday + 7) % 7))
    }
}
