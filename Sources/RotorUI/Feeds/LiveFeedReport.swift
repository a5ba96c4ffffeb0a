import RotorCore

extension FeedReport {
    /// The status bar, the overlay and the panes' warnings of live feeds, from their
    /// health; `loaded` is how many members of each universe have data. What came
    /// from outside (error texts quoting a server, tickers from the config) has its
    /// control characters escaped here, once for the screen and snapshots. `link`: a
    /// dashboard reading the shared store, whose link and collector come first.
    public static func live(_ feeds: [FeedStatus], loaded: [String: Int], link: StoreLinkStatus? = nil) -> FeedReport {
        var lines: [String] = [], problems: [String: String] = [:]
        // Feeds (and universes) with problems: a feed of several series puts its
        // problem against each of them, but is one feed in the summary.
        var troubled = 0
        var ok = 0, main = 0
        var memberStates: [String: (failing: Int, total: Int, error: String?)] = [:]
        // Writes to the cache that failed: the data on screen is fresh, so the feed
        // stays ok, but a restart would lose it; said in the overlay and the summary.
        var unsaved: [String] = []
        for feed in feeds {
            if let failure = feed.cacheFailure {
                unsaved.append(("cache: \(feed.label) not saved since \(failure.since.clock)"
                    + " (last \(failure.last.clock)): \(failure.message)").escapingControlCharacters)
            }
            if let u = feed.universe {
                memberStates[u, default: (0, 0, nil)].total += 1
                if feed.state == .failing {
                    memberStates[u]!.failing += 1
                    memberStates[u]!.error = feed.lastError.map(\.escapingControlCharacters)
                }
                continue
            }
            main += 1
            let label = feed.label.escapingControlCharacters
            var line = label.padding(toWidth: max(label.count, 26)) + " "
            let last = feed.lastSuccess.map { "last ok \($0.clock) (\(age($0.secondsAgo)))" } ?? "no data yet"
            switch feed.state {
            case .ok:
                ok += 1
                line += "ok       " + last
            case .waiting:
                line += "waiting  " + last
            case .stale:
                line += "stale    " + last
                for symbol in feed.symbols { problems[symbol] = "stale, \(last)" }
                troubled += 1
            case .failing:
                let since = feed.failingSince?.clock ?? "?"
                let error = feed.lastError.map(\.escapingControlCharacters) ?? "failing"
                line += "FAILING  since \(since): \(error); \(last)"
                for symbol in feed.symbols { problems[symbol] = "\(error) since \(since)" }
                troubled += 1
            }
            lines.append(line)
        }
        var progress: [String: String] = [:]
        for (u, m) in memberStates.sorted(by: { $0.key < $1.key }) {
            let done = loaded[u] ?? 0
            lines.append("@\(u): \(done)/\(m.total) members loaded, \(m.failing) failing" + (m.error.map { " (last: \($0))" } ?? ""))
            if done < m.total { progress["@" + u] = "loading \(done)/\(m.total)" }
            if m.failing > 0 && m.failing * 10 >= m.total {
                problems["@" + u] = "\(m.failing) of \(m.total) members failing"
                troubled += 1
            }
        }
        lines += unsaved
        var summary = problems.isEmpty ? "feeds ok \(ok)/\(main)" : "feeds \(ok)/\(main) ok, \(troubled) with problems"
        if !unsaved.isEmpty { summary += ", \(unsaved.count) not saved to the cache (f)" }
        var report = FeedReport(summary: summary, lines: lines, problems: problems, progress: progress)
        if let link { report.add(link) }
        return report
    }

    /// The store's and the collector's lines before the feeds', the summary led by
    /// them, and, while the store is lost or the collector silent, that problem in
    /// every pane: each keeps its data and says why it is not moving.
    mutating func add(_ link: StoreLinkStatus) {
        func pad(_ s: String) -> String { s.padding(toWidth: max(s.count, 26)) + " " }
        let store = link.store.escapingControlCharacters
        let read = link.lastRead.map { "data as read \($0.clock) (\(Self.age($0.secondsAgo)))" } ?? "no data read yet"
        var head: [String] = [], lead: String, problem: String?
        switch link.state {
        case .connecting:
            head.append(pad("store " + store) + "waiting  connecting")
            lead = "store connecting"
        case .ok:
            let read = link.lastRead.map { "read \($0.clock) (\(Self.age($0.secondsAgo)))" } ?? "read"
            head.append(pad("store " + store) + "ok       \(read), listening")
            lead = "store ok"
        case .lost:
            let since = link.lostSince?.clock ?? "?"
            let error = link.lastError.map(\.escapingControlCharacters) ?? "lost"
            let retry = link.retryIn.map { "; retry in \(Int(max(0, $0).rounded(.up))) s" } ?? ""
            head.append(pad("store " + store) + "FAILING  since \(since): \(error)\(retry); \(read)")
            lead = "STORE LOST since \(since)"
            // The pane's first words are what a narrow pane keeps: when, then how old.
            let held = link.lastRead.map { " (data as read \($0.clock))" } ?? " (no data read yet)"
            problem = "store lost since \(since)\(held): \(error)"
        }
        if let c = link.collector {
            let name = pad("collector \(c.host.escapingControlCharacters) pid \(c.pid)")
            let last = "last write \(c.lastWrite.clock) (\(Self.age(c.lastWrite.secondsAgo)))"
            head.append(name + (c.stale ? "stale    " : "ok       ") + last)
            if link.state != .lost {
                lead = c.stale ? "COLLECTOR SILENT \(Self.age(c.lastWrite.secondsAgo))"
                    : "collector \(Self.age(c.lastWrite.secondsAgo))"
                if c.stale { problem = "the collector's last write was \(c.lastWrite.clock) (\(Self.age(c.lastWrite.secondsAgo)))" }
            }
        } else if link.state == .ok {
            head.append(pad("collector") + "waiting  no write yet")
            lead = "collector: no write yet"
        }
        if let warning = link.warning { head.append(warning.escapingControlCharacters) }
        lines = head + lines
        summary = lead + " · " + summary
        sharedProblem = problem
    }

    /// `42 s ago`, `3 min ago`, `5 h ago`, `2 days ago`.
    public static func age(_ seconds: Double) -> String {
        let s = Int(max(0, seconds))
        if s < 120 { return "\(s) s ago" }
        if s < 7200 { return "\(s / 60) min ago" }
        if s < 172_800 { return "\(s / 3600) h ago" }
        return "\(s / 86400) days ago"
    }
}

private extension String {
    /// Foundation's `padding(toLength:withPad: " ", startingAt: 0)` for a length at
    /// least the string's (characters, as there).
    func padding(toWidth length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
