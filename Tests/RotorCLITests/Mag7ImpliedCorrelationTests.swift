import Foundation
import RotorCore
import RotorData
import RotorUI
import Testing

/// The Mag7 pane's implied correlation (issue 16): COR1M and its 1-year percentile,
/// the realized `avgcorr` of the seven names' returns (x100, correlation points) and
/// the gap, each equal to `rotor export` of its expression, the realized one to the
/// pandas reference (Reference/avgcorr_reference.py) too; the CORR HIGH flag; a
/// missing COR1M named while the rest of the pane stays; the configured symbol read.
@Suite struct Mag7ImpliedCorrelationTests {
    /// The flag's first day up in the August 2024 spike, the selloff's low, a calm day.
    static let dates = ["2024-07-11", "2025-04-08", "2026-06-30"]
    static let returns = AverageCorrelationReferenceTests.mag7.map { "ret(\($0))" }.joined(separator: ",")
    static let realized = "mul(avgcorr(\(returns),20),100)"
    static let gap = "sub(COR1M,\(realized))"

    /// The pane's reading and detail texts by label, on `date`.
    static func shown(_ model: DashboardModel, on date: String, view: Int = 0) throws -> [String: Reading] {
        let reader = PaneReader(model: model, asOf: try #require(Day(parsing: date)), lookback: .year1)
        let content = model.panes[.mag7].content(reader, view: view)
        return Dictionary((content.readings + content.detail).map { ($0.label, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The pandas reference's `returns` column (avgcorr of the names' one-row returns) by date.
    static func reference() throws -> [String: Double] {
        let text = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Reference/demo-avgcorr.csv"), encoding: .utf8)
        var out: [String: Double] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            if f.count == 3, let v = Double(f[2]) { out[String(f[0])] = v }
        }
        return out
    }

    @Test(arguments: dates)
    func theAdditionsEqualExportAndThePandasReference(date: String) throws {
        let model = try #require(GoldenScreenTests.model)
        let expressions = ["COR1M", "pctrank(COR1M,252)", Self.realized, Self.gap, "sma(COR1M,20)", "zscore(\(Self.gap),252)"]
        let export = try PaneNumbersTests().exported(expressions, on: date)
        let wanted: [(label: String, expression: String, format: NumberFormatKind)] = [
            ("COR1M", "COR1M", .decimals(1)), ("pct 1y", "pctrank(COR1M,252)", .decimals(0)),
            ("RC20", Self.realized, .decimals(1)), ("gap", Self.gap, .signed(1)),
            ("COR1M 20d avg", "sma(COR1M,20)", .decimals(1)), ("gap z 1y", "zscore(\(Self.gap),252)", .signed(2)),
        ]
        for view in [0, 1] {
            let shown = try Self.shown(model, on: date, view: view)
            for w in wanted {
                let reading = try #require(shown[w.label], "\(w.label) not on the pane")
                #expect(reading.expression == w.expression)
                let value = try #require(export[w.expression] ?? nil, "\(w.expression) absent on \(date)")
                #expect(reading.text == w.format.format(value), "\(w.label) on \(date)")
            }
        }
        // Realized correlation is the reference's avgcorr x100; the gap is COR1M less it.
        let pandas = try #require(try Self.reference()[date])
        let realized = try #require(export[Self.realized] ?? nil)
        #expect(abs(realized - 100 * pandas) <= 1e-9 * 100)
        let implied = try #require(export["COR1M"] ?? nil)
        #expect(abs(try #require(export[Self.gap] ?? nil) - (implied - 100 * pandas)) <= 1e-9 * 100)
        #expect(implied > 3 && implied < 80 && realized > -100 && realized < 100)
    }

    /// CORR HIGH is up exactly when COR1M's 1-year percentile is at least 95, as the
    /// alert `implied-corr-high`; on 2024-07-11 it is (the first day of the August
    /// 2024 spike), on the calm 2026-06-30 it is not.
    @Test func theFlagFollowsThePercentile() throws {
        let model = try #require(GoldenScreenTests.model)
        for (date, up) in [("2024-07-11", true), ("2024-08-05", true), ("2025-04-08", true), ("2026-06-30", false)] {
            let reader = PaneReader(model: model, asOf: try #require(Day(parsing: date)), lookback: .year1)
            let flags = model.panes[.mag7].content(reader).flags
            let pct = try #require(try PaneNumbersTests().exported(["pctrank(COR1M,252)"], on: date)["pctrank(COR1M,252)"] ?? nil)
            #expect((pct >= 95) == up, "\(date): pct \(pct)")
            #expect(flags.contains { $0.word == "CORR HIGH" && $0.alert == "implied-corr-high" && $0.subject == "COR1M" } == up, "\(date)")
            if up {
                let screen = view(AppState(width: 120, height: 40), model: model, asOf: reader.asOf, mode: "REPLAY")
                    .lines().joined(separator: "\n")
                #expect(screen.contains("CORR HIGH COR1M at pct \(NumberFormatKind.decimals(0).format(pct)) of its year"))
                // In the status bar's strip too, where no more severe flag crowds it out.
                if date.hasPrefix("2024") { #expect(screen.contains("⚑ COR1M CORR HIGH"), "\(date)") }
            }
        }
        // The alert fires on the first session of a spell: 2024-07-11 is one.
        let r = try RotorProcess.run(["alerts", "--data", "Samples/demo", "--from", "2024-07-11", "--to", "2024-07-11"])
        #expect(r.stdout.contains("2024-07-11,implied-corr-high,\"pctrank(COR1M,252)\","))
    }

    /// Without COR1M the pane says so and keeps every other number.
    @Test func aMissingImpliedCorrelationIsNamedAndTheRestStays() throws {
        var data = try DataFolder.load(RotorProcess.repositoryRoot.appendingPathComponent("Samples/demo").path)
        data.symbols["COR1M"] = nil
        let model = DashboardModel(data: data)
        #expect(model.failures["COR1M"]?.kind == .unknownSymbol("COR1M"))
        let shown = try Self.shown(model, on: "2025-04-08")
        #expect(shown["COR1M"]?.text == NumberFormatKind.absent && shown["gap"]?.text == NumberFormatKind.absent)
        let full = try Self.shown(try #require(GoldenScreenTests.model), on: "2025-04-08")
        for label in ["vs SPX 1d", "5d", "20d", "dispersion", "RC20"] {
            #expect(shown[label]?.text == full[label]?.text && shown[label]?.text != NumberFormatKind.absent, "\(label)")
        }
        var state = AppState(width: 120, height: 40)
        state.focus = .mag7
        state.zoomed = true
        let screen = view(state, model: model, asOf: Day(year: 2025, month: 4, day: 8)!, mode: "REPLAY").lines().joined(separator: "\n")
        #expect(screen.contains("no data for COR1M: add COR1M.csv or map COR1M in the config"))
        #expect(screen.contains("vs SPX 1d \(try #require(full["vs SPX 1d"]).text)") && screen.contains("AAPL"))
    }

    /// `[roles] implied_corr` chooses the series: COR3M here, read and labelled as such.
    @Test func theConfiguredSymbolIsTheOneRead() throws {
        let data = try DataFolder.load(RotorProcess.repositoryRoot.appendingPathComponent("Samples/demo").path)
        var roles = Roles()
        roles.impliedCorr = "COR3M"
        let model = DashboardModel(data: data, roles: roles)
        let shown = try Self.shown(model, on: "2025-04-08")
        let export = try PaneNumbersTests().exported(["COR3M", "pctrank(COR3M,252)"], on: "2025-04-08")
        #expect(shown["COR3M"]?.text == NumberFormatKind.decimals(1).format(try #require(export["COR3M"] ?? nil)))
        #expect(shown["pct 1y"]?.expression == "pctrank(COR3M,252)")
        #expect(shown["COR1M"] == nil)
    }
}
