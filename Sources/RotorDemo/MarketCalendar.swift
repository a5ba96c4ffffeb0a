import RotorCore

/// The US equity market calendar: which weekdays the NYSE and CME equity futures are
/// closed, so the demo has the same gaps as real downloads.
///
/// Full-day closures only (no early closes), the regular holidays of NYSE Rule 7.2:
/// New Year's Day, Martin Luther King Jr. Day, Washington's Birthday (Presidents Day),
/// Good Friday, Memorial Day, Juneteenth (from 2022), Independence Day, Labor Day,
/// Thanksgiving and Christmas. A holiday on a Saturday is observed on the Friday
/// before, one on a Sunday on the Monday after, except New Year's Day on a Saturday,
/// which is not observed at all (the Friday before ends the year). One-off closures
/// (national days of mourning, storms) are not modeled.
enum MarketCalendar {
    /// The holidays observed in `year`, in date order.
    static func holidays(in year: Int) -> [Day] {
        var days: [Day] = []
        let newYear = date(year, 1, 1)
        switch newYear.weekday {
        case 0: days.append(newYear.adding(days: 1))
        case 6: break // not observed: 31 December closes the books of the year
        default: days.append(newYear)
        }
        days.append(nthWeekday(3, of: 1, year, weekday: 1)) // MLK Day: third Monday of January
        days.append(nthWeekday(3, of: 2, year, weekday: 1)) // Washington's Birthday: third Monday of February
        days.append(easterSunday(year).adding(days: -2)) // Good Friday
        days.append(lastWeekday(of: 5, year, weekday: 1)) // Memorial Day: last Monday of May
        if year >= 2022 { days.append(observed(date(year, 6, 19))) } // Juneteenth, an NYSE holiday since 2022
        days.append(observed(date(year, 7, 4))) // Independence Day
        days.append(nthWeekday(1, of: 9, year, weekday: 1)) // Labor Day: first Monday of September
        days.append(nthWeekday(4, of: 11, year, weekday: 4)) // Thanksgiving: fourth Thursday of November
        days.append(observed(date(year, 12, 25))) // Christmas
        return days.sorted()
    }

    static func isWeekday(_ day: Day) -> Bool { (1...5).contains(day.weekday) }

    /// A weekday that is a holiday: FRED writes a row for it with an empty value.
    static func isHoliday(_ day: Day) -> Bool {
        holidays(in: day.components.year).contains(day)
    }

    /// A day the US equity market is open.
    static func isSession(_ day: Day) -> Bool { isWeekday(day) && !isHoliday(day) }

    /// The last `count` sessions on or before `end`, oldest first.
    static func sessions(count: Int, endingOnOrBefore end: Day) -> [Day] {
        var out: [Day] = []
        out.reserveCapacity(count)
        var holidayCache: [Int: Set<Day>] = [:]
        var day = end
        while out.count < count {
            let year = day.components.year
            let closed = holidayCache[year] ?? Set(holidays(in: year))
            holidayCache[year] = closed
            if isWeekday(day) && !closed.contains(day) { out.append(day) }
            day = day.adding(days: -1)
        }
        return out.reversed()
    }

    /// Every weekday from `first` through `last` (FRED's row calendar).
    static func weekdays(from first: Day, through last: Day) -> [Day] {
        var out: [Day] = []
        var day = first
        while day <= last {
            if isWeekday(day) { out.append(day) }
            day = day.adding(days: 1)
        }
        return out
    }

    // MARK: - Date arithmetic

    /// Saturday holidays move to Friday, Sunday ones to Monday.
    static func observed(_ day: Day) -> Day {
        switch day.weekday {
        case 6: return day.adding(days: -1)
        case 0: return day.adding(days: 1)
        default: return day
        }
    }

    /// The `n`th `weekday` (0 = Sunday) of `month`.
    static func nthWeekday(_ n: Int, of month: Int, _ year: Int, weekday: Int) -> Day {
        let first = date(year, month, 1)
        let offset = (weekday - first.weekday + 7) % 7
        return first.adding(days: offset + 7 * (n - 1))
    }

    /// The last `weekday` (0 = Sunday) of `month`.
    static func lastWeekday(of month: Int, _ year: Int, weekday: Int) -> Day {
        let last = date(year, month, Day.daysInMonth(year: year, month: month))
        return last.adding(days: -((last.weekday - weekday + 7) % 7))
    }

    /// Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher"
    /// algorithm).
    static func easterSunday(_ year: Int) -> Day {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return date(year, month, day)
    }

    static func date(_ year: Int, _ month: Int, _ day: Int) -> Day {
        guard let d = Day(year: year, month: month, day: day) else {
            preconditionFailure("invalid date \(year)-\(month)-\(day)")
        }
        return d
    }
}
