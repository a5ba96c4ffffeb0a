import Foundation
import RotorCore
import Testing
@testable import RotorDemo

@Suite struct MarketCalendarTests {
    private func d(_ s: String) -> Day { Day(parsing: s)! }

    @Test func holidaysOf2025And2026() {
        #expect(MarketCalendar.holidays(in: 2025).map(\.iso) == [
            "2025-01-01", "2025-01-20", "2025-02-17", "2025-04-18", "2025-05-26", "2025-06-19",
            "2025-07-04", "2025-09-01", "2025-11-27", "2025-12-25",
        ])
        // Independence Day on a Saturday is observed on Friday 3 July.
        #expect(MarketCalendar.holidays(in: 2026).map(\.iso) == [
            "2026-01-01", "2026-01-19", "2026-02-16", "2026-04-03", "2026-05-25", "2026-06-19",
            "2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25",
        ])
    }

    @Test func weekendHolidaysAreObserved() {
        // Sunday -> Monday: Christmas 2022, New Year 2023, Juneteenth 2022.
        #expect(MarketCalendar.isHoliday(d("2022-12-26")))
        #expect(MarketCalendar.isHoliday(d("2023-01-02")))
        #expect(MarketCalendar.isHoliday(d("2022-06-20")))
        // Saturday -> Friday: Christmas 2021 (Friday 24 December), Juneteenth 2027.
        #expect(MarketCalendar.isHoliday(d("2021-12-24")))
        #expect(MarketCalendar.isHoliday(d("2027-06-18")))
        // New Year's Day on a Saturday is not observed: 31 December 2021 was a session.
        #expect(MarketCalendar.isSession(d("2021-12-31")))
        // Juneteenth only from 2022.
        #expect(MarketCalendar.isSession(d("2021-06-18")))
    }

    @Test func goodFriday() {
        #expect(MarketCalendar.easterSunday(2023).iso == "2023-04-09")
        #expect(MarketCalendar.easterSunday(2024).iso == "2024-03-31")
        #expect(MarketCalendar.easterSunday(2025).iso == "2025-04-20")
        #expect(MarketCalendar.easterSunday(2026).iso == "2026-04-05")
        #expect(MarketCalendar.isHoliday(d("2024-03-29")))
    }

    @Test func sessionsEndOnTheLastSessionAndSkipClosures() {
        let s = MarketCalendar.sessions(count: 1008, endingOnOrBefore: d("2026-11-20"))
        #expect(s.count == 1008)
        #expect(s.first?.iso == "2022-11-16")
        #expect(s.last?.iso == "2026-11-20")
        #expect(zip(s, s.dropFirst()).allSatisfy { $0 < $1 })
        #expect(!s.contains(d("2024-07-04")) && !s.contains(d("2024-11-28")))
        #expect(MarketCalendar.sessions(count: 1, endingOnOrBefore: d("2026-11-22")).last?.iso == "2026-11-20")
    }

    @Test func storyDatesAreSessions() {
        let dates = Story.knots.map(\.date) + Story.shocks.map(\.date)
            + Story.volatilityRegimes.flatMap { [$0.from, $0.to] }
            + Story.premiumOverrides.flatMap { [$0.from, $0.to] } + Story.growthRegimes.flatMap { [$0.from, $0.to] }
        for date in dates {
            #expect(MarketCalendar.isSession(Story.day(date)), "\(date) is not a session")
        }
    }
}

@Suite struct SeededRandomTests {
    @Test func splitMix64ReferenceValues() {
        var g = SplitMix64(seed: 0)
        #expect(g.next() == 0xE220_A839_7B1D_CDAF)
        #expect(g.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func xoshiro256StarStarReferenceValues() {
        var g = SeededRandom(state: (1, 2, 3, 4))
        #expect([g.next(), g.next(), g.next(), g.next()] == [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240])
    }

    @Test func streamsAreIndependentAndReproducible() {
        var a = SeededRandom(seed: 5, stream: .market)
        var b = SeededRandom(seed: 5, stream: .market)
        var c = SeededRandom(seed: 5, stream: .rates)
        let xa = (0..<4).map { _ in a.next() }
        #expect(xa == (0..<4).map { _ in b.next() })
        #expect(xa != (0..<4).map { _ in c.next() })
    }

    @Test func drawsHaveTheRightMoments() {
        var g = SeededRandom(seed: 42, stream: .market)
        let n = 200_000
        var normals = (sum: 0.0, squares: 0.0)
        var ts = (sum: 0.0, squares: 0.0, fourth: 0.0)
        for _ in 0..<n {
            let z = g.normal()
            normals.sum += z
            normals.squares += z * z
            let t = g.studentT(degrees: 6)
            ts.sum += t
            ts.squares += t * t
            ts.fourth += t * t * t * t
        }
        let count = Double(n)
        #expect(abs(normals.sum / count) < 0.01)
        #expect(abs(normals.squares / count - 1) < 0.01)
        #expect(abs(ts.squares / count - 1) < 0.03, "unit variance")
        // t(6) has kurtosis 6: fat tails.
        #expect(ts.fourth / count / ((ts.squares / count) * (ts.squares / count)) > 4)
        var u = SeededRandom(seed: 1, stream: .bars)
        #expect((0..<1000).allSatisfy { _ in let x = u.uniform(); return x >= 0 && x < 1 })
    }

    @Test func deterministicMathAgreesWithTheCLibrary() {
        var g = SeededRandom(seed: 9, stream: .bars)
        for _ in 0..<20_000 {
            let x = g.uniform(-30, 30)
            let e = DeterministicMath.exp(x)
            #expect(abs(e - Foundation.exp(x)) <= 1e-15 * Foundation.exp(x), "exp(\(x))")
            let y = g.uniform(1e-8, 1e4)
            #expect(abs(DeterministicMath.log(y) - Foundation.log(y)) <= 1e-15 * max(1, abs(Foundation.log(y))), "log(\(y))")
        }
        #expect(DeterministicMath.exp(0) == 1)
        #expect(DeterministicMath.log(1) == 0)
    }
}
