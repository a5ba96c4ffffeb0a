import Foundation

/// The wall time of a delivery as `alerts.jsonl` and a run command's
/// `ROTOR_ALERT_TIME` give it: ISO 8601 in UTC to the second, `2026-12-01T22:50:04Z`.
/// (The data date of the row it fired on is the firing's `date`; in a replay the two
/// differ by years.)
enum AlertWallTime {
    static func string(_ time: Date) -> String {
        time.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }
}
