import Testing
@testable import RotorData

/// The polling policy, simulated: hours of polling in milliseconds.
@Suite struct PollScheduleTests {
    static let mainFeeds = (1...16).map { FeedSpec(symbol: "S\($0)", kind: $0 > 14 ? .fred : .yahoo) }
    static let members = (1...500).map { FeedSpec(symbol: "M\($0)", kind: .yahoo, universe: "u") }

    /// Runs the schedule from t = 0 to `until`, answering each fetch with `answer`,
    /// and returns the fetch times per feed index.
    func simulate(_ feeds: [FeedSpec], until end: Double,
                  answer: (Int, Double) -> FeedError? = { _, _ in nil },
                  refreshAt: Double? = nil) -> (schedule: PollSchedule, fetches: [(Double, Int)]) {
        var schedule = PollSchedule(feeds: feeds, now: 0)
        var t = 0.0, fetches: [(Double, Int)] = []
        var refreshed = refreshAt == nil
        while t < end {
            if !refreshed, let r = refreshAt, t >= r {
                schedule.refreshAll(now: t)
                refreshed = true
            }
            switch schedule.next(now: t) {
            case let .fetch(i):
                fetches.append((t, i))
                if let error = answer(i, t) {
                    schedule.failed(i, error, now: t, jitter: 0.5)
                } else {
                    schedule.completed(i, marketOpen: true, now: t)
                }
            case let .wait(until):
                t = max(until, t + 0.001)
                if let r = refreshAt, !refreshed { t = min(t, r) }
            }
        }
        return (schedule, fetches)
    }

    @Test func neverMoreThanTheBudget() {
        let (_, fetches) = simulate(Self.mainFeeds + Self.members, until: 6 * 3600)
        // Token bucket: at most burst + rate * window requests in any window.
        let times = fetches.map(\.0)
        for (i, t) in times.enumerated() {
            let inWindow = times[i...].prefix { $0 < t + 10 }.count
            #expect(inWindow <= 3 + 20, "at \(t): \(inWindow) requests in 10 s")
        }
        // Every member was fetched, none closer than 1.5 s to the previous member.
        let memberTimes = fetches.filter { $0.1 >= 16 }.map(\.0)
        #expect(Set(fetches.filter { $0.1 >= 16 }.map(\.1)).count == 500)
        #expect(zip(memberTimes, memberTimes.dropFirst()).allSatisfy { $1 - $0 >= 1.5 - 1e-9 })
    }

    /// Time always moves: a wait is always for a later time than now, so a caller
    /// that waits exactly as long as it is told (a simulated clock, `rotor bench`'s
    /// budget run) never asks again at the same instant for ever. The token bucket's
    /// refill in floating point once left a wait of less than `now`'s last bit.
    @Test func everyWaitIsForALaterTime() {
        let feeds = Self.mainFeeds + (1...2000).map { FeedSpec(symbol: "M\($0)", kind: .yahoo, universe: "u") }
        var schedule = PollSchedule(feeds: feeds, now: 0)
        var t = 0.0, fetches = 0, stalls = 0
        var inFlight: [(done: Double, index: Int)] = []
        while t < 3 * 3600, stalls < 10 {
            switch schedule.next(now: t) {
            case .fetch(let i):
                fetches += 1
                inFlight.append((t + 0.3, i))
            case .wait(let until):
                let next = min(until, inFlight.map(\.done).min() ?? .infinity)
                if next <= t { stalls += 1 }
                t = max(t, next)
                for f in inFlight where f.done <= t { schedule.completed(f.index, marketOpen: true, now: f.done) }
                inFlight.removeAll { $0.done <= t }
            }
        }
        #expect(stalls == 0, "at t = \(t): a wait for no later time")
        #expect(fetches > 2000)
    }

    @Test func intervalsAfterSuccess() {
        let (_, fetches) = simulate(Self.mainFeeds, until: 3600)
        let yahoo = fetches.filter { $0.1 == 0 }.map(\.0)
        let fred = fetches.filter { $0.1 == 15 }.map(\.0)
        #expect((119...121).contains(yahoo.count)) // every 30 s in an open market, from t = 0
        #expect(zip(yahoo, yahoo.dropFirst()).allSatisfy { abs($1 - $0 - 30) < 1.5 })
        #expect(fred.count == 1) // hourly
        #expect(FeedSpec(symbol: "X", kind: .yahoo).interval(marketOpen: false) == 300)
        #expect(FeedSpec(symbol: "X", kind: .yahoo, interval: 12).interval(marketOpen: false) == 12)
    }

    @Test func backoffDoublesWithJitterAndStopsAtTenMinutes() {
        #expect((1...9).map { PollSchedule.backoff(failures: $0, jitter: 0.5) } == [5, 10, 20, 40, 80, 160, 320, 600, 600])
        #expect(PollSchedule.backoff(failures: 1, jitter: 0) == 3.75 && PollSchedule.backoff(failures: 1, jitter: 1) == 6.25)
        #expect(PollSchedule.backoff(failures: 60, jitter: 1) == 600)
        // A feed that always fails is retried ever more slowly, and the others go on.
        let (_, fetches) = simulate(Self.mainFeeds, until: 2 * 3600) { i, _ in
            i == 3 ? .http(status: 500, detail: "") : nil
        }
        let failing = fetches.filter { $0.1 == 3 }.map(\.0)
        let gaps = zip(failing, failing.dropFirst()).map { $1 - $0 }
        // The first retry may wait for a token behind the other feeds' first fetches.
        #expect((5...8).contains(gaps[0]))
        #expect(gaps.dropFirst().prefix(7).map { $0.rounded() } == [10, 20, 40, 80, 160, 320, 600])
        #expect(gaps.allSatisfy { $0 <= 601 })
        #expect(fetches.filter { $0.1 == 0 }.count > 200)
    }

    @Test func retryAfterIsHonouredAndPausesTheProvider() {
        var first = true
        let (_, fetches) = simulate(Self.mainFeeds, until: 400) { i, t in
            if i == 0, first {
                first = false
                return .rateLimited(retryAfter: 120)
            }
            return nil
        }
        // Nothing from Yahoo between the 429 (t = 0) and t = 120; FRED goes on.
        let quiet = fetches.filter { $0.0 > 3 && $0.0 < 120 }
        #expect(quiet.allSatisfy { $0.1 >= 14 })
        #expect(!fetches.contains { $0.1 == 0 && $0.0 > 0 && $0.0 < 120 })
        #expect(fetches.contains { $0.1 == 0 && $0.0 >= 120 && $0.0 < 130 })
    }

    @Test func refreshMakesEverythingDueButThePacingHolds() {
        let (_, fetches) = simulate(Self.mainFeeds, until: 1000, refreshAt: 500)
        let after = fetches.filter { $0.0 >= 500 && $0.0 < 510 }
        #expect(Set(after.map(\.1)).count == 16) // every feed, FRED included, within 10 s
        let times = after.map(\.0)
        // A burst of 3, then 2 a second: never more than 5 in any second.
        for (i, t) in times.enumerated() { #expect(times[i...].prefix { $0 < t + 1 }.count <= 5) }
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity, 1e300, 99_999_999_999_999_999_999, -1, 0, 30, 3600, 3601])
    func aRetryAfterOfAnyNumberIsBoundedByAnHour(_ retryAfter: Double) {
        var schedule = PollSchedule(feeds: Self.mainFeeds, now: 0)
        #expect(schedule.next(now: 0) == .fetch(0))
        schedule.failed(0, .rateLimited(retryAfter: retryAfter), now: 0, jitter: 0.5)
        let delay = PollSchedule.retryDelay(retryAfter)
        if retryAfter.isNaN || retryAfter < 0 {
            #expect(delay == nil) // the normal backoff
            #expect(schedule.entries[0].nextDue == 5)
        } else {
            #expect(delay == min(3600, retryAfter))
            #expect(schedule.entries[0].nextDue == max(5, min(3600, retryAfter)))
        }
        // Yahoo is paused exactly as long (never longer than an hour); FRED goes on.
        let pause = schedule.entries[0].nextDue
        var t = 0.0, firstYahoo: Double?, fred = 0
        while firstYahoo == nil, t < 7200 {
            switch schedule.next(now: t) {
            case let .fetch(i):
                if i < 14 { firstYahoo = t } else { fred += 1; schedule.completed(i, marketOpen: true, now: t) }
            case let .wait(until):
                #expect(until.isFinite, "waits until \(until)")
                t = max(until, t + 0.001)
            }
        }
        #expect(firstYahoo == pause && pause <= 3600 && fred >= 2)
    }

    @Test func backoffIsBoundedForAnyCountAndJitter() {
        for failures in [Int.min, -1, 0, 1, 2, 21, 64, Int.max] {
            for jitter in [Double.nan, -.infinity, -1, 0, 0.5, 1, 2, .infinity] {
                let b = PollSchedule.backoff(failures: failures, jitter: jitter)
                #expect(b >= 3.75 && b <= 600, "failures \(failures), jitter \(jitter): \(b)")
            }
        }
        #expect(PollSchedule.backoff(failures: .min, jitter: .nan) == 5)
    }
}
