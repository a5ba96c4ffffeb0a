import RotorCore
import RotorUI
import Testing
@testable import RotorConfig

/// `[events] files` and `[[levels]]`.
@Suite struct ContextConfigTests: MyTomlParsing {
    @Test func eventFilesAreRelativeToTheConfig() throws {
        let c = try parse("[events]\nfiles = [\"events.csv\", \"/abs/mine.csv\", \"sub/e.csv\"]\n")
        #expect(c.eventFiles == ["events.csv", "/abs/mine.csv", "sub/e.csv"] && c.eventFilesLine == 2)
        #expect(c.eventPaths(configPath: "/home/u/.config/rotor/config.toml")
            == ["/home/u/.config/rotor/events.csv", "/abs/mine.csv", "/home/u/.config/rotor/sub/e.csv"])
        #expect(c.eventPaths(configPath: "config.toml") == ["events.csv", "/abs/mine.csv", "sub/e.csv"])
        #expect(c.eventPaths(configPath: "/config.toml").first == "/events.csv")
        #expect(try parse("").eventFiles.isEmpty)
    }

    @Test func eventFaultsNameFileAndLine() {
        #expect(failure("[events]\nfiles = 3\n")?.hasPrefix("my.toml:2: events.files: expected") == true)
        #expect(failure("[events]\n\nfiles = [\"a.csv\", \"\"]\n") == "my.toml:3: events.files: entry 2 is empty (a CSV file of date,kind,label)")
        #expect(failure("[events]\nfile = [\"a.csv\"]\n")?.hasPrefix("my.toml:2: unknown key file in [events]") == true)
        let many = (1...33).map { "\"f\($0).csv\"" }.joined(separator: ", ")
        #expect(failure("[events]\nfiles = [\(many)]\n") == "my.toml:2: events.files: lists 33 files; at most 32")
    }

    @Test func levelsAreReadAndChecked() throws {
        let c = try parse("""
        [[levels]]
        expr = "ZN"
        value = 114
        label = "ZN 114"

        [[levels]]
        expr = "ratio(RTY, ES)"
        value = 0.397
        """)
        #expect(c.levels == [LevelRule(expression: "ZN", value: 114, label: "ZN 114", line: 1),
                             LevelRule(expression: "ratio(RTY, ES)", value: 0.397, label: "0.397", line: 6)])
        let cases: [(String, String)] = [
            ("[[levels]]\nvalue = 1\n", "my.toml:1: levels[1].expr: missing (the expression whose charts draw the level, e.g. ZN)"),
            ("[[levels]]\nexpr = \"ZN\"\nvalue = 1\n[[levels]]\nexpr = \"ratio(RTY\"\nvalue = 1\n",
             "my.toml:5: levels[2].expr: ratio(RTY: missing ')' to close ratio( (at column 10)"),
            ("[[levels]]\nexpr = \"sma(ZN,0)\"\nvalue = 1\n", "my.toml:2: levels[1].expr: sma(ZN,0): "),
            ("[[levels]]\nexpr = \"ZN\"\n", "my.toml:1: levels[1].value: missing (the level, e.g. 114)"),
            ("[[levels]]\nexpr = \"ZN\"\nvalue = \"114\"\n", "my.toml:3: levels[1].value: expected a number, got a string"),
            ("[[levels]]\nexpr = \"ZN\"\nvalue = 1\nlabel = \"\"\n", "my.toml:4: levels[1].label: is empty"),
            ("[[levels]]\nexpr = \"ZN\"\nvalue = 1\nlabel = \"a\\u001Bb\"\n", "my.toml:4: levels[1].label: 'a\\eb' contains a control character"),
            ("[[levels]]\nexpr = \"ZN\"\nvalue = 1\nlabel = \"\(String(repeating: "x", count: 41))\"\n",
             "my.toml:4: levels[1].label: is longer than 40 characters"),
            ("[[levels]]\nexpr = \"ZN\"\nvalue = 1\ncolour = \"red\"\n", "my.toml:4: unknown key colour in [levels[1]]"),
        ]
        for (text, expected) in cases {
            let got = failure(text) ?? "no error"
            #expect(got.hasPrefix(expected), "\(text.debugDescription): \(got)")
        }
    }

    /// A level is on every chart that plots its expression, compared as the parser
    /// prints it, built-in or user pane; never on a rebased chart.
    @Test func levelsGoOnTheChartsThatPlotTheirExpression() throws {
        let c = try parse("""
        [[levels]]
        expr = "ratio( rty , es )"
        value = 0.397
        label = "FOMC Jul 31"

        [[levels]]
        expr = "ZN"
        value = 114
        label = "ZN 114"

        [[levels]]
        expr = "ratio(ewbasket(AAPL,MSFT,GOOGL,AMZN,NVDA,META,TSLA),SPX)"
        value = 100
        label = "never drawn"

        [[panes]]
        name = "zn"
        title = "ZN"
        readings = [{ label = "ZN", expr = "ZN" }]
        chart = [{ expr = "sma(ZN,50)", label = "50d" }, { expr = "ZN", label = "ZN" }]
        levels = [{ value = 110, label = "own" }]
        """)
        func labels(_ pane: String) -> [String] {
            c.paneSpecs.first { $0.name == pane }!.views.flatMap { $0.chart?.levels.compactMap(\.label) ?? [] }
        }
        #expect(labels("rotation").contains("FOMC Jul 31"))
        #expect(labels("zn") == ["own", "ZN 114"])
        #expect(!labels("rates").contains("ZN 114") && !labels("rotation").contains("ZN 114"))
        #expect(labels("mag7").isEmpty)
        let rotation = c.paneSpecs.first { $0.name == "rotation" }!
        #expect(rotation.charts(c.levels[0]) && !rotation.charts(c.levels[1]))
        #expect(!c.paneSpecs.contains { $0.charts(c.levels[2]) })
    }
}
