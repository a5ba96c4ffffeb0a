import RotorCore
import Testing
@testable import RotorUI

/// The `a` overlay: what is active now, then the firings newest first, in columns
/// that fit the screen; the rows that do not fit are counted, not dropped silently.
@Suite struct AlertsOverlayTests {
    static let day = Day(year: 2024, month: 7, day: 15)!

    static func fired(_ n: Int) -> [AlertDesk.Fired] {
        (0..<n).map { i in
            AlertDesk.Fired(firing: AlertFiring(date: day.adding(days: -i), name: i == 0 ? "rotation-extreme" : "iv-below-rv:VIX",
                                                expression: "zscore(spread(RTY,ES,10),252)", value: "2.829015064115418",
                                                condition: "|zscore(spread(RTY,ES,10),252)| >= 2",
                                                severity: i == 0 ? .alert : .warn, bell: i == 0),
                            time: "14:02:1\(i % 10)")
        }
    }

    static let active = [ActiveFlag(.alert, "EXTREME", brief: "leading", subject: "RTY/ES", alert: "rotation-extreme")]

    func screen(_ overlay: AlertsOverlay, width: Int, height: Int) -> [String] {
        var canvas = Canvas(width: width, height: height)
        canvas.render(overlay, area: Rect(x: 0, y: 0, width: width, height: height - 1))
        return canvas.lines()
    }

    @Test func at80x24EveryColumnShowsAndTheConditionIsCut() throws {
        let lines = screen(AlertsOverlay(active: Self.active, fired: Self.fired(3)), width: 80, height: 24)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        let text = lines.joined(separator: "\n")
        #expect(text.contains("alerts (a or Esc closes)") && text.contains("active now") && text.contains("RTY/ES EXTREME leading"))
        let header = try #require(lines.first { $0.contains("condition") })
        for word in ["time", "date", "alert", "value"] { #expect(header.contains(word)) }
        // Newest first: the first row is the latest firing, its value in five digits.
        let rows = lines.filter { $0.contains("14:02:1") }
        #expect(rows.count == 3)
        #expect(rows[0].contains("14:02:10  2024-07-15  rotation-extreme") && rows[0].contains("2.83"))
        #expect(rows[0].contains("zscore(spread(RTY,ES") && rows[0].contains("…"))
        #expect(rows[1].contains("2024-07-14  iv-below-rv:VIX"))
    }

    @Test func wideScreensShowTheWholeCondition() {
        let lines = screen(AlertsOverlay(active: Self.active, fired: Self.fired(2)), width: 200, height: 60)
        #expect(lines.contains { $0.contains("|zscore(spread(RTY,ES,10),252)| >= 2") })
    }

    @Test func rowsThatDoNotFitAreCounted() {
        let lines = screen(AlertsOverlay(active: Self.active, fired: Self.fired(40)), width: 80, height: 24)
        let rows = lines.filter { $0.contains("14:02:") }
        let more = lines.first { $0.contains("earlier") } ?? ""
        #expect(!rows.isEmpty && more.contains("+\(40 - rows.count) earlier"), "\(lines.joined(separator: "\n"))")
        // The box ends above the status bar's row and is closed.
        #expect(lines[22].contains("┗") && lines[23].isEmpty)
    }

    @Test func nothingYetSaysSo() {
        let text = screen(AlertsOverlay(active: [], fired: []), width: 80, height: 24).joined(separator: "\n")
        #expect(text.contains("nothing yet") && text.contains("  nothing"))
    }

    @Test func aKeyOpensItAndItsKeyOrEscapeClosesIt() {
        var state = AppState(width: 80, height: 24)
        _ = update(&state, .key(.character("a")))
        #expect(state.showingAlerts)
        _ = update(&state, .key(.character("f")))
        #expect(state.showingFeeds && !state.showingAlerts)
        _ = update(&state, .key(.character("a")))
        #expect(state.showingAlerts && !state.showingFeeds)
        _ = update(&state, .key(.character("a")))
        #expect(!state.showingAlerts)
        _ = update(&state, .key(.character("a")))
        _ = update(&state, .key(.escape))
        #expect(!state.showingAlerts)
        // Remapped: the new key opens it and the title names it.
        state.keys = KeyMap.standard.rebinding([.showAlerts: [.character("A")]])
        _ = update(&state, .key(.character("a")))
        #expect(!state.showingAlerts)
        _ = update(&state, .key(.character("A")))
        #expect(state.showingAlerts)
        #expect(Action(rawValue: "alerts") == .showAlerts)
        #expect(state.keys.helpLines(for: state.panes).contains { $0.hasPrefix("A ") && $0.contains("alerts") })
    }
}
