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

    public init(_ universe: Universe) {
        self.universe = universe
        let union = Alignment.unionDates(universe.members.map(\.series.dates))
        dates = union
        positions = universe.members.map { Alignment.positions(of: $0.series.dates, in: union) }
    }

    /// 100 * share of members above their own n-row average among those that have one.
    public func above(_ n: Int) -> Series {
        var above = [Int](repeating: 0, count: dates.count)
        var voters = [Int](repeating: 0, count: dates.count)
        for (m, member) in universe.members.enumerated() {
            let x = member.series.values
            let moments = WindowMoments(x, n)
            for i in moments.mean.indices {
                let t = moments.start + i
                let p = positions[m][t]
                voters[p] += 1
                if x[t] > moments.mean[i] { above[p] += 1 }
            }
        }
        return tally(voters) { 100 * Double(above[$0]) / Double(voters[$0]) }
    }

    /// Counts of members up and down on the day (unchanged counts neither), on the
    /// dates where at least one member has a previous row.
    public func advanceDecline() -> (advances: Series, declines: Series, net: Series) {
        var advances = [Int](repeating: 0, count: dates.count)
        var declines = [Int](repeating: 0, count: dates.count)
        var voters = [Int](repeating: 0, count: dates.count)
        for (m, member) in universe.members.enumerated() {
            let x = member.series.values
            for t in x.indices.dropFirst() {
                let p = positions[m][t]
                voters[p] += 1
                let r = x[t] / x[t - 1] - 1
                if r > 0 { advances[p] += 1 } else if r < 0 { declines[p] += 1 }
            }
        }
        return (tally(voters) { Double(advances[$0]) },
                tally(voters) { Double(declines[$0]) },
                tally(voters) { Double(advances[$0] - declines[$0]) })
    }

    /// Cumulative net advances from the first date they exist.
    public func adline() -> Series {
        let net = advanceDecline().net
        var total = 0.0
        return Series(dates: net.dates, values: net.values.map { total += $0; return total })
    }

    /// ema(rana, 19) - ema(rana, 39) with rana = 1000 (A - D) / (A + D), 0 when A + D = 0.
    public func mcclellan() -> Series {
        let (a, d, _) = advanceDecline()
        let rana = zip(a.values, d.values).map { up, down in
            up + down == 0 ? 0 : 1000 * (up - down) / (up + down)
        }
        let fast = ExponentialAverage.ema(rana, span: 19), slow = ExponentialAverage.ema(rana, span: 39)
        return Series(dates: a.dates, values: zip(fast, slow).map { $0 - $1 })
    }

    /// Members at a new n-row high minus members at a new n-row low.
    public func nhnl(_ n: Int) -> Series {
        var net = [Int](repeating: 0, count: dates.count)
        var voters = [Int](repeating: 0, count: dates.count)
        for (m, member) in universe.members.enumerated() {
            let x = member.series.values
            RollingExtrema.forEachWindow(x, n, >=) { t, high in
                let p = positions[m][t]
                voters[p] += 1
                if x[t] >= high { net[p] += 1 }
            }
            RollingExtrema.forEachWindow(x, n, <=) { t, low in
                if x[t] <= low { net[positions[m][t]] -= 1 }
            }
        }
        return tally(voters) { Double(net[$0]) }
    }

    private func tally(_ voters: [Int], _ value: (Int) -> Double) -> Series {
        var out = SeriesBuilder(capacity: dates.count)
        for p in dates.indices where voters[p] > 0 { out.append(dates[p], value(p)) }
        return out.build()
    }
}
