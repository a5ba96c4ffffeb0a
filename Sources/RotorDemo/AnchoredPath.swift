/// Steers a random path along a scripted course without taking the randomness out.
///
/// The course runs straight (in whatever units the path is in: log price, basis
/// points) from knot to knot, and carries the moves planned for given sessions on top,
/// so a planned crash is part of the course rather than something to steer against.
/// Each day the path receives the course's own change plus a pull of `reversion`
/// times its distance from the course: an Ornstein-Uhlenbeck deviation around the
/// course, with a standard deviation of about sigma / sqrt(2 x reversion). The path
/// passes near its knots, never exactly through them, and every day's move stays a
/// genuine random move.
struct AnchoredPath {
    /// The course on each session, planned moves included.
    let course: [Double]
    /// The course's change on each session, without the planned move of that session.
    private let slope: [Double]
    let reversion: Double

    var start: Double { course[0] }

    /// `knots` may lie outside the sessions (they still shape the course in between);
    /// before the first knot and after the last the course is flat.
    init(knots allKnots: [(index: Int, value: Double)], planned: [Double], reversion: Double) {
        precondition(!allKnots.isEmpty)
        let knots = allKnots.sorted { $0.index < $1.index }
        let n = planned.count
        var cumulative = [Double](repeating: 0, count: n)
        for t in 1..<max(1, n) { cumulative[t] = cumulative[t - 1] + planned[t] }
        func plannedUpTo(_ i: Int) -> Double { cumulative[min(max(i, 0), n - 1)] }
        // The course without planned moves: knots net of what the plan already covers.
        let base = knots.map { (index: $0.index, value: $0.value - plannedUpTo($0.index)) }
        var line = [Double](repeating: 0, count: n)
        var k = 0
        for t in 0..<n {
            while k < base.count && base[k].index < t { k += 1 }
            if k == 0 {
                line[t] = base[0].value
            } else if k == base.count {
                line[t] = base[base.count - 1].value
            } else {
                let a = base[k - 1], b = base[k]
                line[t] = a.value + (b.value - a.value) * Double(t - a.index) / Double(b.index - a.index)
            }
        }
        course = (0..<n).map { line[$0] + cumulative[$0] }
        slope = (0..<n).map { $0 == 0 ? 0 : line[$0] - line[$0 - 1] }
        self.reversion = reversion
    }

    /// The deterministic move for session `t` (>= 1) of a path that stood at `current`
    /// after session t - 1 (the planned move of the day comes on top).
    func drift(at t: Int, current: Double) -> Double {
        slope[t] + reversion * (course[t - 1] - current)
    }
}
