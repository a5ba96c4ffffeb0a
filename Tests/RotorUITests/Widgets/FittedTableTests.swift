import Testing
@testable import RotorUI

@Suite struct FittedTableTests {
    let columns: [Table.RankedColumn] = [
        .init(.init("pair"), ["VIX/ES", "VXN/NQ"], priority: 0),
        .init(.init("IV"), ["14.58", "17.99"], priority: 2),
        .init(.init("prem"), ["+3.69", "-1.10"], priority: 0),
        .init(.init("pct"), ["59", "14"], priority: 1),
    ]

    @Test func allColumnsWhenThereIsRoom() {
        let t = Table.fitted(columns, width: 40)
        #expect(t.columns.map(\.header) == ["pair", "IV", "prem", "pct"])
        #expect(t.rows == [["VIX/ES", "14.58", "+3.69", "59"], ["VXN/NQ", "17.99", "-1.10", "14"]])
        #expect(t.naturalWidth == 6 + 1 + 5 + 1 + 5 + 1 + 3)
    }

    @Test func leastImportantGoFirstAndOrderStays() {
        // 22 columns of natural width; 21 drops IV (priority 2), 15 also pct.
        #expect(Table.fitted(columns, width: 22).columns.count == 4)
        #expect(Table.fitted(columns, width: 21).columns.map(\.header) == ["pair", "prem", "pct"])
        #expect(Table.fitted(columns, width: 16).columns.map(\.header) == ["pair", "prem", "pct"])
        #expect(Table.fitted(columns, width: 15).columns.map(\.header) == ["pair", "prem"])
        // Priority 0 is never dropped, even when it does not fit.
        #expect(Table.fitted(columns, width: 5).columns.map(\.header) == ["pair", "prem"])
    }

    /// A flag column that is empty today still counts at its widest, so the columns
    /// kept do not change when the flag shows (the vol table's IV<RV).
    @Test func theWidestTextDecidesNotTodaysCells() {
        func table(_ flags: [Table.Entry], width: Int) -> Table {
            Table.fitted(columns + [.init(.init(""), flags, priority: 0, widest: 5)], width: width)
        }
        for width in 10...30 {
            let quiet = table(["", ""], width: width), flagged = table(["", "IV<RV"], width: width)
            #expect(quiet.columns.map(\.header) == flagged.columns.map(\.header), "\(width)")
            #expect(quiet.columnWidths(total: width) == flagged.columnWidths(total: width), "\(width)")
        }
        // 22 for the four columns, 6 more for the flag: 27 drops IV.
        #expect(table([""], width: 28).columns.count == 5)
        #expect(table([""], width: 27).columns.map(\.header) == ["pair", "prem", "pct", ""])
    }
}

@Suite struct NumberFormatKindTests {
    @Test func everyKind() {
        #expect(NumberFormatKind.decimals(4).format(0.38964) == "0.3896")
        #expect(NumberFormatKind.signed(2).format(1.4349) == "+1.43")
        #expect(NumberFormatKind.signed(2).format(-0.001) == "+0.00")
        #expect(NumberFormatKind.percent.format(0.02318) == "+2.32%")
        #expect(NumberFormatKind.percent(decimals: 1).format(-0.1093) == "-10.9%")
        #expect(NumberFormatKind.percentLevel(decimals: 1).format(45) == "45.0%")
        #expect(NumberFormatKind.basisPoints.format(1027.4) == "+1027 bp")
        #expect(NumberFormatKind.points.format(-1.104) == "-1.10 pts")
        #expect(NumberFormatKind.multiple.format(1.3456) == "1.35x")
        #expect(NumberFormatKind.count.format(-65) == "-65")
        #expect(Reading(label: "z", value: nil, format: .signed(2)).text == "–")
    }

    @Test func widestTextOverARange() {
        #expect(NumberFormatKind.percent(decimals: 1).widestWidth(from: -0.1093, to: 0.05) == 6)
        #expect(NumberFormatKind.decimals(2).widestWidth(from: 9.5, to: 123.4) == 6)
        #expect(NumberFormatKind.basisPoints.widestWidth(from: 0, to: 0) == 5)
        #expect(NumberFormatKind.decimals(0).widestWidth(from: 0, to: 0) == 1)
    }
}
