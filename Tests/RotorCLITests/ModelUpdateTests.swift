import Foundation
import RotorCore
import RotorData
import RotorUI
import Testing

/// A model updated for new bars of some symbols equals the model evaluated afresh.
@Suite struct ModelUpdateTests {
    static let demo = try? DataFolder.load(RotorProcess.repositoryRoot.appendingPathComponent("Samples/demo").path)

    func expectSame(_ a: DashboardModel, _ b: DashboardModel) {
        #expect(a.series.keys.sorted() == b.series.keys.sorted())
        for (e, s) in a.series { #expect(s == b.series[e], "\(e)") }
        #expect(a.failures == b.failures)
        #expect(a.bands["above(@universe,50)"]?.high == b.bands["above(@universe,50)"]?.high && a.lastDate == b.lastDate)
    }

    @Test func aNewBarOfOneSymbol() throws {
        let data = try #require(Self.demo)
        let old = DashboardModel(data: data)
        var next = data
        var es = next.symbols["ES"]!
        es.append(es.last!.date.adding(days: 3), es.last!.value * 1.01)
        next.symbols["ES"] = es
        expectSame(old.updated(with: next, changed: ["ES"]), DashboardModel(data: next))
        // Nothing that does not read ES was evaluated again: their series are the old ones.
        #expect(old.updated(with: next, changed: ["ES"]).series["above(@universe,50)"] == old.series["above(@universe,50)"])
    }

    @Test func aSymbolThatArrivesLateClearsItsFailures() throws {
        let data = try #require(Self.demo)
        var without = data
        without.symbols["RVX"] = nil
        let old = DashboardModel(data: without)
        #expect(old.failures.keys.contains("rvol(RTY,20)") == false && old.failures["RVX"] != nil)
        expectSame(old.updated(with: data, changed: ["RVX"]), DashboardModel(data: data))
    }

    @Test func newMemberBarsRecomputeBreadth() throws {
        let data = try #require(Self.demo)
        let old = DashboardModel(data: data)
        var next = data
        var universe = next.universes["universe"]!
        universe.members = universe.members.map { m in
            var s = m.series
            s.append(s.last!.date.adding(days: 3), s.last!.value * 0.97)
            return (m.name, s)
        }
        next.universes["universe"] = universe
        expectSame(old.updated(with: next, changed: ["@universe"]), DashboardModel(data: next))
    }
}
