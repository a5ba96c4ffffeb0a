import Foundation
import RotorCore
import RotorData
import RotorUI
import Testing

/// A pane names the symbols and universes it lacks from the kind of its
/// expressions' errors (`unknownSymbol`, `unknownUniverse`), not from their text.
@Suite struct MissingDataPaneTests {
    @Test func aMissingSymbolAndAMissingUniverseAreNamed() throws {
        var data = try DataFolder.load(RotorProcess.repositoryRoot.appendingPathComponent("Samples/demo").path)
        data.symbols["US2Y"] = nil
        data.universes["universe"] = nil
        let model = DashboardModel(data: data)
        #expect(model.failures["diff(US2Y)"]?.kind == .unknownSymbol("US2Y"))
        #expect(model.failures["netadv(@universe)"]?.kind == .unknownUniverse("universe"))
        #expect(model.failures["ratio(RTY,ES)"] == nil)
        let s = view(AppState(width: 200, height: 60), model: model, asOf: Day(year: 2026, month: 6, day: 30)!,
                     mode: "REPLAY").lines().joined(separator: "\n")
        #expect(s.contains("no data for US2Y: add US2Y.csv or map US2Y in the config"))
        #expect(s.contains("no data for @universe: add @universe.csv")) // the rest is cut at the pane's edge
    }
}
