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
        for pane in Int.standardPlaces {
            let content = model.panes[pane].content(reader)
            let readings = content.readings + content.detail
            let direct = readings.filter { $0.expression != nil }
            let export = try exported(direct.map { $0.expression! }, on: date)
            for reading in direct {
                let value = try #require(export[reading.expression!], "\(reading.expression!) not exported")
                let expected = value.map { reading.format.format($0 * reading.scale) } ?? "–"
                #expect(reading.text == expected, "\(pane) \(reading.label) = \(reading.expression!) on \(date)")
            }
            // And each one is on the zoomed screen as "label number".
            var state = AppState(width: 200, height: 60)
            state.focus = pane
            state.zoomed = true
            let screen = view(state, model: model, asOf: day, mode: "REPLAY").lines().joined(separator: "\n")
            for reading in readings {
                #expect(screen.contains(reading.label + " " + reading.text), "\(pane): \(reading.label) \(reading.text)")
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

    /// The Mag7 table's changes and the vol premium table's numbers, cell by cell.
    @Test func tableCellsEqualExport() throws {
        let model = try #require(GoldenScreenTests.model)
        let date = "2025-07-31"
        let reader = PaneReader(model: model, asOf: try #require(Day(parsing: date)), lookback: .year1)
        let mag7 = try #require(model.panes[.mag7].content(reader).table?(200))
        let names = model.roles.mag7
        let changes = names.flatMap { n in [1, 5, 20].map { "chg(\(n),\($0))" } }
        let export = try exported(changes + names, on: date)
        for (i, name) in names.enumerated() {
            let row = mag7.rows[i].map(\.text)
            #expect(row[0] == name)
            #expect(row[1] == NumberLabel.fixed(export[name]!!, decimals: 2))
            for (j, n) in [1, 5, 20].enumerated() {
                #expect(row[2 + j] == NumberFormatKind.percent(decimals: 1).format(export["chg(\(name),\(n))"]!!))
            }
        }
        let vol = try #require(model.panes[.volPremium].content(reader, view: 0).table?(200))
        #expect(vol.columns.map(\.header) == ["pair", "IV", "RV20", "prem", "IV/RV", "pct", ""])
        for (i, pair) in model.roles.volPairs.enumerated() {
            let rv = "rvol(\(pair.underlying),20)", prem = "sub(\(pair.implied),\(rv))"
            let e = try exported([pair.implied, rv, prem, "div(\(pair.implied),\(rv))", "pctrank(\(prem),252)"], on: date)
            let row = vol.rows[i].map(\.text)
            #expect(row[1] == NumberFormatKind.decimals(2).format(e[pair.implied]!!))
            #expect(row[2] == NumberFormatKind.decimals(2).format(e[rv]!!))
            #expect(row[3] == NumberFormatKind.signed(2).format(e[prem]!!))
            #expect(row[4] == NumberFormatKind.multiple.format(e["div(\(pair.implied),\(rv))"]!!))
            #expect(row[5] == NumberFormatKind.decimals(0).format(e["pctrank(\(prem),252)"]!!))
            #expect(row[6] == (e[prem]!! < 0 ? "IV<RV" : ""))
        }
    }
}
