import Foundation
import RotorData

/// What the steady-state poller (`rotor collect`) does with a large universe under
/// its request budget: the real `PollSchedule` (2 requests a second, members at
/// most one per 1.5 s, each member every 6 hours) stepped on simulated time over a
/// day, every fetch answering after `latency` seconds, the market open all day (the
/// main Yahoo feeds' fastest interval, so the most they ever take from the budget).
/// Reports when the main feeds and the whole universe are first fetched, how long
/// each later pass over the universe takes, and the requests a day and at most in
/// any second.
enum PollBudgetBench {
    static func run(_ feeds: [FeedSpec], latency: Double = 0.3, hours: Double = 24) -> [String] {
        var schedule = PollSchedule(feeds: feeds, now: 0)
        let isMember = feeds.map { $0.universe != nil }
        let memberCount = isMember.filter { $0 }.count
        let end = hours * 3600
        var now = 0.0
        var inFlight: [(done: Double, index: Int)] = []
        var fetched = Array(repeating: 0, count: feeds.count)
        var requests = 0, memberRequests = 0
        var mainFirst: Double?, membersFirst: Double?
        // Each pass over the universe: the time its first member and its last member
        // were fetched (pass k is every member's k-th fetch).
        var passes: [(start: Double, end: Double)] = []
        var passCounts: [Int] = []
        var lastSecond = -1.0, inSecond = 0, busiestSecond = 0
        while now < end {
            switch schedule.next(now: now) {
            case let .fetch(i):
                requests += 1
                let second = now.rounded(.down)
                if second != lastSecond { (lastSecond, inSecond) = (second, 0) }
                inSecond += 1
                busiestSecond = max(busiestSecond, inSecond)
                fetched[i] += 1
                if isMember[i] {
                    memberRequests += 1
                    let pass = fetched[i] - 1
                    if pass == passes.count {
                        passes.append((now, now))
                        passCounts.append(0)
                    }
                    passCounts[pass] += 1
                    passes[pass].end = now
                    if pass == 0, passCounts[0] == memberCount { membersFirst = now }
                } else if mainFirst == nil, zip(fetched, isMember).allSatisfy({ $0.0 > 0 || $0.1 }) {
                    mainFirst = now
                }
                inFlight.append((now + latency, i))
            case let .wait(until):
                let next = min(until, inFlight.map(\.done).min() ?? .infinity, end)
                now = max(now, next)
                for f in inFlight where f.done <= now {
                    schedule.completed(f.index, marketOpen: feeds[f.index].kind == .yahoo ? true : nil, now: f.done)
                }
                inFlight.removeAll { $0.done <= now }
            }
        }
        func minutes(_ s: Double?) -> String { s.map { String(format: "%.1f min", $0 / 60) } ?? "not within \(Int(hours)) h" }
        let full = zip(passes, passCounts).filter { $0.1 == memberCount }.map { $0.0.end - $0.0.start }
        var lines = ["the collector's budget over \(feeds.count - memberCount) main feeds and \(memberCount) members "
                     + "(simulated \(Int(hours)) h, market open, every fetch answering in \(Int(latency * 1000)) ms):"]
        lines.append("  every main feed fetched by \(String(format: "%.1f s", mainFirst ?? .nan)); every member by \(minutes(membersFirst))")
        lines.append("  \(passes.count) passes over the universe, each \(full.map { minutes($0) }.joined(separator: ", ")) "
                     + "(a member is due 6 h after its last fetch)")
        lines.append("  \(requests) requests (\(memberRequests) of members), at most \(busiestSecond) in one second")
        return lines
    }
}
