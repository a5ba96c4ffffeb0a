import RotorCore
@testable import RotorUI
import Testing

/// `rotor line`'s model and reading: only the expressions the line needs, the flags
/// up on the date less the disabled built-ins, and the users' alerts fired and not
/// cleared on the history up to the date.
@Suite struct StatusLineReadingTests {
    static let days = (0..<40).map { Day(year: 2025, month: 1, day: 1)!.adding(days: $0) }
    /// RTY climbs from 90 by 1 a day (above 100 from day 11), falls back below 95 from day 30;
    /// ES swings 1% a day; VIX is far below ES's realized vol (IV<RV is up from day 21).
    static let market: MarketData = {
        let rty = days.indices.map { i in i < 30 ? 90 + Double(i) : 80 }
        let es = days.indices.map { i in i.isMultiple(of: 2) ? 5000.0 : 5050 }
        return MarketData(symbols: ["RTY": Series(dates: days, values: rty), "ES": Series(dates: days, values: es),
                                    "VIX": Series(dates: days, values: days.map { _ in 2 })])
    }()

    static func reading(_ rules: [AlertRule]) -> StatusLineReading {
        StatusLineReading(panes: PaneRegistry.builtins(Roles(), Thresholds()), roles: Roles(), rules: rules)
    }

    static let rtyUp = AlertRule(name: "rty-up", when: Condition("RTY", .above, 100), severity: .warn)

    @Test func userAlertIsListedFromItsFiringUntilItClears() {
        let reading = Self.reading([Self.rtyUp])
        let model = reading.model(Self.market, thresholds: Thresholds())
        #expect(reading.text(model, at: Self.days[10]).fired.isEmpty)
        #expect(reading.text(model, at: Self.days[11]).fired == [.init("rty-up", .warn)])
        #expect(reading.text(model, at: Self.days[29]).fired == [.init("rty-up", .warn)])
        #expect(reading.text(model, at: Self.days[30]).fired.isEmpty)
    }

    @Test func builtInFlagsUpAreListedUnlessDisabled() {
        let on = Self.reading([])
        let text = on.text(on.model(Self.market, thresholds: Thresholds()), at: Self.days[25])
        #expect(text.flags.map(\.alert) == ["iv-below-rv:VIX"])
        #expect(text.plain.hasSuffix(" · ⚑ VIX IV<RV"))
        let off = Self.reading([AlertRule(name: "iv-below-rv:VIX", enabled: false)])
        #expect(off.text(off.model(Self.market, thresholds: Thresholds()), at: Self.days[25]).flags.isEmpty)
    }

    /// The premium headline is the vol pane's expression, in its format; the others
    /// have no data here and show the absent marker.
    @Test func headlinesReadThePanesExpressionsAndAbsentIsTheMarker() {
        let reading = Self.reading([])
        let model = reading.model(Self.market, thresholds: Thresholds())
        let text = reading.text(model, at: Self.days[25])
        let premium = model.value("sub(VIX,rvol(ES,20))", asOf: Self.days[25])!
        #expect(text.headlines.map(\.label) == ["RTY/ES z", "VIX prem", "% > 50d", "2s10s"])
        #expect(text.plain.hasPrefix("RTY/ES z – · VIX prem \(NumberFormatKind.points.format(premium)) · % > 50d – · 2s10s – · "))
    }

    /// Only what the line shows is evaluated: no table, chart or detail expression.
    @Test func modelEvaluatesOnlyTheLinesExpressions() {
        let reading = Self.reading([Self.rtyUp])
        let model = reading.model(Self.market, thresholds: Thresholds())
        let full = DashboardModel(data: Self.market)
        #expect(Set(model.series.keys).union(model.failures.keys) == Set(reading.expressions))
        #expect(reading.expressions.contains("RTY"))
        #expect(reading.expressions.count < full.series.count + full.failures.count)
        #expect(!reading.expressions.contains("mcclellan(@universe)"))
    }

    @Test func noDataIsEveryHeadlineAbsentAndNoAlert() {
        let reading = Self.reading([Self.rtyUp])
        let text = reading.text(reading.model(MarketData(), thresholds: Thresholds()))
        #expect(text.plain == "RTY/ES z – · VIX prem – · % > 50d – · 2s10s –")
    }

    /// Roles name the symbols: a config whose small caps are IWM reads IWM.
    @Test func headlinesFollowTheRoles() {
        var roles = Roles()
        roles.small = "IWM"
        roles.volPairs = [("VXN", "NQ")]
        let reading = StatusLineReading(panes: PaneRegistry.builtins(roles, Thresholds()), roles: roles)
        #expect(reading.expressions.prefix(4) == ["zscore(spread(IWM,ES,10),252)", "sub(VXN,rvol(NQ,20))",
                                                  "above(@universe,50)", "sub(US10Y,US2Y)"])
    }
}
