public import RotorCore

/// The replay's place in the data: the dates, the session shown, the speed and when
/// the next step is due. It lives in `DashboardState` and moves only in `update`, on
/// `.tick` messages, so stepping is tested with times, not with a running clock.
///
/// Times are the loop's: a `Duration` since the loop started, read from its clock.
public struct ReplayCursor: Equatable, Sendable {
    public let dates: [Day]
    public private(set) var index: Int
    /// Sessions per second, as asked for (the status bar shows it).
    public let speed: Double
    /// Time between two sessions (1 s at speed 1).
    public let step: Duration
    /// When the next session is due (loop time).
    public private(set) var nextStep: Duration
    /// The last session the replay steps to: the last date, unless `end(at:)` set an
    /// earlier one (an episode's `to`).
    public private(set) var endIndex: Int

    /// The cursor a year (252 sessions) before the end of `dates`.
    public init(dates: [Day], speed: Double, start: Duration = .zero) {
        self.dates = dates
        index = max(0, dates.count - 1 - 252)
        endIndex = max(0, dates.count - 1)
        self.speed = speed
        step = .milliseconds(max(1, Int(1000 / speed)))
        nextStep = start + step
    }

    /// Every date a pane series has.
    public init(model: DashboardModel, speed: Double, start: Duration = .zero) {
        self.init(dates: model.dates, speed: speed, start: start)
    }

    public var current: Day? { dates.isEmpty ? nil : dates[index] }
    public var atEnd: Bool { index >= endIndex }

    /// The first session on or after `day` (the last one if there is none), never past the end.
    public mutating func seek(to day: Day) {
        index = min(max(0, dates.firstIndex { $0 >= day } ?? dates.count - 1), endIndex)
    }

    /// Ends the replay on the last session on or before `day` (never before the
    /// session shown): it steps no further, and says REPLAY END there.
    public mutating func end(at day: Day) {
        endIndex = max(index, min(dates.lastIndex { $0 <= day } ?? 0, max(0, dates.count - 1)))
    }

    /// One session on, if the step is due at `now`; true when it moved. After a late
    /// wake the next step is a full step from now: never a burst to catch up.
    mutating func tick(at now: Duration) -> Bool {
        guard !atEnd, now >= nextStep else { return false }
        index += 1
        nextStep += step
        if now > nextStep { nextStep = now + step }
        return true
    }

    /// After a pause the next step is a full step from the resume.
    mutating func resume(at now: Duration) {
        nextStep = now + step
    }

    /// How long the loop may wait at `now` before the next step (at most a second).
    func wait(at now: Duration) -> Duration {
        atEnd ? .seconds(1) : min(.seconds(1), max(.zero, nextStep - now))
    }
}
