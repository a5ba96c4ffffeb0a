public import Foundation
public import RotorCore

/// What a cached row must be to be shown: the file is outside rotor's control (an
/// older or buggy rotor, a disk error, a person with `sqlite3`), so every row is
/// checked on load, with the rules of its provider:
///
/// - the day is an integer between 1900-01-01 and today + 1 day (UTC today plus one
///   covers every exchange's zone; the same bound the providers apply to new bars);
/// - the close is a finite number;
/// - Yahoo's closes are prices and must be above 0; FRED's values (yields, rates,
///   spreads), a CSV file's columns, Cboe's indices and the CFTC's net positions
///   (negative when short) may legitimately be 0 or negative, so they are only
///   required to be finite.
public struct CachedRowCheck: Sendable {
    public static let earliest = Day(year: 1900, month: 1, day: 1)!
    /// The last day a row may have.
    public let latest: Day

    public init(now: Date) {
        // In Int64 and clamped, so no clock (however wrong) can trap the conversion.
        let today = (now.timeIntervalSince1970 / 86_400).rounded(.down)
        let days = today.isFinite ? Int64(min(max(today, -1e12), 1e12)) : 0
        latest = Day(ordinal: Int32(clamping: days + 1))
    }

    /// Why a row of `provider` with these stored values is not used, or nil when it is
    /// good. `day` and `close` are what the file holds, which need not be numbers.
    public func problem(day: Int64?, close: Double?, provider: FeedSpec.Kind) -> String? {
        guard let day else { return "the day is not an integer" }
        guard day >= Int64(Self.earliest.ordinal) else { return "the day is before \(Self.earliest)" }
        guard day <= Int64(latest.ordinal) else { return "the day is after \(latest)" }
        guard let close else { return "the close is not a number" }
        guard close.isFinite else { return "the close \(close) is not finite" }
        if provider == .yahoo, close <= 0 { return "the close \(close) is not a positive price" }
        return nil
    }
}
