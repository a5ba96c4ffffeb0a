import RotorCore
import RotorUI
import Testing

/// Key hints on the panes name the key in force, from the config's key map.
@Suite struct KeyHintTests {
    @Test func theVolPanesHintNamesTheRemappedViewKey() throws {
        let model = try #require(GoldenScreenTests.model)
        var state = AppState(width: 120, height: 40, panes: PaneSet(model.panes))
        state.focus = .volPremium
        state.zoomed = true
        #expect(view(state, model: model, asOf: GoldenScreenTests.asOf, mode: "REPLAY").lines()
            .contains { $0.contains("   v: next pair") })
        state.keys = KeyMap.standard.rebinding([.nextView: [.character("n")]])
        let lines = view(state, model: model, asOf: GoldenScreenTests.asOf, mode: "REPLAY").lines()
        #expect(lines.contains { $0.contains("   n: next pair") })
        #expect(!lines.contains { $0.contains("v: next pair") })
    }
}
