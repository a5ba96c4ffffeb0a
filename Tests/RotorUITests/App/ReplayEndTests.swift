import RotorCore
import Testing
@testable import RotorUI

/// An episode's replay: `end(at:)` stops the cursor on the episode's last session,
/// where the status bar says REPLAY END, however many ticks follow.
@Suite struct ReplayEndTests {
    static let days = (0..<60).map { Day(year: 2025, month: 1, day: 2)!.adding(days: $0) }

    func episode(from: Int, to: Day) -> DashboardState {
        var cursor = ReplayCursor(dates: Self.days, speed: 1000)
        cursor.seek(to: Self.days[from])
        cursor.end(at: to)
        return DashboardState(app: AppState(width: 120, height: 40), model: DashboardModel(data: MarketData()),
                              report: FeedReport(summary: "replay"), feed: .replay(cursor))
    }

    func ticks(_ s: inout DashboardState, _ n: Int) {
        for i in 1...n { update(&s, .tick(at: .milliseconds(i), clock: "12:00:00")) }
    }

    @Test func theReplayEndsOnTheEpisodesLastSession() {
        var s = episode(from: 10, to: Self.days[20])
        #expect(s.asOf == Self.days[10] && s.mode == "REPLAY")
        ticks(&s, 50)
        #expect(s.asOf == Self.days[20] && s.mode == "REPLAY END")
        #expect(s.wait == .seconds(1))
    }

    /// An end between sessions (a weekend, a holiday) is the session before it.
    @Test func anEndBetweenSessionsIsTheSessionBefore() throws {
        var cursor = ReplayCursor(dates: [Self.days[0], Self.days[1], Self.days[5]], speed: 1)
        cursor.seek(to: Self.days[0])
        cursor.end(at: Self.days[3])
        #expect(cursor.endIndex == 1)
        // Never before the session shown, and seeking stays inside the end.
        cursor.end(at: Day(year: 2000, month: 1, day: 1)!)
        #expect(cursor.endIndex == 0 && cursor.atEnd)
        cursor.end(at: Self.days[1])
        cursor.seek(to: Self.days[5])
        #expect(cursor.index == 1)
    }

    /// Without an end the replay runs to the last date, as before.
    @Test func withoutAnEndTheReplayRunsToTheLastDate() {
        var s = DashboardState(app: AppState(width: 120, height: 40), model: DashboardModel(data: MarketData()),
                               report: FeedReport(summary: "replay"), feed: .replay(ReplayCursor(dates: Self.days, speed: 1000)))
        ticks(&s, 100)
        #expect(s.asOf == Self.days.last && s.mode == "REPLAY END")
    }
}
