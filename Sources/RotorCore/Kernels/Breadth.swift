import Dispatch
import Foundation

/// Breadth over a universe: each member on its own rows, tallied by date.
///
/// The dates of a breadth series are the union of the members' dates; a member that
/// has no row on a date does not vote. A date where no member can vote at all (no
/// member has a full window, or a previous row for a return) has no value.
public struct Breadth: Sendable {
    public let universe: Universe
    /// Union of the members' dates.
    public let dates: [Day]
    /// For each member, the position in `dates` of each of its rows.
    private let positions: [[Int]]
    /// Advances, declines and net advances: three functions read them.
    public let advanceDecline: (advances: Series, declines: Series, net: Series)

    public init(_ universe: Universe) {
        self.universe = universe
        let union = Alignment.unionDates(universe.members.map(\.series.dates))
        let positions = universe.members.map { Alignment.positions(of: $0.series.dates, in: union) }
        dates = union
        self.positions = positions
        advanceDecline = Self.countAdvances(universe, union, positions)
    }

    /// 100 * share of members above their own n-row average among those that have one.
    public func above(_ n: Int) -> Series {
        let (voters, above) = countVotes { x, position, voters, above in
            WindowMean.forEachWindow(x, n) { t, mean in
                let p = position[t]
                voters[p] += 1
                if WindowMean.isAbove(x, t, n, mean: mean) { above[p] += 1 }
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
        let (voters, net) = countVotes { x, position, voters, net in
            RollingExtrema.forEachWindowHighLow(x, n) { t, high, low in
                let p = position[t]
                voters[p] += 1
                if x[t] >= high { net[p] += 1 }
                if x[t] <= low { net[p] -= 1 }
            }
        }
        return Self.tally(dates, voters) { Double(net[$0]) }
    }

    /// Runs `body` over every member with its values, the union position of each of
    /// its rows, and two per-date tallies (voters and a count) that it increments.
    /// Buffers rather than arrays: these loops touch 500 x 2,520 values per call, and
    /// arrays captured by a closure pay uniqueness and exclusivity checks per access.
    private func countVotes(
        _ body: @escaping @Sendable (UnsafeBufferPointer<Double>, UnsafeBufferPointer<Int>,
                                     UnsafeMutableBufferPointer<Int>, UnsafeMutableBufferPointer<Int>) -> Void
    ) -> (voters: [Int], count: [Int]) {
        Self.countVotes(universe, positions, dates.count, body)
    }

    private static func countVotes(
        _ universe: Universe, _ positions: [[Int]], _ dateCount: Int,
        _ body: @escaping @Sendable (UnsafeBufferPointer<Double>, UnsafeBufferPointer<Int>,
                                     UnsafeMutableBufferPointer<Int>, UnsafeMutableBufferPointer<Int>) -> Void
    ) -> (voters: [Int], count: [Int]) {
        // Members are independent: split them across the cores, each part with its
        // own tallies, then add the tallies up. A 500-member universe is the biggest
        // single cost of a refresh.
        let members = universe.members
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, members.count / 50))
        let tallies = Tallies(parts: parts, dateCount: dateCount)
        defer { tallies.storage.deallocate() }
        let work: @Sendable (Int) -> Void = { part in
            let (voters, count) = tallies.slices(part)
            for m in stride(from: part, to: members.count, by: parts) {
                members[m].series.values.withUnsafeBufferPointer { x in
                    positions[m].withUnsafeBufferPointer { body(x, $0, voters, count) }
                }
            }
        }
        if parts == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: parts, execute: work) }
        var voters = [Int](repeating: 0, count: dateCount)
        var count = [Int](repeating: 0, count: dateCount)
        for part in 0..<parts {
            let (v, c) = tallies.slices(part)
            for p in 0..<dateCount {
                voters[p] += v[p]
                count[p] += c[p]
            }
        }
        return (voters, count)
    }

    /// Per-part tallies in one allocation. Each part writes only its own slices, so
    /// sharing the pointer across the concurrent parts is safe.
    private struct Tallies: @unchecked Sendable {
        let storage: UnsafeMutableBufferPointer<Int>
        let dateCount: Int

        init(parts: Int, dateCount: Int) {
            storage = .allocate(capacity: parts * 2 * dateCount)
            storage.initialize(repeating: 0)
            self.dateCount = dateCount
        }

        func slices(_ part: Int) -> (voters: UnsafeMutableBufferPointer<Int>, count: UnsafeMutableBufferPointer<Int>) {
            let base = 2 * part * dateCount
            return (UnsafeMutableBufferPointer(rebasing: storage[base..<(base + dateCount)]),
                    UnsafeMutableBufferPointer(rebasing: storage[(base + dateCount)..<(base + 2 * dateCount)]))
        }
    }

    /// Counts of members up and down on the day (unchanged counts neither), on the
    /// dates where at least one member has a previous row.
    private static func countAdvances(_ universe: Universe, _ dates: [Day], _ positions: [[Int]])
        -> (advances: Series, declines: Series, net: Series) {
        // Members with a return vote; the count tallies advances minus declines, and
        // a second pass counts declines, so advances = net + declines.
        let (voters, net) = countVotes(universe, positions, dates.count) { x, position, voters, net in
            for t in x.indices.dropFirst() {
                let p = position[t]
                voters[p] += 1
                let r = x[t] / x[t - 1] - 1 // as ret() computes it
                net[p] += r > 0 ? 1 : (r < 0 ? -1 : 0)
            }
        }
        let (_, declines) = countVotes(universe, positions, dates.count) { x, position, _, down in
            for t in x.indices.dropFirst() where x[t] / x[t - 1] - 1 < 0 { down[position[t]] += 1 }
        }
        let advances = zip(net, declines).map { $0 + $1 }
        return (tally(dates, voters) { Double(advances[$0]) },
                tally(dates, voters) { Double(declines[$0]) },
                tally(dates, voters) { Double(net[$0]) })
    }

    private static func tally(_ dates: [Day], _ voters: [Int], _ value: (Int) -> Double) -> Series {
        var out = SeriesBuilder(capacity: dates.count)
        for p in dates.indices where voters[p] > 0 { out.append(dates[p], value(p)) }
        return out.build()
    }
}
