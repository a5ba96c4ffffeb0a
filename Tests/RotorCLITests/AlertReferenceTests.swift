import Foundation
import RotorCore
import RotorData
import RotorUI
import Testing

/// The alerts fire on the rows an independent computation says: Reference/
/// alert_reference.py computes, with pandas from the demo's CSV files, where two
/// built-ins and one user rule with its own clear condition fire; rotor's
/// `AlertTracker` (and `rotor alerts`, which is it) must give the same dates and values.
@Suite struct AlertReferenceTests {
    struct Firing: Equatable, CustomStringConvertible {
        var date: String, name: String, value: Double
        var description: String { "\(date) \(name) \(value)" }
    }

    static let referenceFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Reference/demo-alerts.csv")
    static let checked: Set<String> = ["rotation-extreme", "iv-below-rv:VIX", "ratio-rich"]
    static let userRule = AlertRule(name: "ratio-rich", when: Condition("zscore(ratio(RTY,ES),252)", .atLeast, 1.5),
                                    clear: Condition("zscore(ratio(RTY,ES),252)", .atMost, 0))

    static func reference() throws -> [Firing] {
        try String(contentsOf: referenceFile, encoding: .utf8).split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: ",").map(String.init)
            return Firing(date: f[0], name: f[1], value: try #require(Double(f[2])))
        }
    }

    static func matches(_ got: [Firing], _ want: [Firing]) {
        #expect(got.map(\.date) == want.map(\.date))
        #expect(got.map(\.name) == want.map(\.name))
        for (g, w) in zip(got, want) where g.date == w.date && g.name == w.name {
            #expect(abs(g.value - w.value) <= 1e-9 * max(1, abs(w.value)), "\(g) against \(w)")
        }
    }

    @Test func trackerFiresWhereThePandasReferenceDoes() throws {
        let data = try DataFolder.load(RotorProcess.repositoryRoot.appendingPathComponent("Samples/demo").path)
        let rules = [Self.userRule]
        let model = DashboardModel(data: data, watching: AlertBook.expressions(rules))
        let firings = AlertTracker.history(AlertBook(panes: model.panes, rules: rules), model, dates: model.dates)
            .filter { Self.checked.contains($0.name) }.sorted(by: AlertFiring.ordered)
            .map { Firing(date: $0.date.iso, name: $0.name, value: Double($0.value) ?? .nan) }
        let want = try Self.reference()
        #expect(want.count >= 30, "the reference has \(want.count) firings")
        #expect(Set(want.map(\.name)) == Self.checked)
        Self.matches(firings, want)
    }

    @Test func alertsCommandPrintsTheBuiltInsFirings() throws {
        let r = try RotorProcess.run(["alerts", "--data", "Samples/demo"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "date,name,expression,value")
        let firings = lines.dropFirst().map { line -> (date: String, name: String, expression: String, value: String) in
            // The expression is quoted (it has commas); the name and value never are.
            let date = String(line.prefix(10))
            let rest = line.dropFirst(11)
            let name = String(rest.prefix { $0 != "," })
            let value = String(line[line.index(after: line.lastIndex(of: ",")!)...])
            let expression = String(rest.dropFirst(name.count + 1).dropLast(value.count + 1))
            return (date, name, expression, value)
        }
        // Ascending by date, then name.
        let keys = firings.map { $0.date + " " + $0.name }
        #expect(keys == keys.sorted())
        // Every built-in of the demo fires at least once, each with the expression it tests.
        let names = Set(firings.map(\.name))
        for name in ["rotation-extreme", "iv-below-rv:VIX", "iv-below-rv:VXN", "iv-below-rv:RVX", "breadth-extreme-high",
                     "breadth-extreme-low", "breadth-reversing", "curve-regime", "mi-spike", "implied-corr-high",
                     "squeeze-risk", "crowded-short:RTY_LF"] {
            #expect(names.contains(name), "\(name) never fires")
        }
        let expressions = Dictionary(firings.map { ($0.name, $0.expression) }, uniquingKeysWith: { a, _ in a })
        #expect(expressions["rotation-extreme"] == "\"zscore(spread(RTY,ES,10),252)\"")
        #expect(expressions["iv-below-rv:VIX"] == "\"sub(VIX,rvol(ES,20))\"")
        #expect(expressions["breadth-extreme-low"] == "\"pctrank(above(@universe,50),252)\"")
        #expect(expressions["curve-regime"] == "\"sub(US10Y,US2Y)\"")
        #expect(expressions["implied-corr-high"] == "\"pctrank(COR1M,252)\"")
        // The built-ins the reference covers fire on its dates.
        let checked = firings.filter { $0.name == "rotation-extreme" || $0.name == "iv-below-rv:VIX" }
            .map { Firing(date: $0.date, name: $0.name, value: Double($0.value) ?? .nan) }
        Self.matches(checked, try Self.reference().filter { $0.name != "ratio-rich" })
        // The regime's value is its new words.
        let regimes = Set(firings.filter { $0.name == "curve-regime" }.map(\.value))
        #expect(regimes.isSubset(of: ["bull steepener", "bull flattener", "bear steepener", "bear flattener", "flat"]))
    }

    @Test func fromAndToLimitTheRowsPrintedNotTheReplay() throws {
        let all = try RotorProcess.run(["alerts", "--data", "Samples/demo"]).stdout.split(separator: "\n").dropFirst()
        let r = try RotorProcess.run(["alerts", "--data", "Samples/demo", "--from", "2024-07-01", "--to", "2024-07-31"])
        #expect(r.status == 0)
        let rows = r.stdout.split(separator: "\n").dropFirst()
        #expect(!rows.isEmpty)
        #expect(Array(rows) == all.filter { $0 >= "2024-07-01" && $0 < "2024-08-01" })
        let bad = try RotorProcess.run(["alerts", "--data", "Samples/demo", "--from", "2024-08-01", "--to", "2024-07-01"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--to 2024-07-01 is before --from 2024-08-01"))
    }

    @Test func jsonFormatHasOneObjectPerFiring() throws {
        let r = try RotorProcess.run(["alerts", "--data", "Samples/demo", "--from", "2024-07-15", "--to", "2024-07-15",
                                      "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        let rotation = try #require(rows.first { $0["name"] as? String == "rotation-extreme" })
        #expect(rotation["date"] as? String == "2024-07-15")
        #expect(rotation["expression"] as? String == "zscore(spread(RTY,ES,10),252)")
        let value = try #require(rotation["value"] as? Double)
        #expect(abs(value - 2.8290150641154193) < 1e-9)
        #expect(rotation["severity"] as? String == "alert")
    }

    /// `rotor snapshot`'s strip is the dashboard's: a built-in the config turns off
    /// leaves it, a user's alert fired and not cleared joins it; `rotor alerts` with
    /// the same config agrees.
    @Test func snapshotAndAlertsFollowTheConfigsAlerts() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rotor-alerts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("alerts.toml")
        try """
        [data]
        folder = "\(RotorProcess.repositoryRoot.appendingPathComponent("Samples/demo").path)"

        [[alerts]]
        name = "rotation-extreme"
        enabled = false

        [[alerts]]
        name = "ratio-rich"
        when = "zscore(ratio(RTY,ES),252) >= 1.5"
        clear = "zscore(ratio(RTY,ES),252) <= 0"
        severity = "warn"
        """.write(to: config, atomically: true, encoding: .utf8)
        func bar(_ date: String, _ extra: [String] = []) throws -> String {
            let r = try RotorProcess.run(["snapshot", "--at", date, "--width", "120", "--height", "40"] + extra)
            #expect(r.status == 0, "\(r.stderr)")
            return String(r.stdout.split(separator: "\n").last ?? "")
        }
        #expect(try bar("2024-07-17").contains("⚑ RTY/ES EXTREME")) // shortened beside the positioning flags of that date
        #expect(!(try bar("2024-07-17", ["--config", config.path]).contains("EXTREME")))
        // ratio-rich fires on 2025-11-18 (the reference) and is still fired two days on.
        #expect(try bar("2025-11-20", ["--config", config.path]).contains("⚑ ratio-rich"))
        #expect(!(try bar("2025-11-17", ["--config", config.path]).contains("ratio-rich")))
        let r = try RotorProcess.run(["alerts", "--config", config.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains("rotation-extreme"))
        let rich = r.stdout.split(separator: "\n").filter { $0.contains(",ratio-rich,") }.map { String($0.prefix(10)) }
        #expect(rich == (try Self.reference()).filter { $0.name == "ratio-rich" }.map(\.date))
    }
}
