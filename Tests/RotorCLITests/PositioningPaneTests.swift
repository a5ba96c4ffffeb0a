import Foundation
import RotorCore
import RotorUI
import Testing

/// The POSITIONING pane on the demo's weekly CFTC series: every number it shows is
/// what `rotor export` gives for the same expression (the last report on or before
/// the date), SQUEEZE RISK reads the last row of the inner join of the weekly
/// percentile and the daily spread z, the flags fire as alerts on the story's dates,
/// and its screens at 80x24 and 120x40 (zoomed, so other page-2 panes change nothing).
@Suite struct PositioningPaneTests {
    static let lfShare = "mul(div(RTY_LF,RTY_OI),100)"
    static let lfPercentile = "pctrank(mul(div(RTY_LF,RTY_OI),100),156)"
    static let spreadZ = "zscore(spread(RTY,ES,10),252)"

    /// The squeeze (a report Tuesday and the day after), the covering, a quiet date.
    static let dates = ["2024-07-16", "2024-07-17", "2024-08-02", "2025-06-30"]

    var pane: PaneSpec {
        get throws { try #require(GoldenScreenTests.model?.pane(named: "positioning")) }
    }

    /// `rotor export --format json` of the two weeks up to `date`: each expression's
    /// rows as (date, value), nulls left out.
    func exportedRows(_ expressions: [String], upTo date: String) throws -> [String: [(date: String, value: Double)]] {
        let day = try #require(Day(parsing: date))
        let r = try RotorProcess.run(["export", "--from", day.adding(days: -14).iso, "--to", date, "--format", "json"] + expressions)
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        var out: [String: [(date: String, value: Double)]] = [:]
        for e in expressions {
            out[e] = rows.compactMap { row in (row[e] as? Double).map { (row["date"] as! String, $0) } }
        }
        return out
    }

    /// The last exported value on or before `date` of each expression: what a pane
    /// shows on `date`.
    func lastExported(_ expressions: [String], upTo date: String) throws -> [String: Double?] {
        let rows = try exportedRows(expressions, upTo: date)
        return Dictionary(uniqueKeysWithValues: expressions.map { ($0, rows[$0]?.last?.value) })
    }

    @Test(arguments: dates)
    func readingsAndTableCellsEqualExport(date: String) throws {
        let model = try #require(GoldenScreenTests.model)
        let pane = try pane
        let reader = PaneReader(model: model, asOf: try #require(Day(parsing: date)), lookback: .year1)
        let content = pane.content(reader)
        let readings = content.readings.filter { $0.expression != nil }
        #expect(readings.map(\.expression!) == [Self.lfShare, Self.lfPercentile, Self.spreadZ])
        let shown = try lastExported(readings.map(\.expression!), upTo: date)
        for reading in readings {
            let value = try #require(shown[reading.expression!])
            #expect(reading.text == value.map(reading.format.format) ?? "–", "\(reading.label) on \(date)")
        }

        for room in [TableRoom(width: 118, isZoomed: true), TableRoom(width: 56)] {
            let table = try #require(content.table?(room))
            let headers = table.columns.map(\.header)
            let holdings = ["RTY", "NQ", "ES"].flatMap { c in ["AM", "LF"].map { (c, $0) } }
            #expect(table.rows.map { $0[0].text } == holdings.map { "\($0.0) \($0.1)" })
            for (i, (contract, group)) in holdings.enumerated() {
                let share = "mul(div(\(contract)_\(group),\(contract)_OI),100)"
                let cells: [(String, String, NumberFormatKind, Double)] = [
                    ("% OI", share, .signed(1), 1), ("1w", "diff(\(share))", .signed(1), 1),
                    ("pct 3y", "pctrank(\(share),156)", .decimals(0), 1), ("OI k", "\(contract)_OI", .decimals(0), 0.001),
                ].filter { headers.contains($0.0) }
                #expect(cells.count >= 3, "\(headers)")
                let export = try lastExported(cells.map(\.1), upTo: date)
                for (header, e, format, scale) in cells {
                    let value = try #require(export[e])
                    #expect(table.rows[i][headers.firstIndex(of: header)!].text == value.map { format.format($0 * scale) } ?? "–",
                            "\(header) \(e) on \(date)")
                }
                let pct = try #require(export["pctrank(\(share),156)"] ?? nil)
                #expect(table.rows[i][headers.firstIndex(of: "crowded")!].text == (pct <= 5 ? "SHORT" : pct >= 95 ? "LONG" : ""))
            }
        }
    }

    /// SQUEEZE RISK's numbers are those of the last date on or before the screen's on
    /// which both the weekly percentile and the daily z have a row (the inner join).
    @Test(arguments: ["2024-07-16", "2024-07-17", "2024-07-29", "2024-07-30", "2024-08-02"])
    func squeezeRiskReadsTheLastJoinedRow(date: String) throws {
        let model = try #require(GoldenScreenTests.model)
        let reader = PaneReader(model: model, asOf: try #require(Day(parsing: date)), lookback: .year1)
        let rows = try exportedRows([Self.lfPercentile, Self.spreadZ], upTo: date)
        let z = Dictionary(uniqueKeysWithValues: (rows[Self.spreadZ] ?? []).map { ($0.date, $0.value) })
        let joined = try #require((rows[Self.lfPercentile] ?? []).last { z[$0.date] != nil })
        let zValue = try #require(z[joined.date])
        let flag = try pane.activeFlags(reader).first { $0.word == "SQUEEZE RISK" }
        if joined.value <= 10 && zValue >= 2 {
            let up = try #require(flag, "no SQUEEZE RISK on \(date)")
            #expect(up.detail.map { $0.forms[0] } == [
                "RTY LF pct \(NumberFormatKind.decimals(0).format(joined.value))",
                "RTY/ES z \(NumberFormatKind.signed(2).format(zValue))", "on \(joined.date)",
            ])
            #expect(up.alert == "squeeze-risk")
        } else {
            #expect(flag == nil, "SQUEEZE RISK on \(date)")
        }
    }

    /// The story: up from the 07-16 report (the day after the rotation extreme) to
    /// the 07-30 one, whatever the daily z does in between.
    @Test func squeezeRiskHoldsFromOneReportToTheNext() throws {
        let model = try #require(GoldenScreenTests.model)
        func up(_ date: String) throws -> Bool {
            let reader = PaneReader(model: model, asOf: try #require(Day(parsing: date)), lookback: .year1)
            return try pane.activeFlags(reader).contains { $0.word == "SQUEEZE RISK" }
        }
        #expect(try !up("2024-07-15"))
        for date in ["2024-07-16", "2024-07-17", "2024-07-22", "2024-07-26", "2024-07-29"] { #expect(try up(date), "\(date)") }
        #expect(try !up("2024-07-30"))
    }

    @Test func theReportRowSaysItsDatesAndAge() throws {
        let model = try #require(GoldenScreenTests.model)
        func row(_ date: String) throws -> [String] {
            let reader = PaneReader(model: model, asOf: try #require(Day(parsing: date)), lookback: .year1)
            let flag = try #require(try pane.shownFlags(reader).first { $0.label == "report" })
            return [flag.word] + flag.detail.map { $0.forms[0] }
        }
        #expect(try row("2024-07-16") == ["as of 2024-07-16", "0d old", "due 2024-07-19"])
        #expect(try row("2024-07-22") == ["as of 2024-07-16", "6d old", "released 2024-07-19"])
        // Thanksgiving week: the report of Tuesday 11-26 comes out on Monday 12-02.
        #expect(try row("2024-12-02") == ["as of 2024-11-26", "6d old", "released 2024-12-02"])
    }

    /// `rotor alerts` fires the positioning alerts on the story's dates, with the
    /// percentile as the value and the squeeze's two conditions in words.
    @Test func alertsFireOnTheDemoDates() throws {
        let r = try RotorProcess.run(["alerts", "--from", "2024-06-01", "--to", "2024-09-30", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let firings = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        func fired(_ name: String) -> [[String: Any]] { firings.filter { $0["name"] as? String == name } }
        let squeeze = fired("squeeze-risk")
        #expect(squeeze.map { $0["date"] as? String } == ["2024-07-16"])
        #expect(squeeze.first?["expression"] as? String == Self.lfPercentile)
        #expect(squeeze.first?["condition"] as? String
            == "\(Self.lfPercentile) <= 10 and \(Self.spreadZ) >= 2 on their latest joined row")
        let export = try lastExported([Self.lfPercentile], upTo: "2024-07-16")
        let value = squeeze.first?["value"]
        #expect(((value as? Double) ?? (value as? String).flatMap(Double.init)) == export[Self.lfPercentile] ?? nil)
        #expect(fired("crowded-short:RTY_LF").map { $0["date"] as? String } == ["2024-06-04"])
        #expect(fired("crowded-short:RTY_LF").first?["condition"] as? String == "\(Self.lfPercentile) <= 5")
        #expect(fired("crowded-long:NQ_AM").map { $0["date"] as? String } == ["2024-07-16"])
    }

    @Test func theFlagsAreOnTheScreenAndInTheStrip() throws {
        let s = try Self.zoomed(120, 40, at: "2024-07-17")
        #expect(s.contains("SQUEEZE RISK RTY LF pct 1 RTY/ES z +4.40 on 2024-07-16"))
        #expect(s.contains("CROWDED SHORT RTY AM · RTY LF · ES LF"))
        #expect(s.contains("report as of 2024-07-16 1d old due 2024-07-19"))
        let strip = try #require(s.split(separator: "\n").last)
        #expect(strip.contains("⚑"))
    }

    // MARK: Goldens, zoomed on page 2

    static func zoomed(_ width: Int, _ height: Int, at date: String) throws -> String {
        let day = try #require(Day(parsing: date))
        return try GoldenScreenTests.screen(width, height, at: day) { state in
            // The pane's own page and place, wherever the registry puts it.
            (state.page, state.focus) = try! #require(state.panes.place(of: "positioning"))
            state.zoomed = true
        }
    }

    @Test func squeezeRiskAt80x24() throws {
        try GoldenScreenTests().check("positioning-2024-07-17-zoom-80x24", Self.zoomed(80, 24, at: "2024-07-17"))
    }

    @Test func squeezeRiskAt120x40() throws {
        try GoldenScreenTests().check("positioning-2024-07-17-zoom-120x40", Self.zoomed(120, 40, at: "2024-07-17"))
    }

    @Test func quietDateAt120x40() throws {
        try GoldenScreenTests().check("positioning-2025-06-30-zoom-120x40", Self.zoomed(120, 40, at: "2025-06-30"))
    }
}
