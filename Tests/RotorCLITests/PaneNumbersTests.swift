import Foundation
import RotorCore
import RotorUI
import Testing

/// Every number a pane shows is the number `rotor export` gives for the same
/// expression and date, written in the pane's format, and it is on the screen.
@Suite struct PaneNumbersTests {
    /// Dates where the flags fire: a rotation extreme, IV<RV, breadth reversing.
    static let dates = ["2024-07-17", "2025-07-31", "2025-09-24"]

    /// `rotor export --format json` for one date: expression -> value (nil if absent).
    func exported(_ expressions: [String], on date: String) throws -> [String: Double?] {
        let r = try RotorProcess.run(["export", "--from", date, "--to", date, "--format", "json"] + expressions)
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        let row = try #require(rows.first)
        #expect(row["date"] as? String == date)
        var out: [String: Double?] = [:]
        for e in expressions { out[e] = row[e] as? Double }
        return out
    }

    func values(_ symbol: String, upTo date: String) throws -> [Double] {
        let r = try RotorProcess.run(["export", "--to", date, symbol])
        return r.stdout.split(separator: "\n").dropFirst().compactMap { Double($0.split(separator: ",").last!) }
    }

    @Test(arguments: dates)
    func readingsEqualExport(date: String) throws {
        let model = try #require(GoldenScreenTests.model)
        let day = try #require(Day(parsing: date))
        let reader = PaneReader(model: model, asOf: day, lookback: .year1)
        // Every view of every pane (the rotation pane's RTY/NQ, each vol pair).
        for pane in Int.standardPlaces {
            for index in model.panes[pane].views.indices {
                let content = model.panes[pane].content(reader, view: index)
                let readings = content.readings + content.detail
                let direct = readings.filter { $0.expression != nil }
                let export = try exported(direct.map { $0.expression! }, on: date)
                for reading in direct {
                    let value = try #require(export[reading.expression!], "\(reading.expression!) not exported")
                    let expected = value.map { reading.format.format($0 * reading.scale) } ?? "–"
                    #expect(reading.text == expected, "\(pane) \(reading.label) = \(reading.expression!) on \(date)")
                }
                // And each one is on the zoomed screen as "label number", with its records note.
                var state = AppState(width: 200, height: 60)
                state.focus = pane
                state.zoomed = true
                state.views[model.panes[pane].name] = index
                let screen = view(state, model: model, asOf: day, mode: "REPLAY").lines().joined(separator: "\n")
                for reading in readings {
                    #expect(screen.contains(reading.label + " " + reading.text), "\(pane): \(reading.label) \(reading.text)")
                    if let note = reading.record?.forms.first { #expect(screen.contains(note), "\(pane): \(reading.label) \(note)") }
                }
            }
        }
    }

    /// The rates pane's changes in bp are differences of the yields' own rows.
    @Test(arguments: dates)
    func yieldChangesAreDifferencesOfExportedRows(date: String) throws {
        let model = try #require(GoldenScreenTests.model)
        let reader = PaneReader(model: model, asOf: try #require(Day(parsing: date)), lookback: .year1)
        let readings = model.panes[.rates].content(reader).readings + model.panes[.rates].content(reader).detail
        func shown(_ label: String) -> String? { readings.first { $0.label == label }?.text }
        let two = try values("US2Y", upTo: date), ten = try values("US10Y", upTo: date)
        let curve = try values("sub(US10Y,US2Y)", upTo: date)
        func bp(_ v: [Double], _ n: Int) -> String { NumberFormatKind.basisPoints.format((v[v.count - 1] - v[v.count - 1 - n]) * 100) }
        #expect(shown("5d") == bp(two, 5))
        #expect(shown("20d") == bp(curve, 20))
        #expect(shown("2y 20d") == bp(two, 20))
        #expect(shown("10y 20d") == bp(ten, 20))
    }

    /// Every number of every table, cell by cell, at its widest (zoomed at 200x60,
    /// every column and the zoom's extra rows) and as the dashboard at 200x60 shows
    /// it (the panes' widths there).
    @Test(arguments: [TableRoom(width: 198, isZoomed: true), TableRoom(width: 98), TableRoom(width: 64)])
    func tableCellsEqualExport(room: TableRoom) throws {
        let model = try #require(GoldenScreenTests.model)
        let date = "2025-07-31"
        let reader = PaneReader(model: model, asOf: try #require(Day(parsing: date)), lookback: .year1)
        let roles = model.roles

        /// Each row's cells against the export of `cells(row)`: (column header, expression, format, scale).
        func check(_ table: Table, _ cells: (Int) -> [(String, String, NumberFormatKind, Double)]) throws {
            let headers = table.columns.map(\.header)
            for (i, row) in table.rows.enumerated() {
                let wanted = cells(i).filter { headers.contains($0.0) }
                let export = try exported(wanted.map(\.1), on: date)
                for (header, e, format, scale) in wanted {
                    let value = try #require(export[e], "\(e) not exported")
                    let text = row[headers.firstIndex(of: header)!].text
                    #expect(text == value.map { format.format($0 * scale) } ?? "–", "\(header) \(e)")
                }
            }
        }

        let basket = "ewbasket(\(roles.mag7.joined(separator: ",")))"
        let mag7Rows = roles.mag7 + (room.isZoomed ? [basket, roles.index] : [])
        let mag7 = try #require(model.panes[.mag7].content(reader).table?(room))
        #expect(mag7.rows.map { $0[0].text } == roles.mag7 + (room.isZoomed ? ["MAG7 ew", roles.index] : []))
        if room.width >= 98 {
            #expect(mag7.columns.map(\.header) == ["name", "last", "1d", "5d", "20d", "60d", "1y high", "1y low", "RV20", "trend"])
        }
        try check(mag7) { i in
            let s = mag7Rows[i]
            return [("last", s, .decimals(2), 1), ("1y high", "max(\(s),252)", .decimals(2), 1),
                    ("1y low", "min(\(s),252)", .decimals(2), 1), ("RV20", "rvol(\(s),20)", .decimals(1), 1)]
                + [1, 5, 20, 60].map { ("\($0)d", "chg(\(s),\($0))", .percent(decimals: 1), 1) }
        }

        let vol = try #require(model.panes[.volPremium].content(reader, view: 0).table?(room))
        #expect(vol.columns.map(\.header) == (room.width >= 64
            ? ["pair", "implied", "RV20", "premium", "IV/RV", "pct 1y", "z 1y", "20d avg", ""]
            : ["pair", "IV", "RV20", "prem", "IV/RV", "pct", "z 1y", "avg20", ""]))
        try check(vol) { i in
            let pair = roles.volPairs[i]
            let rv = "rvol(\(pair.underlying),20)", prem = "sub(\(pair.implied),\(rv))"
            let cells: [(String, NumberFormatKind)] = [
                (pair.implied, .decimals(2)), (rv, .decimals(2)), (prem, .signed(2)),
                ("div(\(pair.implied),\(rv))", .multiple), ("pctrank(\(prem),252)", .decimals(0)),
                ("zscore(\(prem),252)", .signed(2)), ("sma(\(prem),20)", .signed(2)),
            ]
            return cells.enumerated().map { j, c -> (String, String, NumberFormatKind, Double) in
                (vol.columns[j + 1].header, c.0, c.1, 1)
            }
        }
        for (i, pair) in roles.volPairs.enumerated() {
            let e = "sub(\(pair.implied),rvol(\(pair.underlying),20))"
            let prem = try #require(try exported([e], on: date)[e] ?? nil)
            #expect(vol.rows[i].last?.text == (prem < 0 ? "IV<RV" : ""))
        }

        let rates = try #require(model.panes[.rates].content(reader).table?(room))
        #expect(rates.columns.map(\.header) == [room.isZoomed ? "vs" : "vs 2y", "corr20", "corr60", "corr1y", "60d pct", "%/100bp"])
        let equities = [roles.small, roles.large, roles.tech]
        let sensitivities = (room.isZoomed ? [roles.twoYear, roles.tenYear] : [roles.twoYear]).flatMap { rate in
            equities.map { (equity: $0, rate: rate) }
        }
        #expect(rates.rows.count == sensitivities.count)
        try check(rates) { i in
            let (x, rate) = sensitivities[i]
            let corr = { (n: Int) in "corr(ret(\(x)),diff(\(rate)),\(n))" }
            return [("corr20", corr(20), .signed(2), 1), ("corr60", corr(60), .signed(2), 1),
                    ("corr1y", corr(252), .signed(2), 1), ("60d pct", "pctrank(\(corr(60)),252)", .decimals(0), 1),
                    ("%/100bp", "beta(ret(\(x)),diff(\(rate)),60)", .signed(1), 100)]
        }

        let breadth = try #require(model.panes[.breadth].content(reader).table?(room))
        #expect(breadth.columns.map(\.header) == ["above", "% now", "pct 1y", "1y low", "1y high", "1y avg"])
        let windows = room.isZoomed ? [10, 20, 50, 100, 200] : [20, 50, 200]
        #expect(breadth.rows.map { $0[0].text } == windows.map { "> \($0)d" })
        try check(breadth) { i in
            let above = "above(@\(roles.universe),\(windows[i]))"
            return [("% now", above, .percentLevel(decimals: 1), 1), ("pct 1y", "pctrank(\(above),252)", .decimals(0), 1),
                    ("1y low", "min(\(above),252)", .percentLevel(decimals: 1), 1),
                    ("1y high", "max(\(above),252)", .percentLevel(decimals: 1), 1),
                    ("1y avg", "sma(\(above),252)", .percentLevel(decimals: 1), 1)]
        }
    }
}
