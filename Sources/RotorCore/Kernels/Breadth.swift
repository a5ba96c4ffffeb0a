import Dispatch
import Foundation

/// Breadth over a universe: each member on its own rows, tallied by date.
///
/// The dates of a breadth series are the union of the members' dates; a member that
/// has no row on a date does not vote. A date where no member can vote at all (no
/// member has a full window, or a previous row for a return) has no value.
///
/// These loops are the biggest cost of a refresh (500 members x 10 years is 1.26M
/// rows per function), so they run over raw buffers, split the members across the
/// cores, and avoid data-dependent branches.
public struct Breadth: Sendable {
    public let universe: Universe
    /// Union of the members' dates.
    public let dates: [Day]
    /// Where each member's rows fall in `dates`.
    private let layouts: [RowLayout]
    /// Advances, declines and net advances: three functions read them.
    public let advanceDecline: (advances: Series, declines: Series, net: Series)

    public init(_ universe: Universe) {
        self.universe = universe
        let index = DayIndex(universe.members.map(\.series.dates))
        let union = index.union
        let layouts = universe.members.map { RowLayout($0.series.dates, in: index) }
        dates = union
        self.layouts = layouts
        advanceDecline = Self.countAdvances(universe, union, layouts)
    }

    /// 100 * share of members above their own n-row average among those that have one.
    public func above(_ n: Int) -> Series {
        let (voters, above, _) = countVotes { x, position, tally in
            let voters = tally.voters.baseAddress!, above = tally.first.baseAddress!
            if let offset = position.contiguousOffset {
                // The common case, specialised: the member's row t is union row offset + t.
                let votersAt = voters + offset, aboveAt = above + offset
                WindowMean.forEachWindow(x, n) { t, mean in
                    votersAt[t] &+= 1
                    aboveAt[t] &+= WindowMean.isAbove(x, t, n, mean: mean) ? 1 : 0
                }
            } else {
                WindowMean.forEachWindow(x, n) { t, mean in
                    let p = position[t]
                    voters[p] &+= 1
                    above[p] &+= WindowMean.isAbove(x, t, n, mean: mean) ? 1 : 0
                }
            }
        }
        return Self.tally(dates, voters) { 100 * Double(above[$0]) / Double(voters[$0]) }
    }

    /// Cumulative net advances from the first date they exist.
    public func adline() -> Series {
        let net = advanceDecline.net
        var total = 0.0
        return Series(dates: net.dates, values: net.values.map { total += $0; return total })
    }

    /// ema(rana, 19) - ema(rana, 39) with rana = 1000 (A - D) / (A + D), 0 when A + D = 0.
    public func mcclellan() -> Series {
        let (a, d, _) = advanceDecline
        let rana = zip(a.values, d.values).map { up, down in
            up + down == 0 ? 0 : 1000 * (up - down) / (up + down)
        }
        let fast = ExponentialAverage.ema(rana, span: 19), slow = ExponentialAverage.ema(rana, span: 39)
        return Series(dates: a.dates, values: zip(fast, slow).map { $0 - $1 })
    }

    /// Members at a new n-row high minus members at a new n-row low.
    public func nhnl(_ n: Int) -> Series {
        let (voters, highs, lows) = countVotes { x, position, tally in
            let voters = tally.voters.baseAddress!, highs = tally.first.baseAddress!, lows = tally.second.baseAddress!
            if let offset = position.contiguousOffset {
                let votersAt = voters + offset, highsAt = highs + offset, lowsAt = lows + offset
                RollingExtrema.forEachWindowHighLow(x, n) { t, high, low in
                    votersAt[t] &+= 1
                    highsAt[t] &+= x[t] >= high ? 1 : 0
                    lowsAt[t] &+= x[t] <= low ? 1 : 0
                }
            } else {
                RollingExtrema.forEachWindowHighLow(x, n) { t, high, low in
                    let p = position[t]
                    voters[p] &+= 1
                    highs[p] &+= x[t] >= high ? 1 : 0
                    lows[p] &+= x[t] <= low ? 1 : 0
                }
            }
        }
        return Self.tally(dates, voters) { Double(highs[$0] - lows[$0]) }
    }

    // MARK: - Tallies

    /// Counts of members up and down on the day (unchanged counts neither), on the
    /// dates where at least one member has a return.
    private static func countAdvances(_ universe: Universe, _ dates: [Day], _ layouts: [RowLayout])
        -> (advances: Series, declines: Series, net: Series) {
        let (voters, advances, declines) = countVotes(universe, layouts, dates.count) { x, position, tally in
            for t in x.indices.dropFirst() {
                let previous = x[t - 1], p = position[t]
                if previous > 0 {
                    // For positive prices ret > 0 exactly when x_t > x_{t-1} (the
                    // quotient of two distinct doubles never rounds to 1): no division.
                    tally.voters[p] &+= 1
                    tally.first[p] &+= x[t] > previous ? 1 : 0
                    tally.second[p] &+= x[t] < previous ? 1 : 0
                } else {
                    let r = x[t] / previous - 1 // as ret() computes it; absent when not finite
                    guard r.isFinite else { continue }
                    tally.voters[p] &+= 1
                    if r > 0 { tally.first[p] &+= 1 } else if r < 0 { tally.second[p] &+= 1 }
                }
            }
        }
        return (tally(dates, voters) { Double(advances[$0]) },
                tally(dates, voters) { Double(declines[$0]) },
                tally(dates, voters) { Double(advances[$0] - declines[$0]) })
    }

    private func countVotes(_ body: @escaping @Sendable (UnsafeBufferPointer<Double>, RowLayout, Tally) -> Void)
        -> (voters: [Int], first: [Int], second: [Int]) {
        Self.countVotes(universe, layouts, dates.count, body)
    }

    /// Runs `body` over every member with its values, where its rows fall in the
    /// union, and a per-date tally to increment. Members are independent, so they are
    /// split across the cores, each part with its own tallies, added up at the end.
    private static func countVotes(
        _ universe: Universe, _ layouts: [RowLayout], _ dateCount: Int,
        _ body: @escaping @Sendable (UnsafeBufferPointer<Double>, RowLayout, Tally) -> Void
    ) -> (voters: [Int], first: [Int], second: [Int]) {
        let members = universe.members
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, members.count / 50))
        let storage = UnsafeMutableBufferPointer<Int>.allocate(capacity: parts * 3 * dateCount)
        storage.initialize(repeating: 0)
        defer { storage.deallocate() }
        let tallies = (0..<parts).map { Tally(storage, offset: 3 * $0 * dateCount, count: dateCount) }
        let work: @Sendable (Int) -> Void = { part in
            for m in stride(from: part, to: members.count, by: parts) {
                members[m].series.values.withUnsafeBufferPointer { body($0, layouts[m], tallies[part]) }
            }
        }
        if parts == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: parts, execute: work) }
        var totals = [[Int]](repeating: [Int](repeating: 0, count: dateCount), count: 3)
        for tally in tallies {
            for p in 0..<dateCount {
                totals[0][p] += tally.voters[p]
                totals[1][p] += tally.first[p]
                totals[2][p] += tally.second[p]
            }
        }
        return (totals[0], totals[1], totals[2])
    }

    private static func tally(_ dates: [Day], _ voters: [Int], _ value: (Int) -> Double) -> Series {
        var out = SeriesBuilder(capacity: dates.count)
        for p in dates.indices where voters[p] > 0 { out.append(dates[p], value(p)) }
        return out.build()
    }

    /// Where a member's rows fall in the union of dates. Most members trade on every
    /// date from their first one, so their rows are a contiguous run of the union and
    /// need no table.
    struct RowLayout: Sendable {
        private let offset: Int
        private let table: [Int]

        init(_ dates: [Day], in index: DayIndex) {
            guard let first = dates.first, let last = dates.last else {
                offset = 0
                table = []
                return
            }
            offset = index[first]
            // Strictly increasing dates spanning exactly count slots fill them all.
            let contiguous = index[last] - offset == dates.count - 1
            table = contiguous ? [] : dates.map { index[$0] }
        }

        @inline(__always) subscript(t: Int) -> Int {
            table.isEmpty ? offset + t : table[t]
        }

        /// The offset of the member's first row when its rows are contiguous.
        var contiguousOffset: Int? { table.isEmpty ? offset : nil }
    }

    /// One part's per-date counts: members voting, and two counts the caller defines.
    /// Each part writes only its own slices of shared storage, so handing the
    /// pointers to the concurrent parts is safe.
    struct Tally: @unchecked Sendable {
        let voters: UnsafeMutableBufferPointer<Int>
        let first: UnsafeMutableBufferPointer<Int>
        let second: UnsafeMutableBufferPointer<Int>

        init(_ storage: UnsafeMutableBufferPointer<Int>, offset: Int, count: Int) {
            voters = UnsafeMutableBufferPointer(rebasing: storage[offset..<(offset + count)])
            first = UnsafeMutableBufferPointer(rebasing: storage[(offset + count)..<(offset + 2 * count)])
            second = UnsafeMutableBufferPointer(rebasing: storage[(offset + 2 * count)..<(offset + 3 * count)])
        }
    }
}
