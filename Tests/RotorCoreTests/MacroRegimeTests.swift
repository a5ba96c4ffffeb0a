import Testing
@testable import RotorCore

/// METRICS.md's macro regime as a lookup: the trend's sign, the ten combinations
/// and their keys, the default names and renaming.
@Suite struct MacroRegimeTests {
    @Test func theTrendIsUpOnlyWhenTheChangeIsAboveZero() {
        #expect(MacroRegime.Trend(change: 0.031) == .up)
        #expect(MacroRegime.Trend(change: 0) == .down)
        #expect(MacroRegime.Trend(change: -0.0001) == .down)
    }

    @Test func tenCombinationsEachWithItsKeyAndADistinctDefaultName() {
        #expect(MacroRegime.all.count == 10)
        #expect(MacroRegime.all.map(\.key) == [
            "up_bull_steepener", "up_bull_flattener", "up_bear_steepener", "up_bear_flattener", "up_flat",
            "down_bull_steepener", "down_bull_flattener", "down_bear_steepener", "down_bear_flattener", "down_flat",
        ])
        let names = MacroRegime.all.map { MacroRegimeNames()[$0] }
        #expect(Set(names).count == 10)
        #expect(MacroRegimeNames()[MacroRegime(trend: .up, curve: .bullSteepener)] == "Goldilocks")
        #expect(MacroRegimeNames()[MacroRegime(trend: .up, curve: .bearSteepener)] == "Reflation")
        #expect(MacroRegimeNames()[MacroRegime(trend: .down, curve: .bullSteepener)] == "Growth scare")
    }

    @Test func aRenameReplacesOneNameAndTheDefaultNameUndoesIt() {
        var names = MacroRegimeNames()
        let regime = MacroRegime(trend: .down, curve: .flat)
        names[regime] = "Chop"
        #expect(names[regime] == "Chop" && names.renamed.count == 1)
        #expect(names[MacroRegime(trend: .up, curve: .flat)] == "Risk-on")
        names[regime] = "Risk-off"
        #expect(names.renamed.isEmpty && names == MacroRegimeNames())
    }
}
