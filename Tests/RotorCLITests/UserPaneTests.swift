import Foundation
import RotorConfig
import RotorCore
import RotorData
import RotorUI
import Testing

/// The "done when" for users' own panes: a pane added by a config's
/// `[[panes]]` alone is on screen, in the help, in `export --pane` and in the
/// snapshot; its numbers are `rotor export`'s; its flag shows exactly when its
/// condition holds; its labelled level is on its chart.
@Suite struct UserPaneTests {
    static let demo = RotorProcess.repositoryRoot.appendingPathComponent("Samples/demo").path

    /// The test's own pane, declared only here (not in Samples), on the demo data.
    static let configText = """
    [data]
    folder = "\(demo)"

    [[panes]]
    name = "znwatch"
    title = "ZN WATCH"
    readings = [
      { label = "ZN", expr = "ZN", format = "decimals 3" },
      { label = "5d", expr = "chg(ZN,5)", format = "percent 1" },
      { label = "5d bp", expr = "chg(ZN,5)", format = "bp", scale = 10000 },
      { label = "z60", expr = "zscore(ZN,60)", format = "signed 2" },
      { label = "2s10s", expr = "sub(US10Y,US2Y)", format = "basis points", scale = 100 },
      { label = "ES corr", expr = "corr(ret(ES),ret(ZN),20)", format = "decimals 2" },
    ]
    chart = [{ expr = "ZN", label = "ZN" }, { expr = "sma(ZN,20)", label = "20d avg" }]
    levels = [{ value = 114, label = "LINE 114" }, { value = 100, label = "FLOOR 100" }]
    flags = [{ when = "zscore(ZN,60) >= 1.5", text = "ZN STRETCHED UP" }]
    """

    /// The readings as the declaration above writes them, spelled out independently
    /// of the loader: label, expression, format, scale.
    static let readings: [(label: String, expression: String, format: NumberFormatKind, scale: Double)] = [
        ("ZN", "ZN", .decimals(3), 1),
        ("5d", "chg(ZN,5)", .percent(decimals: 1), 1),
        ("5d bp", "chg(ZN,5)", .basisPoints, 10000),
        ("z60", "zscore(ZN,60)", .signed(2), 1),
        ("2s10s", "sub(US10Y,US2Y)", .basisPoints, 100),
        ("ES corr", "corr(ret(ES),ret(ZN),20)", .decimals(2), 1),
    ]

    /// Every expression the pane reads, once each, in the order it shows them: the
    /// readings, then the chart's second series (the flag's is a reading already).
    static let expressions = ["ZN", "chg(ZN,5)", "zscore(ZN,60)", "sub(US10Y,US2Y)", "corr(ret(ES),ret(ZN),20)", "sma(ZN,20)"]

    /// `rotor export`'s CSV header for them: an expression with a comma is quoted.
    static let csvHeader = expressions.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ",")

    /// Dates around the demo's ZN high (2024-10: z60 about +1.7, near 115) and later.
    static let dates = ["2024-10-15", "2025-08-04", "2026-06-30"]

    /// The config in a fresh folder, removed after `body`.
    func withConfig<T>(_ body: (String) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rotor-userpane-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/rotor.toml"
        try Self.configText.write(toFile: file, atomically: true, encoding: .utf8)
        return try body(file)
    }

    /// The dashboard in this process, from the same config: its PaneSet and model.
    static func dashboard() throws -> (RotorConfig, DashboardModel) {
        let config = try RotorConfig.parse(configText, file: "rotor.toml")
        let market = try DataFolder.load(demo)
        return (config, DashboardModel(data: market, panes: config.paneSpecs, roles: config.roles, thresholds: config.thresholds))
    }

    func snapshot(_ file: String, _ extra: [String]) throws -> String {
        let r = try RotorProcess.run(["snapshot", "--config", file, "--width", "120", "--height", "40"] + extra)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        return r.stdout
    }

    /// `rotor export --config --pane znwatch --format json` for one date.
    func exported(_ file: String, on date: String) throws -> [String: Double?] {
        let r = try RotorProcess.run(["export", "--config", file, "--pane", "znwatch", "--from", date, "--to", date, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        let row = try #require(rows.first)
        #expect(rows.count == 1 && row["date"] as? String == date)
        #expect(Set(row.keys) == Set(["date"] + Self.expressions))
        var out: [String: Double?] = [:]
        for e in Self.expressions { out[e] = row[e] as? Double }
        return out
    }

    // MARK: (a) on screen, in help, in export --pane, in the snapshot

    @Test func aPaneAddedByDeclarationOnlyIsEverywhere() throws {
        try withConfig { file in
            let check = try RotorProcess.run(["check", "--config", file])
            #expect(check.status == 0 && check.stdout.contains("config \(file): ok"), "\(check.stdout)")

            // The snapshot: page 1 is the five built-ins as ever, page 2 POSITIONING, page 3 the new pane.
            let page1 = try snapshot(file, ["--at", "2024-10-15"])
            // The panes only (the status bar's alert strip names flags of every page).
            func panes(_ screen: String) -> String { screen.split(separator: "\n").dropLast().joined(separator: "\n") }
            #expect(page1.contains("▶ 1 RTY/ES") && page1.contains("5 RATES x EQUITIES") && !panes(page1).contains("ZN WATCH"))
            #expect(page1.contains("page 1/3"))
            let page2 = try snapshot(file, ["--at", "2024-10-15", "--page", "3"])
            #expect(page2.contains("▶ 1 ZN WATCH") && !panes(page2).contains("RTY/ES") && page2.contains("page 3/3"))
            for reading in Self.readings { #expect(page2.contains(reading.label + " "), "\(reading.label)") }
            #expect(page2.contains("━ ZN") && page2.contains("━ 20d avg"))
            let pages = try RotorProcess.run(["snapshot", "--config", file, "--page", "4"])
            #expect(pages.status == 2 && pages.stderr == "rotor: --page 4: the dashboard has 3 pages\n")

            // On screen: the dashboard's own state and view, turned to page 2 by its
            // key, draw what the snapshot printed (all but the status bar, whose feed
            // summary is the command's).
            let (config, model) = try Self.dashboard()
            var state = AppState(width: 120, height: 40, panes: config.paneSet)
            #expect(state.panes.pages.count == 3)
            _ = update(&state, .key(.character("}")))
            _ = update(&state, .key(.character("}")))
            let day = try #require(Day(parsing: "2024-10-15"))
            let screen = view(state, model: model, asOf: day, mode: "REPLAY").lines()
            let printed = page2.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(Array(screen.dropLast()) == Array(printed.prefix(39)))
            #expect(screen.last?.contains("page 3/3") == true)

            // In the help: its page key, and the pane under page 3 with its key and name.
            _ = update(&state, .key(.character("?")))
            let help = view(state, model: model, asOf: day, mode: "REPLAY").lines().joined(separator: "\n")
            #expect(help.contains("F3") && help.contains("page 3"))
            #expect(help.contains("} PgDn") && help.contains("next page"))
            #expect(help.contains("1 ZN WATCH (znwatch)"))
            // The last key line and the last pane line: the overlay was not cut short.
            #expect(help.contains("q Ctrl-C") && help.contains("quit"), "\(help)")

            // In export --pane: exactly the pane's expressions, then any given; by name
            // or by title, in any case.
            for name in ["znwatch", "ZNWatch", "zn watch"] {
                let export = try RotorProcess.run(["export", "--config", file, "--pane", name, "--from", "2024-10-15", "--to", "2024-10-15"])
                #expect(export.status == 0, "\(export.stderr)")
                let header = export.stdout.split(separator: "\n").first.map(String.init)
                #expect(header == "date," + Self.csvHeader, "\(name)")
            }
            // (A given expression the pane reads already is its column, not a second one.)
            let more = try RotorProcess.run(["export", "--config", file, "--pane", "znwatch", "--to", "2023-01-03", "ES", "ZN"])
            #expect(more.stdout.hasPrefix("date," + Self.csvHeader + ",ES\n"))
            let unknown = try RotorProcess.run(["export", "--config", file, "--pane", "znwach"])
            #expect(unknown.status == 2)
            #expect(unknown.stderr == "rotor: --pane znwach: no such pane; panes: rotation, mag7, vol, breadth, rates, network, positioning, znwatch\n")
        }
    }

    // MARK: (b) its numbers are export's

    @Test(arguments: dates)
    func numbersEqualExport(date: String) throws {
        try withConfig { file in
            let values = try exported(file, on: date)
            let zoomed = try snapshot(file, ["--at", date, "--page", "3", "--zoom"])
            let (config, model) = try Self.dashboard()
            let spec = try #require(config.paneSpecs.last)
            let reader = PaneReader(model: model, asOf: try #require(Day(parsing: date)), lookback: .year1)
            let shown = spec.content(reader).readings
            #expect(shown.map(\.label) == Self.readings.map(\.label))
            for (reading, text) in zip(Self.readings, shown.map(\.text)) {
                let value = try #require(values[reading.expression], "\(reading.expression) not exported")
                let expected = value.map { reading.format.format($0 * reading.scale) } ?? NumberFormatKind.absent
                #expect(text == expected, "\(reading.label) = \(reading.expression) on \(date)")
                #expect(zoomed.contains(reading.label + " " + expected), "\(reading.label) \(expected) not on screen on \(date)")
            }
            // On these dates every reading has a value: a dash would prove nothing.
            #expect(Self.readings.allSatisfy { values[$0.expression] ?? nil != nil }, "\(values)")
        }
    }

    // MARK: (c) its flag shows exactly where its condition holds

    @Test func flagShowsExactlyWhereTheConditionHolds() throws {
        try withConfig { file in
            // zscore(ZN,60) on every date of the demo, from export.
            let r = try RotorProcess.run(["export", "--config", file, "zscore(ZN,60)"])
            #expect(r.status == 0, "\(r.stderr)")
            let rows = r.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            let (config, model) = try Self.dashboard()
            let spec = try #require(config.paneSpecs.last)
            var holds: [String] = [], not: [String] = []
            for row in rows {
                let date = String(row[0]), z = Double(row[1])
                let reader = PaneReader(model: model, asOf: try #require(Day(parsing: date)), lookback: .year1)
                let flags = spec.content(reader).flags.map { $0.row(width: 200).spans.map(\.text).joined() }
                let expected = z.map { $0 >= 1.5 } ?? false
                #expect(flags == (expected ? ["ZN STRETCHED UP"] : []), "\(date): z60 \(row[1])")
                if expected { holds.append(date) } else { not.append(date) }
            }
            // Both sides are there (the demo's ZN stretches up a few times).
            #expect(holds.count >= 10 && not.count >= 500, "\(holds.count) dates hold, \(not.count) do not")
            // And on the screen the binary prints: one date each way.
            for (date, shows) in [(holds[holds.count / 2], true), (not[not.count / 2], false)] {
                let s = try snapshot(file, ["--at", date, "--page", "3"])
                #expect(s.contains("ZN STRETCHED UP") == shows, "\(date)")
            }
        }
    }

    // MARK: (d) its labelled level is on its chart

    @Test(arguments: dates)
    func labelledLevelsAreDrawnWithTheirLabels(date: String) throws {
        try withConfig { file in
            let screen = try snapshot(file, ["--at", date, "--page", "3", "--zoom"]).split(separator: "\n").map(String.init)
            let dots: Set<Character> = ["⠉", "⠒", "⠤", "⣀"]
            // The value axis: the top row says the high, the bottom row the low.
            let axis = screen.enumerated().compactMap { row, line -> (row: Int, value: Double)? in
                let text = line.dropFirst().prefix { $0 != " " && $0 != "┃" }
                return Double(text).map { (row, $0) }
            }
            let high = try #require(axis.first), low = try #require(axis.last)
            #expect(high.value > low.value && low.row > high.row)
            for (label, value) in [("LINE 114", 114.0), ("FLOOR 100", 100.0)] {
                // The chart's row ends with the label (the legend names the levels too).
                let rows = screen.indices.filter { screen[$0].hasSuffix(label + "┃") }
                #expect(rows.count == 1, "\(label) on rows \(rows) on \(date)")
                guard let row = rows.first else { continue }
                let line = screen[row]
                // The label at the right end of the plot, the dotted line before it.
                #expect(line.hasSuffix(label + "┃"), "\(line)")
                #expect(line.filter { dots.contains($0) }.count >= 10, "no dotted line on \(label)'s row: \(line)")
                // And the row is where the value falls between the axis labels
                // (rounded labels and a cell of four dot rows: one row either way).
                let expected = Double(high.row) + (high.value - value) / (high.value - low.value) * Double(low.row - high.row)
                #expect(abs(Double(row) - expected) <= 1.5, "\(label) on row \(row), expected near \(expected) on \(date)")
            }
        }
    }
}
