import Foundation
import Testing

/// A short soak in CI: the headless UI loop and the real poller must not grow in
/// memory or open files, and every fetch must be accounted for. (`make soak` runs the
/// long one: 100,000 replay steps, 10,000 polls and 1,000,000 fetches.)
@Suite struct SoakTests {
    /// The numbers of a line, in order ("12 after warm-up, 12 at the end" -> [12, 12]).
    func numbers(_ line: String) -> [Double] {
        line.split(whereSeparator: { !"0123456789.".contains($0) }).compactMap { Double($0) }
    }

    @Test func theLoopDoesNotGrow() throws {
        let r = try RotorProcess.run(["soak", "--steps", "1500", "--polls", "600", "--fetches", "0"], timeout: 600)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("soak: 1500 replay steps and 600 polls in ") == true)
        // "memory: 33.8 MB after warm-up, 34.0 MB at the end (+0.6%)"
        let memory = try #require(lines.first { $0.hasPrefix("memory: ") })
        let (start, end) = (numbers(memory)[0], numbers(memory)[1])
        #expect(start > 5 && start < 120, "\(memory)")
        #expect(end <= start * 1.05 + 1, "memory grew: \(memory)")
        let files = try #require(lines.first { $0.hasPrefix("open files: ") })
        let counts = numbers(files)
        #expect(counts.count == 2 && counts[0] == counts[1], "\(files)")
        #expect(!lines.contains { $0.hasPrefix("poller") })
    }

    /// 20,000 fetches of the real poller with a real cache: every outcome counted,
    /// nothing left in flight, files flat, memory within a generous bound (the
    /// 1,000,000-fetch run measures the figure).
    @Test func theRealPollerKeepsNothingPerFetch() throws {
        let r = try RotorProcess.run(["soak", "--steps", "0", "--polls", "0", "--fetches", "20000"], timeout: 600)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        func line(_ prefix: String) throws -> String { try #require(lines.first { $0.hasPrefix(prefix) }, "\(lines)") }

        let head = numbers(try line("poller soak: "))
        let fetches = Int(head[0])
        #expect(fetches >= 20_000 && fetches < 21_000, "\(lines)")
        // "outcomes: A ok, B HTTP 503, C timed out, D HTTP 429 (E with Retry-After, F of
        // them nan/inf/huge/negative), G hung until cancelled": they add up.
        let o = numbers(try line("outcomes: ")).map(Int.init)
        try #require(o.count == 9 && o[2] == 503 && o[5] == 429, "\(lines)")
        let (ok, unavailable, timedOut, rateLimited, withRetryAfter, hung) = (o[0], o[1], o[3], o[4], o[6], o[8])
        #expect(ok + unavailable + timedOut + rateLimited + hung == fetches, "\(lines)")
        #expect(ok > fetches * 8 / 10 && unavailable > 0 && timedOut > 0 && rateLimited > 0 && withRetryAfter > 0, "\(lines)")
        #expect(hung == 1, "\(lines)")
        // Every fetch started ended (the hung one by the cancellation); the most in
        // flight at once is bounded by the feeds, not by the fetches.
        let tasks = numbers(try line("poller tasks: ")).map(Int.init)
        #expect(tasks[0] == fetches && tasks[1] == fetches && tasks[3] == 0, "\(lines)")
        #expect(tasks[2] >= 2 && tasks[2] <= 21, "\(lines)") // 21 feeds
        // Bars do not grow without bound: a new day every 10,000 fetches, so 2 days, or
        // 3 when the fetches still in flight at the stop carry the count past 20,000.
        let store = numbers(try line("store: ")).map(Int.init)
        #expect(store[0] == 20, "\(lines)") // every feed but the hung one
        #expect(store[1] == 2 || (store[1] == 3 && fetches > 20_000), "\(lines)")
        #expect(try line("cache: ").contains("the same days as the store"))
        let files = numbers(try line("poller open files: "))
        #expect(files.count == 2 && files[0] == files[1], "\(lines)")
        let memory = numbers(try line("poller memory: "))
        #expect(memory[2] - memory[0] < 8, "memory grew: \(lines)")
    }
}
