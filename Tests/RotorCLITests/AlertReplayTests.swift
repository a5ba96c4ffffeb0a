import Foundation
import RotorCore
import RotorTerminal
import RotorUI
import Testing
@testable import rotor

/// Issue 14's "replaying the demo fires the bell and fills the overlay on the same
/// dates": the demo replayed through `update` delivers, rings and lists exactly the
/// firings `AlertTracker.history` (what `rotor alerts` prints) has after the start;
/// the loop rings the screen's bell and hands each firing to the delivery.
@MainActor
@Suite struct AlertReplayTests {
    static let start = Day(year: 2024, month: 7, day: 1)!

    func model() throws -> DashboardModel { try #require(GoldenScreenTests.model) }

    func replay(from day: Day = start, rules: [AlertRule] = [], width: Int = 120, height: Int = 40) throws -> DashboardState {
        let model = try model()
        var cursor = ReplayCursor(model: model, speed: 1)
        cursor.seek(to: day)
        return DashboardState(app: AppState(width: width, height: height), model: model, report: FeedReport(summary: "demo"),
                              feed: .replay(cursor), alerts: AlertDesk(panes: model.panes, rules: rules))
    }

    /// A tick a second, until the replay is at `last` (or its end); every tick's effects with the date it reached.
    func run(_ state: inout DashboardState, through last: Day? = nil) -> [(day: Day, effects: [Effect])] {
        var out: [(Day, [Effect])] = []
        var second = 1
        while case let .replay(cursor) = state.feed, !cursor.atEnd, last.map({ cursor.current! < $0 }) ?? true {
            let effects = update(&state, .tick(at: .seconds(second), clock: "12:00:00"))
            out.append((state.asOf!, effects))
            second += 1
        }
        return out
    }

    @Test func theReplayDeliversRingsAndListsWhatTheHistorySays() throws {
        let model = try model()
        var state = try replay()
        let expected = AlertTracker.history(AlertBook(panes: model.panes), model, dates: model.dates)
            .filter { $0.date > Self.start }
        let ticks = run(&state)
        let delivered = ticks.flatMap { tick in tick.effects.compactMap { if case let .deliverAlert(f) = $0 { f } else { nil } } }
        #expect(delivered == expected)
        // The overlay keeps the last `historyLimit` (the macro and curve regimes' words
        // alone change about 600 times in the demo's four years).
        #expect(state.alerts.history.map(\.firing) == Array(expected.suffix(AlertDesk.historyLimit)))
        // Each delivered on the tick that reached its date.
        for tick in ticks {
            for case let .deliverAlert(f) in tick.effects { #expect(f.date == tick.day) }
        }
        // The bell once on exactly the dates with a ringing firing.
        let bells = ticks.filter { $0.effects.contains(.bell) }.map(\.day)
        #expect(ticks.allSatisfy { $0.effects.filter { $0 == .bell }.count <= 1 })
        #expect(bells == Array(Set(expected.filter(\.bell).map(\.date))).sorted())
        // The demo's story: the rotation extreme of mid-July 2024 rings, so do the
        // breadth lows of December; the vol pairs' warnings are delivered, silently.
        func on(_ text: String, _ name: String) -> AlertFiring? {
            delivered.first { $0.date.iso == text && $0.name == name }
        }
        #expect(on("2024-07-15", "rotation-extreme")?.bell == true && bells.contains(Day(year: 2024, month: 7, day: 15)!))
        #expect(on("2024-12-12", "breadth-extreme-low")?.bell == true)
        #expect(on("2024-09-23", "iv-below-rv:VIX")?.bell == false)
        #expect(!delivered.contains { $0.date <= Self.start })
    }

    @Test func theOverlayListsTheFiringsAt80x24() throws {
        var state = try replay(width: 80, height: 24)
        _ = run(&state, through: Day(year: 2024, month: 7, day: 17)!)
        _ = update(&state, .key(.character("a")))
        let lines = view(state).lines()
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        let text = lines.joined(separator: "\n")
        #expect(text.contains("alerts (a or Esc closes)") && text.contains("active now"))
        let rows = lines.filter { $0.contains("12:00:00") }
        // Newest first: the regimes' words of 07-17 (macro and curve), the extreme of
        // 07-15, ... 07-03's.
        #expect(rows.prefix(2).contains { $0.contains("2024-07-17  curve-regime") && $0.contains("bull steepener") }, "\(text)")
        #expect(rows.prefix(2).contains { $0.contains("2024-07-17  macro-regime") && $0.contains("Goldilocks") }, "\(text)")
        #expect(rows.contains { $0.contains("2024-07-15  rotation-extreme") && $0.contains("2.83") })
        #expect(rows.contains { $0.contains("2024-07-11  iv-below-rv:RVX") })
        // The Mag7 pane's CORR HIGH fired twice in the spell (07-11 and 07-15).
        #expect(rows.contains { $0.contains("2024-07-11  implied-corr-high") })
        // With the positioning pane's alerts the list outgrows 80x24: the oldest rows
        // are counted, and `rotor alerts` named for them.
        #expect(rows.count == 11 && text.contains("+6 earlier (rotor alerts lists them all)"), "\(text)")
        // The squeeze risk of the 07-16 report, and every row newest first.
        #expect(rows.contains { $0.contains("2024-07-16  squeeze-risk") })
        let dates = rows.compactMap { row in row.split(separator: " ").first { Day(parsing: $0) != nil }.map(String.init) }
        #expect(dates.count == rows.count && dates == dates.sorted(by: >))
        // Active now: the rotation extreme is up (and in the strip below).
        #expect(text.contains("RTY/ES EXTREME") && lines.last?.contains("EXTREME") == true)
        _ = update(&state, .key(.escape))
        #expect(!view(state).lines().joined().contains("alerts (a or Esc closes)"))
    }

    @Test func theStripShowsAUsersAlertFiredAndLeavesOutADisabledBuiltIn() throws {
        let rules = [AlertRule(name: "rotation-extreme", enabled: false),
                     AlertRule(name: "small-caps-run", when: Condition("zscore(spread(RTY,ES,10),252)", .atLeast, 2))]
        var state = try replay(from: Day(year: 2024, month: 7, day: 8)!, rules: rules)
        let ticks = run(&state, through: Day(year: 2024, month: 7, day: 17)!)
        let delivered = ticks.flatMap { $0.effects }.compactMap { if case let .deliverAlert(f) = $0 { f.name } else { nil } }
        #expect(delivered.contains("small-caps-run") && !delivered.contains("rotation-extreme"))
        let bar = try #require(view(state).lines().last)
        #expect(bar.contains("small-caps-run") && !bar.contains("RTY/ES EXTREME"), "\(bar)")
    }

    final class RecordingDelivery: AlertOutlet {
        var delivered: [(AlertFiring, String)] = []
        var savedStates: [AlertTracker.Saved] = []
        func deliver(_ firing: AlertFiring, mode: String, time: Date) { delivered.append((firing, mode)) }
        func saveState(_ saved: AlertTracker.Saved) { savedStates.append(saved) }
        func loadState() -> AlertTracker.Saved? { nil }
    }

    @Test func theLoopRingsTheScreensBellAndDeliversEachFiring() throws {
        // Three sessions from 2024-07-11: 07-12, then 07-15 (the rotation extreme).
        var state = try replay(from: Day(year: 2024, month: 7, day: 11)!)
        let clock = ManualClock()
        let screen = ScriptedScreen(clock: clock, script: [.timeout, .timeout, .timeout, .key(.character("q"))])
        let delivery = RecordingDelivery()
        var logged: [String] = []
        let loop = DashboardLoop(clock: clock, themes: [.standard], snapshotDir: ".", log: { logged.append($0) },
                                 live: nil, alerts: delivery)
        #expect(loop.run(&state, on: screen) == nil)
        // One bell a session: the rotation extreme on 07-15, the squeeze risk of the 07-16 report.
        #expect(screen.bells == 2)
        #expect(delivery.delivered.contains { $0.0.name == "rotation-extreme" && $0.0.date.iso == "2024-07-15" && $0.1 == "replay" })
        #expect(delivery.delivered.contains { $0.0.name == "squeeze-risk" && $0.0.date.iso == "2024-07-16" })
        #expect(delivery.delivered.count == state.alerts.history.count && delivery.savedStates.isEmpty)
        #expect(logged.contains { $0.hasPrefix("alert rotation-extreme on 2024-07-15: ") })
    }
}
