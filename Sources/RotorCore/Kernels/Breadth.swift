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
    public func above(_ n: Int) -> Series { above([n])[0] }

    /// `above` for several windows in one pass over the members: each member's rows
    /// are still in cache for the second and third window.
    public func above(_ windows: [Int]) -> [Series] {
        let counts = countVotes(kinds: 2 * windows.count) { x, position, tally in
            for (j, n) in windows.enumerated() {
                let voters = tally[2 * j], above = tally[2 * j + 1]
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
        }
        return windows.indices.map { j in
            let voters = counts[2 * j], above = counts[2 * j + 1]
            return Self.tally(dates, voters) { 100 * Double(above[$0]) / Double(voters[$0]) }
        }
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
        let counts = countVotes(kinds: 3) { x, position, tally in
            let voters = tally[0], highs = tally[1], lows = tally[2]
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
        let (voters, highs, lows) = (counts[0], counts[1], counts[2])
        return Self.tally(dates, voters) { Double(highs[$0] - lows[$0]) }
    }

    // MARK: - Tallies

    /// Counts of members up and down on the day (unchanged counts neither), on the
    /// dates where at least one member has a return.
    private static func countAdvances(_ universe: Universe, _ dates: [Day], _ layouts: [RowLayout])
        -> (advances: Series, declines: Series, net: Series) {
        let counts = countVotes(universe, layouts, dates.count, kinds: 3) { x, position, tally in
            let voters = tally[0], advances = tally[1], declines = tally[2]
            for t in x.indices.dropFirst() {
                let previous = x[t - 1], p = position[t]
                if previous > 0 {
                    // For positive prices ret > 0 exactly when x_t > x_{t-1} (the
                    // quotient of two distinct doubles never rounds to 1): no division.
                    voters[p] &+= 1
                    advances[p] &+= x[t] > previous ? 1 : 0
                    declines[p] &+= x[t] < previous ? 1 : 0
                } else {
                    let r = x[t] / previous - 1 // as ret() computes it; absent when not finite
                    guard r.isFinite else { continue }
                    voters[p] &+= 1
                    if r > 0 { advances[p] &+= 1 } else if r < 0 { declines[p] &+= 1 }
                }
            }
        }
        let (voters, advances, declines) = (counts[0], counts[1], counts[2])
        return (tally(dates, voters) { Double(advances[$0]) },
                tally(dates, voters) { Double(declines[$0]) },
                tally(dates, voters) { Double(advances[$0] - declines[$0]) })
    }

    private func countVotes(kinds: Int, _ body: @escaping @Sendable (UnsafeBufferPointer<Double>, RowLayout, Tally) -> Void)
        -> [[Int]] {
        Self.countVotes(universe, layouts, dates.count, kinds: kinds, body)
    }

    /// Runs `body` over every member with its values, where its rows fall in the
    /// union, and `kinds` per-date counts to increment. Members are independent, so
    /// they are split across the cores, each part with its own counts, added up at
    /// the end.
    private static func countVotes(
        _ universe: Universe, _ layouts: [RowLayout], _ dateCount: Int, kinds: Int,
        _ body: @escaping @Sendable (UnsafeBufferPointer<Double>, RowLayout, Tally) -> Void
    ) -> [[Int]] {
        let members = universe.members
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, members.count / 50))
        let storage = UnsafeMutableBufferPointer<Int>.allocate(capacity: parts * kinds * dateCount)
        storage.initialize(repeating: 0)
        defer { storage.deallocate() }
        let tallies = (0..<parts).map { Tally(base: storage.baseAddress! + $0 * kinds * dateCount, dateCount: dateCount) }
        let work: @Sendable (Int) -> Void = { part in
            for m in stride(from: part, to: members.count, by: parts) {
                members[m].series.values.withUnsafeBufferPointer { body($0, layouts[m], tallies[part]) }
            }
        }
        if parts == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: parts, execute: work) }
        return (0..<kinds).map { k in
            (0..<dateCount).map { p in tallies.reduce(0) { $0 + $1[k][p] } }
        }
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

    /// One part's per-date counts, `tally[k][p]` for count kind k on union row p.
    /// Each part writes only its own storage, so handing the pointers to the
    /// concurrent parts is safe.
    struct Tally: @unchecked Sendable {
        let base: UnsafeMutablePointer<Int>
        let dateCount: Int

        @inline(__always) subscript(kind: Int) -> UnsafeMutablePointer<Int> { base + kind * dateCount }
    }
}
