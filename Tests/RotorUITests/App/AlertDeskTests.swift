import RotorCore
import Testing
@testable import RotorUI

/// The dashboard's alerts as messages through `update`: a live model whose today's
/// row moves fires once and re-arms only after clearing; a restored state does not
/// fire again; the effects (one bell, each delivery, the state saved when it
/// changed); the strip with a user's alert and a disabled built-in.
@Suite struct AlertDeskTests {
    static let days = (0..<5).map { Day(year: 2025, month: 3, day: 3)!.adding(days: $0) }
    /// `X > 10`, ringing (severity alert).
    static let rule = AlertRule(name: "x-high", when: Condition("X", .above, 10))

    /// X over the days: today's (the last) value is the one that moves.
    static func model(_ values: [Double]) -> DashboardModel {
        let dates = Array(days.prefix(values.count))
        return DashboardModel(data: MarketData(symbols: ["X": Series(dates: dates, values: values)]),
                              watching: AlertBook.expressions([rule]))
    }

    static func live(_ values: [Double], restoring saved: AlertTracker.Saved? = nil,
                     rules: [AlertRule] = [rule]) -> DashboardState {
        let model = model(values)
        return DashboardState(app: AppState(width: 120, height: 40), model: model, report: FeedReport(summary: "live"),
                              feed: .live(LiveCursor(version: 1)),
                              alerts: AlertDesk(panes: model.panes, rules: rules, restoring: saved))
    }

    func delivered(_ effects: [Effect]) -> [AlertFiring] {
        effects.compactMap { if case let .deliverAlert(f) = $0 { f } else { nil } }
    }

    func saved(_ effects: [Effect]) -> AlertTracker.Saved? {
        effects.compactMap { if case let .saveAlertState(s) = $0 { s } else { nil } }.last
    }

    /// A poll: the model with today's row at `today`, as the shell's `.readFeeds` answers.
    func poll(_ s: inout DashboardState, _ values: [Double], version: Int, at second: Int) -> [Effect] {
        _ = update(&s, .tick(at: .seconds(second), clock: "10:00:0\(second)"))
        return update(&s, .dataArrived(Self.model(values), version: version))
    }

    @Test func aMovingTodaysRowFiresOnceAndReArmsOnlyAfterClearing() throws {
        var s = Self.live([5, 6, 7, 8])
        // The first tick starts the alerts on the opening model: every date but the
        // last stepped silently, the last stepped live; X is low, nothing fires.
        let start = update(&s, .tick(at: .zero, clock: "10:00:00"))
        #expect(delivered(start).isEmpty && !start.contains(.bell))
        #expect(saved(start)?.through == Self.days[3].ordinal)
        // Today's row moves above 10: it fires, once, and rings.
        var effects = poll(&s, [5, 6, 7, 12], version: 2, at: 1)
        #expect(delivered(effects).map(\.name) == ["x-high"] && delivered(effects).first?.date == Self.days[3])
        #expect(effects.filter { $0 == .bell }.count == 1 && effects.first == .bell)
        #expect(s.alerts.history.map(\.time) == ["10:00:01"] && s.alerts.tracker.fired == ["x-high"])
        // Still above: no second firing.
        effects = poll(&s, [5, 6, 7, 13], version: 3, at: 2)
        #expect(delivered(effects).isEmpty && !effects.contains(.bell))
        // Below again: it clears, silently.
        effects = poll(&s, [5, 6, 7, 9], version: 4, at: 3)
        #expect(delivered(effects).isEmpty && s.alerts.tracker.fired.isEmpty)
        // Above once more: re-armed, it fires again.
        effects = poll(&s, [5, 6, 7, 11], version: 5, at: 4)
        #expect(delivered(effects).map(\.value) == ["11"])
        #expect(s.alerts.history.count == 2)
        // A new session above, the day before also above: no edge, no firing.
        effects = poll(&s, [5, 6, 7, 11, 14], version: 6, at: 5)
        #expect(delivered(effects).isEmpty && saved(effects)?.through == Self.days[4].ordinal)
    }

    @Test func theStateIsSavedOnlyWhenItChanged() {
        var s = Self.live([5, 6, 7, 8])
        #expect(saved(update(&s, .tick(at: .zero, clock: "10:00:00"))) != nil)
        // The same model again: the machines did not move, nothing to save.
        #expect(saved(poll(&s, [5, 6, 7, 8], version: 2, at: 1)) == nil)
        #expect(saved(poll(&s, [5, 6, 7, 12], version: 3, at: 2)) != nil)
        // Later ticks do not step again: only new models do.
        #expect(update(&s, .tick(at: .seconds(3), clock: "10:00:03")) == [.readFeeds(modelVersion: 3, rebuild: true)])
    }

    @Test func aRestoredStateDoesNotFireAgain() throws {
        var first = Self.live([5, 6, 7, 8])
        _ = update(&first, .tick(at: .zero, clock: "10:00:00"))
        let fired = poll(&first, [5, 6, 7, 12], version: 2, at: 1)
        #expect(delivered(fired).count == 1)
        let state = try #require(saved(fired))
        // A restart on the same data with the saved state: nothing fires, the alert
        // is still fired (in the strip) and waits for its clear.
        var again = Self.live([5, 6, 7, 12], restoring: state)
        let restart = update(&again, .tick(at: .zero, clock: "11:00:00"))
        #expect(delivered(restart).isEmpty && !restart.contains(.bell))
        #expect(again.alerts.tracker.fired == ["x-high"] && again.alerts.history.isEmpty)
        #expect(poll(&again, [5, 6, 7, 12, 15], version: 2, at: 1).allSatisfy { $0 != .bell })
        // Without the state the same restart would have fired it on today's row.
        var fresh = Self.live([5, 6, 7, 12])
        #expect(delivered(update(&fresh, .tick(at: .zero, clock: "11:00:00"))).map(\.name) == ["x-high"])
    }

    @Test func aLiveDashboardWithNoDataYetStartsOnItsFirstModel() {
        var s = Self.live([])
        #expect(update(&s, .tick(at: .zero, clock: "10:00:00")) == [.readFeeds(modelVersion: 1, rebuild: true)])
        #expect(!s.alerts.started)
        // The first data: all but its last date silent; the last one is stepped.
        let effects = update(&s, .dataArrived(Self.model([5, 12, 13]), version: 2))
        #expect(s.alerts.started && delivered(effects).isEmpty && saved(effects) != nil)
    }

    @Test func severalFiringsOnOneUpdateRingOnceAndAreEachDelivered() {
        let quiet = AlertRule(name: "x-above-9", when: Condition("X", .above, 9), severity: .warn)
        var s = Self.live([5, 6, 7, 8], rules: [Self.rule, quiet])
        _ = update(&s, .tick(at: .zero, clock: "10:00:00"))
        let effects = poll(&s, [5, 6, 7, 12], version: 2, at: 1)
        #expect(effects.filter { $0 == .bell }.count == 1)
        #expect(delivered(effects).map(\.name) == ["x-high", "x-above-9"])
        #expect(delivered(effects).map(\.bell) == [true, false])
    }

    @Test func aReplayStartsSilentlyAndNeverFiresTwiceForADate() {
        let model = Self.model([5, 12, 8, 8, 12])
        var cursor = ReplayCursor(dates: Self.days, speed: 1)
        cursor.seek(to: Self.days[1])
        var s = DashboardState(app: AppState(width: 120, height: 40), model: model, report: FeedReport(summary: "r"),
                               feed: .replay(cursor), alerts: AlertDesk(panes: model.panes, rules: [Self.rule]))
        // The firing on the start date is the machines' (fired), not delivered or listed.
        #expect(s.alerts.tracker.fired == ["x-high"] && s.alerts.history.isEmpty && s.alerts.highWater == Self.days[1])
        var bells: [Day] = []
        for second in 1...4 {
            let effects = update(&s, .tick(at: .seconds(second), clock: "09:00:0\(second)"))
            if effects.contains(.bell), let day = s.asOf { bells.append(day) }
            #expect(!effects.contains { if case .saveAlertState = $0 { true } else { false } })
        }
        #expect(bells == [Self.days[4]] && s.alerts.history.map(\.firing.date) == [Self.days[4]])
        // The cursor moved back (the soak starts over): nothing steps, nothing fires.
        cursor.seek(to: Self.days[0])
        s.feed = .replay(cursor)
        #expect(update(&s, .tick(at: .seconds(5), clock: "09:00:05")).isEmpty)
        #expect(s.alerts.highWater == Self.days[4])
    }

    @Test func theStripNamesUsersAlertsFiredAndLeavesOutDisabledBuiltIns() {
        let up = ActiveFlag(.alert, "EXTREME", subject: "RTY/ES", alert: "rotation-extreme")
        let vol = ActiveFlag(.warn, "IV<RV", subject: "VIX", alert: "iv-below-rv:VIX")
        let info = AlertRule(name: "x-info", when: Condition("X", .above, 10), severity: .info)
        let rules = [Self.rule, info, AlertRule(name: "rotation-extreme", enabled: false)]
        var s = Self.live([5, 6, 7, 8], rules: rules)
        _ = update(&s, .tick(at: .zero, clock: "10:00:00"))
        _ = poll(&s, [5, 6, 7, 12], version: 2, at: 1)
        let strip = AlertStrip(s.alerts.stripFlags([up, vol]))
        #expect(strip.flags.map(\.alert) == ["x-high", "iv-below-rv:VIX"])
        let line = strip.line(width: 80).map { $0.spans.map(\.text).joined() } ?? ""
        #expect(line.contains("x-high") && line.contains("VIX IV<RV") && !line.contains("EXTREME") && !line.contains("x-info"))
        // On screen: the status bar says it too.
        let bar = view(s).lines().last ?? ""
        #expect(bar.contains("⚑ x-high"), "\(bar)")
    }
}
