public import RotorCore

/// How a chart writes the dates under its x axis; shorter forms fit narrower panes.
public enum DateLabelFormat: Hashable, Sendable, CaseIterable {
    /// `2025-03-14`
    case iso
    /// `Mar 25`
    case monthYear
    /// `03-14`
    case monthDay

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    public func format(_ day: Day) -> String {
        let (year, month, dayOfMonth) = day.components
        switch self {
        case .iso:
            return day.iso
        case .monthYear:
            let yy = ((year % 100) + 100) % 100
            return DateLabelFormat.months[month - 1] + " " + (yy < 10 ? "0" : "") + String(yy)
        case .monthDay:
            return (month < 10 ? "0" : "") + String(month) + "-" + (dayOfMonth < 10 ? "0" : "") + String(dayOfMonth)
        }
    }
}
