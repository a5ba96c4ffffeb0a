import Foundation
import RotorCore
import RotorUI
import Testing
@testable import RotorConfig

/// `[[panes]]` and `[[pages]]`: a good declaration becomes the expected
/// `PaneDeclaration` and pages; every mistake is an error at its file, line and key,
/// found when the config loads (so `rotor check` finds it before the screen opens).
@Suite struct PanesConfigTests: MyTomlParsing {
    /// A pane that loads, with `extra` lines inside its table (line 4 onwards).
    func pane(_ extra: String) -> String {
        """
        [[panes]]
        name = "zn"
        title = "ZN"
        \(extra)
        """
    }

    // MARK: A good declaration

    @Test func aFullDeclarationParses() throws {
        let c = try parse("""
        [[panes]]
        name = "zn"
        title = "ZN 10Y NOTE"
        readings = [
          { label = "ZN", expr = "ZN", format = "decimals 3" },
          { label = "1d", expr = "chg(ZN,1)", format = "percent" },
          { label = "20d", expr = "chg(ZN,20)", format = "percent 1" },
          { label = "z", expr = "zscore(ZN,252)", format = "signed 1" },
          { label = "2s10s", expr = "sub(US10Y,US2Y)", format = "bp", scale = 100 },
          { label = "curve", expr = "sub(US10Y,US2Y)", format = "basis points", scale = 100.0 },
          { expr = "sma(ZN,50)" },
        ]
        chart = [{ expr = "ZN", label = "ZN" }, { expr = "sma(ZN,50)" }]
        levels = [{ value = 114, label = "par-ish" }, { value = 110.5 }]
        flags = [
          { when = "ZN >= 114", text = "ZN AT 114" },
          { when = "zscore(ZN,252) <= -2" },
        ]
        """)
        let expected = PaneDeclaration(
            name: "zn", title: "ZN 10Y NOTE",
            readings: [
                .init(label: "ZN", expression: "ZN", format: .decimals(3)),
                .init(label: "1d", expression: "chg(ZN,1)", format: .percent(decimals: 2)),
                .init(label: "20d", expression: "chg(ZN,20)", format: .percent(decimals: 1)),
                .init(label: "z", expression: "zscore(ZN,252)", format: .signed(1)),
                .init(label: "2s10s", expression: "sub(US10Y,US2Y)", format: .basisPoints, scale: 100),
                .init(label: "curve", expression: "sub(US10Y,US2Y)", format: .basisPoints, scale: 100),
                // No label: the expression; no format: two decimals.
                .init(label: "sma(ZN,50)", expression: "sma(ZN,50)", format: .decimals(2)),
            ],
            chart: [.init(expression: "ZN", label: "ZN"), .init(expression: "sma(ZN,50)", label: "sma(ZN,50)")],
            levels: [.init(114, label: "par-ish"), .init(110.5, label: "110.5")],
            flags: [.init(condition: Condition("ZN", .atLeast, 114), text: "ZN AT 114"),
                    // No text: the condition's own words.
                    .init(condition: Condition("zscore(ZN,252)", .atMost, -2), text: "zscore(ZN,252) <= -2")],
            line: 1)
        #expect(c.panes == [expected])
        #expect(c.pages.isEmpty)
        // The model's panes: the built-ins, then this one; the built-ins' pages 1 and 2, then its own.
        #expect(c.paneSpecs.map(\.name) == ["rotation", "mag7", "vol", "breadth", "rates", "network", "positioning", "zn"])
        #expect(c.paneSet.pages == [[0, 1, 2, 3, 4], [5, 6], [7]])
        // And what the pane reads, each expression once, in the order it shows them.
        #expect(c.paneSpecs[7].expressions == ["ZN", "chg(ZN,1)", "chg(ZN,20)", "zscore(ZN,252)", "sub(US10Y,US2Y)", "sma(ZN,50)"])
    }

    @Test func aNameDefaultsToTheTitle() throws {
        let c = try parse("""
        [[panes]]
        title = "  Gold / Silver: 2025 "
        readings = [{ expr = "ES" }]
        """)
        #expect(c.panes.map(\.name) == ["gold-silver-2025"])
        #expect(RotorConfig.defaultName("ZN 10Y note") == "zn-10y-note")
        #expect(RotorConfig.defaultName("a__b") == "a__b")
    }

    /// `record` gives a reading the built-ins' records context: the pane reads the
    /// counts behind it, and `sign` is the spreads' rule.
    @Test func aReadingMayCarryItsRecords() throws {
        let c = try parse("""
        [[panes]]
        name = "zn"
        title = "ZN"
        readings = [
          { expr = "ZN", record = "high" },
          { expr = "chg(ZN,10)", record = "sign" },
          { expr = "zscore(ZN,252)", record = "Both" },
          { expr = "sma(ZN,5)", record = "low" },
          { expr = "ES" },
        ]
        """)
        #expect(c.panes.first?.readings.map(\.record) == [.high, .bySign, .both, .low, nil])
        #expect(c.paneSpecs[7].expressions == [
            "ZN", "sincehigh(ZN)", "chg(ZN,10)", "sincehigh(chg(ZN,10))", "sincelow(chg(ZN,10))",
            "zscore(ZN,252)", "sincehigh(zscore(ZN,252))", "sincelow(zscore(ZN,252))", "sma(ZN,5)", "sincelow(sma(ZN,5))", "ES",
        ])
        #expect(failure("[[panes]]\nname = \"zn\"\ntitle = \"ZN\"\nreadings = [{ expr = \"ZN\", record = \"max\" }]")
            == "my.toml:4: panes[1].readings[1].record: unknown side 'max': use high, low, both, sign")
    }

    @Test func aChartAloneIsAPane() throws {
        let c = try parse("[[panes]]\ntitle = \"ES\"\nchart = [{ expr = \"ES\" }]\n")
        #expect(c.panes.first?.readings == [] && c.panes.first?.chart == [.init(expression: "ES", label: "ES")])
    }

    @Test func userFormats() {
        let good: [(String, NumberFormatKind)] = [
            ("decimals 0", .decimals(0)), ("decimals 8", .decimals(8)), ("decimals", .decimals(2)),
            ("Decimals 4", .decimals(4)), ("signed 3", .signed(3)), ("signed", .signed(2)),
            ("percent", .percent(decimals: 2)), ("percent 0", .percent(decimals: 0)),
            ("bp", .basisPoints), ("basis points", .basisPoints), ("BP", .basisPoints),
        ]
        for (text, format) in good { #expect(NumberFormatKind.parse(userFormat: text) == format, "\(text)") }
        for text in ["", "decimal 2", "decimals 9", "decimals -1", "decimals 2 3", "decimals x", "percent%",
                     "bp 2", "basis", "basis point", "points", "multiple", "signed 1.5"] {
            #expect(NumberFormatKind.parse(userFormat: text) == nil, "\(text)")
        }
    }

    /// Pages: names in any case, the unplaced panes after the listed pages.
    @Test func pagesPlacePanes() throws {
        let c = try parse("""
        [[panes]]
        name = "zn"
        title = "ZN"
        readings = [{ expr = "ZN" }]
        [[panes]]
        name = "curve"
        title = "CURVE"
        readings = [{ expr = "sub(US10Y,US2Y)" }]
        [[pages]]
        panes = ["ZN", "rotation", "rates"]
        [[pages]]
        panes = "curve"
        """)
        #expect(c.pages == [["zn", "rotation", "rates"], ["curve"]])
        #expect(c.paneSet.pages == [[7, 0, 4], [8], [1, 2, 3], [5, 6]])
    }

    /// The page keys in `[keys]`, by their action names; the view key's old name.
    @Test func pageKeysAreRemappable() throws {
        let c = try parse("""
        [keys]
        next_page = ["n", "pgdn"]
        previous_page = "b"
        page_2 = "f10"
        focus_9 = "0"
        next_vol_pair = "x"
        """)
        #expect(c.keys.action(for: .character("n")) == .nextPage && c.keys.action(for: .pageDown) == .nextPage)
        #expect(c.keys.action(for: .character("}")) == nil)
        #expect(c.keys.action(for: .character("b")) == .previousPage && c.keys.action(for: .character("{")) == nil)
        #expect(c.keys.action(for: .function(10)) == .page(2) && c.keys.action(for: .function(2)) == nil)
        #expect(c.keys.action(for: .function(3)) == .page(3))
        #expect(c.keys.action(for: .character("0")) == .focus(9))
        #expect(c.keys.action(for: .character("x")) == .nextView && c.keys.action(for: .character("v")) == nil)
        #expect(failure("[keys]\npage_10 = \"f11\"\n") == "my.toml:2: unknown key page_10 in [keys] (did you mean page_1?)")
        #expect(failure("[keys]\nnext_page = \"n\"\nfocus_1 = \"n\"\n")
            == "my.toml:3: keys.focus_1: 'n' is already bound to next_page (line 2); one key does one thing")
    }

    // MARK: Every mistake at its file, line and key

    @Test(arguments: [
        // The pane itself.
        ("[[panes]]\nname = \"x\"\nreadings = [{ expr = \"ZN\" }]\n",
         "my.toml:1: panes[1].title: missing (the pane's title, e.g. \"ZN 10Y NOTE\")"),
        ("[[panes]]\ntitle = \"   \"\nreadings = [{ expr = \"ZN\" }]\n",
         "my.toml:2: panes[1].title: missing (the pane's title, e.g. \"ZN 10Y NOTE\")"),
        ("[[panes]]\ntitle = 5\n", "my.toml:2: panes[1].title: expected a string, got an integer"),
        ("[[panes]]\nname = \"Z N\"\ntitle = \"ZN\"\nreadings = [{ expr = \"ZN\" }]\n",
         "my.toml:2: panes[1].name: 'Z N' is not a pane name (lower-case letters, digits, - and _)"),
        ("[[panes]]\nname = \"\"\ntitle = \"ZN\"\nreadings = [{ expr = \"ZN\" }]\n",
         "my.toml:2: panes[1].name: '' is not a pane name (lower-case letters, digits, - and _)"),
        ("[[panes]]\ntitle = \"???\"\nreadings = [{ expr = \"ZN\" }]\n",
         "my.toml:1: panes[1].name: '' is not a pane name (lower-case letters, digits, - and _)"),
        ("[[panes]]\nname = \"rates\"\ntitle = \"MY RATES\"\nreadings = [{ expr = \"ZN\" }]\n",
         "my.toml:2: panes[1].name: 'rates' is a built-in pane's name; give this pane another name = \"...\""),
        ("[[panes]]\ntitle = \"Breadth\"\nreadings = [{ expr = \"ZN\" }]\n",
         "my.toml:2: panes[1].title: 'breadth' is a built-in pane's name; give this pane another name = \"...\""),
        ("[[panes]]\nname = \"zn\"\ntitle = \"ZN\"\nreadings = [{ expr = \"ZN\" }]\n[[panes]]\nname = \"zn\"\ntitle = \"ZN 2\"\nreadings = [{ expr = \"ZN\" }]\n",
         "my.toml:6: panes[2].name: a pane named 'zn' is already declared (line 1); give this one another name = \"...\""),
        ("[[panes]]\ntitle = \"ZN\"\nreadings = [{ expr = \"ZN\" }]\n\n[[panes]]\ntitle = \"zn\"\nreadings = [{ expr = \"ZN\" }]\n",
         "my.toml:6: panes[2].title: a pane named 'zn' is already declared (line 1); give this one another name = \"...\""),
        ("[[panes]]\nname = \"zn\"\ntitle = \"ZN\"\n", "my.toml:3: panes[1].title: the pane shows nothing: give it readings = [...] or chart = [...]"),
        ("[[panes]]\nname = \"zn\"\ntitle = \"ZN\"\nreadings = [{ expr = \"ZN\" }]\nreadngs = 1\n",
         "my.toml:5: unknown key readngs in [panes[1]] (did you mean readings?)"),
        ("panes = 3\n", "my.toml:1: panes: expected an array of tables, got an integer"),
    ])
    func paneErrors(text: String, message: String) {
        #expect(failure(text) == message)
    }

    @Test(arguments: [
        // Expressions: syntax with the column, unknown functions, windows, arguments.
        ("readings = [{ expr = \"sub(ZN,)\" }]", "my.toml:4: panes[1].readings[1].expr: sub(ZN,): unexpected ')' (at column 8)"),
        ("readings = [{ expr = \"\" }]", "my.toml:4: panes[1].readings[1].expr: : empty expression (at column 1)"),
        ("readings = [{ expr = \"foo(ZN)\" }]", "my.toml:4: panes[1].readings[1].expr: foo(ZN): unknown function foo (at column 1)"),
        ("readings = [{ expr = \"zscroe(ZN,20)\" }]", "my.toml:4: panes[1].readings[1].expr: zscroe(ZN,20): unknown function zscroe (at column 1)"),
        ("readings = [{ expr = \"sma(ZN,0)\" }]", "my.toml:4: panes[1].readings[1].expr: sma(ZN,0): sma: n must be between 1 and 100000, got 0 (at column 8)"),
        ("readings = [{ expr = \"zscore(ZN,1)\" }]", "my.toml:4: panes[1].readings[1].expr: zscore(ZN,1): zscore: n must be between 2 and 100000, got 1 (at column 11)"),
        ("readings = [{ expr = \"sma(ZN,999999999)\" }]", "my.toml:4: panes[1].readings[1].expr: sma(ZN,999999999): sma: n must be between 1 and 100000, got 999999999 (at column 8)"),
        ("readings = [{ expr = \"sma(ZN,2.5)\" }]", "my.toml:4: panes[1].readings[1].expr: sma(ZN,2.5): sma: n must be a positive integer, got 2.5 (at column 8)"),
        ("readings = [{ expr = \"sma(ZN)\" }]", "my.toml:4: panes[1].readings[1].expr: sma(ZN): sma: expected 2 arguments, got 1 (at column 1)"),
        ("readings = [{ label = \"x\" }]", "my.toml:4: panes[1].readings[1].expr: missing (a METRICS.md expression, e.g. ZN)"),
        ("chart = [{ expr = \"ratio(ZN)\" }]", "my.toml:4: panes[1].chart[1].expr: ratio(ZN): ratio: expected 2 arguments, got 1 (at column 1)"),
        // The entry's own line in a multi-line array.
        ("readings = [\n  { expr = \"ZN\" },\n  { expr = \"ZN\" },\n  { expr = \"ZN +\" },\n]",
         "my.toml:7: panes[1].readings[3].expr: ZN +: unexpected '+' after the expression (at column 4)"),
        // Formats and scales.
        ("readings = [{ expr = \"ZN\", format = \"decimal 2\" }]",
         "my.toml:4: panes[1].readings[1].format: unknown format 'decimal 2': use decimals N, signed N, percent, percent N, bp (or basis points)"),
        ("readings = [{ expr = \"ZN\", format = \"decimals 12\" }]",
         "my.toml:4: panes[1].readings[1].format: unknown format 'decimals 12': use decimals N, signed N, percent, percent N, bp (or basis points)"),
        ("readings = [{ expr = \"ZN\", format = 2 }]", "my.toml:4: panes[1].readings[1].format: expected a string, got an integer"),
        ("readings = [{ expr = \"ZN\", scale = 1e12 }]", "my.toml:4: panes[1].readings[1].scale: must be -1000000000 to 1000000000, got 1000000000000"),
        ("readings = [{ expr = \"ZN\", formt = \"bp\" }]", "my.toml:4: unknown key formt in [panes[1].readings[1]] (did you mean format?)"),
        // Charts and levels.
        ("chart = [{ expr = \"ZN\" }, { expr = \"ES\" }, { expr = \"NQ\" }, { expr = \"RTY\" }]",
         "my.toml:4: panes[1].chart: at most 3 series, got 4"),
        ("readings = [{ expr = \"ZN\" }]\nlevels = [{ value = 114 }]",
         "my.toml:5: panes[1].levels: levels are lines on the chart: add chart = [{ expr = \"...\" }]"),
        ("chart = [{ expr = \"ZN\" }]\nlevels = [{ label = \"114\" }]",
         "my.toml:5: panes[1].levels[1].value: missing (where the line is drawn, e.g. 114)"),
        ("chart = [{ expr = \"ZN\" }]\nlevels = [{ value = \"114\" }]",
         "my.toml:5: panes[1].levels[1].value: expected a number, got a string"),
        ("chart = [{ expr = \"ZN\" }]\nlevels = [{ value = -1e300 }]",
         "my.toml:5: panes[1].levels[1].value: must be -1000000000000000.0 to 1000000000000000.0, got -1e+300"),
        // (The TOML reader refuses nan and inf before any key sees them.)
        ("readings = [{ expr = \"ZN\", scale = nan }]", "my.toml:4: cannot read nan as a value (strings need quotes)"),
        // Flags: the condition's shape, then its expression.
        ("readings = [{ expr = \"ZN\" }]\nflags = [{ when = \"ZN 114\" }]",
         "my.toml:5: panes[1].flags[1].when: expected EXPR OP NUMBER with OP one of > >= < <=, got \"ZN 114\""),
        ("readings = [{ expr = \"ZN\" }]\nflags = [{ when = \"ZN > 1 < 2\" }]",
         "my.toml:5: panes[1].flags[1].when: more than one comparison in \"ZN > 1 < 2\""),
        ("readings = [{ expr = \"ZN\" }]\nflags = [{ when = \"ZN > ES\" }]",
         "my.toml:5: panes[1].flags[1].when: expected a number after >, got \"ES\""),
        ("readings = [{ expr = \"ZN\" }]\nflags = [{ when = \"zscore(ZN,252 <= -2\" }]",
         "my.toml:5: panes[1].flags[1].when: unbalanced parentheses in \"zscore(ZN,252 <= -2\""),
        ("readings = [{ expr = \"ZN\" }]\nflags = [{ when = \"sub(ZN,) > 1\" }]",
         "my.toml:5: panes[1].flags[1].when: sub(ZN,): unexpected ')' (at column 8)"),
        ("readings = [{ expr = \"ZN\" }]\nflags = [{ when = \"smaa(ZN,5) > 1\" }]",
         "my.toml:5: panes[1].flags[1].when: smaa(ZN,5) > 1: unknown function smaa (at column 1)"),
        ("readings = [{ expr = \"ZN\" }]\nflags = [{ when = \"sma(ZN,0) > 1\" }]",
         "my.toml:5: panes[1].flags[1].when: sma(ZN,0) > 1: sma: n must be between 1 and 100000, got 0 (at column 8)"),
        ("readings = [{ expr = \"ZN\" }]\nflags = [{ text = \"HIGH\" }]",
         "my.toml:5: panes[1].flags[1].when: missing (a condition, EXPR OP NUMBER)"),
        ("readings = [{ expr = \"ZN\" }]\nflags = [{ when = \"ZN > 1\", txt = \"HIGH\" }]",
         "my.toml:5: unknown key txt in [panes[1].flags[1]] (did you mean text?)"),
    ])
    func declarationErrors(extra: String, message: String) {
        #expect(failure(pane(extra)) == message)
    }

    @Test(arguments: [
        ("[[pages]]\npanes = [\"rotaton\"]\n",
         "my.toml:2: pages[1].panes: no pane named 'rotaton' (did you mean rotation?); panes: rotation, mag7, vol, breadth, rates, network, positioning"),
        ("[[pages]]\npanes = [\"rotation\", \"nothing\"]\n",
         "my.toml:2: pages[1].panes: no pane named 'nothing'; panes: rotation, mag7, vol, breadth, rates, network, positioning"),
        ("[[pages]]\npanes = [\"rotation\"]\n[[pages]]\npanes = [\"mag7\", \"Rotation\"]\n",
         "my.toml:4: pages[2].panes: 'Rotation' is already on a page (line 2); a pane is on one page"),
        ("[[pages]]\npanes = [\"vol\", \"vol\"]\n",
         "my.toml:2: pages[1].panes: 'vol' is already on a page (line 2); a pane is on one page"),
        ("[[pages]]\npanes = []\n", "my.toml:2: pages[1].panes: missing (the page's panes by name, e.g. [\"rotation\", \"zn\"])"),
        ("[[pages]]\n", "my.toml:1: pages[1].panes: missing (the page's panes by name, e.g. [\"rotation\", \"zn\"])"),
        ("[[pages]]\npanes = [1]\n", "my.toml:2: pages[1].panes: expected an array of strings, got an integer"),
        ("[[pages]]\npanes = [\"rotation\"]\ntitle = \"x\"\n", "my.toml:3: unknown key title in [pages[1]]"),
    ])
    func pageErrors(text: String, message: String) {
        #expect(failure(text) == message)
    }

    /// A page holds at most nine (one digit key each), the dashboard at most nine pages.
    @Test func pageAndPageCountLimits() {
        let users = (1...6).map { "[[panes]]\nname = \"p\($0)\"\ntitle = \"P\($0)\"\nreadings = [{ expr = \"ES\" }]\n" }.joined()
        let ten = "[\"rotation\", \"mag7\", \"vol\", \"breadth\", \"rates\", \"p1\", \"p2\", \"p3\", \"p4\", \"p5\"]"
        #expect(failure(users + "[[pages]]\npanes = \(ten)\n") == "my.toml:26: pages[1].panes: at most 9 panes on a page (one digit key each), got 10")
        let nine = ten.replacingOccurrences(of: ", \"p5\"]", with: "]")
        #expect(failure(users + "[[pages]]\npanes = \(nine)\n") == nil)
        let tenPages = ["rotation", "mag7", "vol", "breadth", "rates", "p1", "p2", "p3", "p4", "p5"]
            .map { "[[pages]]\npanes = [\"\($0)\"]\n" }.joined()
        #expect(failure(users + tenPages) == "my.toml:44: pages[10].panes: at most 9 pages (one key each)")
    }

    /// More readings or flags than any pane can show are an error at their key.
    @Test func readingAndFlagLimits() {
        let readings = "readings = [" + Array(repeating: "{ expr = \"ZN\" }", count: 25).joined(separator: ", ") + "]"
        #expect(failure(pane(readings)) == "my.toml:4: panes[1].readings: at most 24 readings")
        let flags = "flags = [" + Array(repeating: "{ when = \"ZN > 1\" }", count: 25).joined(separator: ", ") + "]"
        #expect(failure(pane("readings = [{ expr = \"ZN\" }]\n" + flags)) == "my.toml:5: panes[1].flags: at most 24 flags")
        let most = "readings = [" + Array(repeating: "{ expr = \"ZN\" }", count: 24).joined(separator: ", ") + "]"
        #expect(failure(pane(most)) == nil)
    }

    /// A page may name a user pane declared after it in the file.
    @Test func pagesMayComeBeforeThePanes() throws {
        let c = try parse("[[pages]]\npanes = [\"zn\"]\n" + pane("readings = [{ expr = \"ZN\" }]"))
        #expect(c.pages == [["zn"]])
    }

    /// The commented `[[panes]]` and `[[pages]]` of rotor.example.toml, uncommented,
    /// are a config that loads: the documentation cannot drift from the schema.
    @Test func theExamplesCommentedPanesLoad() throws {
        let path = ConfigTests.samples.appendingPathComponent("rotor.example.toml").path
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        var text = "", inBlock = false
        for line in lines {
            if line == "# [[panes]]" || line == "# [[pages]]" { inBlock = true }
            if inBlock && !line.hasPrefix("# ") { inBlock = false }
            if inBlock { text += line.dropFirst(2) + "\n" }
        }
        let c = try parse(text)
        #expect(c.panes.map(\.name) == ["zn"] && c.panes[0].levels == [.init(114, label: "114")])
        #expect(c.panes[0].flags.map(\.condition) == [Condition("ZN", .above, 114)])
        #expect(c.pages == [["rotation", "rates", "zn"]])
        #expect(c.paneSet.pages == [[0, 4, 7], [1, 2, 3], [5, 6]])
    }

    /// The samples load, and panes.toml declares what its comments say.
    @Test func samplesLoad() throws {
        let path = ConfigTests.samples.appendingPathComponent("panes.toml").path
        let c = try RotorConfig.parse(try String(contentsOfFile: path, encoding: .utf8), file: path)
        #expect(c.panes.map(\.name) == ["zn", "curve"])
        let zn = try #require(c.panes.first)
        // Its 114 line is a [[levels]] on ZN, so any chart of ZN draws it.
        #expect(zn.title == "ZN 10Y NOTE" && zn.levels.isEmpty)
        #expect(c.levels == [LevelRule(expression: "ZN", value: 114, label: "ZN 114", line: c.levels.first?.line ?? 0)])
        #expect(c.paneSpecs.first { $0.name == "zn" }?.views[0].chart?.levels.map(\.label) == ["ZN 114"])
        #expect(c.eventFiles == ["events.csv"])
        #expect(zn.chart.map(\.expression) == ["ZN", "sma(ZN,50)"])
        #expect(zn.flags.map(\.condition) == [Condition("ZN", .atLeast, 114), Condition("zscore(ZN,252)", .atMost, -2)])
        #expect(c.panes[1].readings.first == .init(label: "2s10s", expression: "sub(US10Y,US2Y)", format: .basisPoints, scale: 100))
        #expect(c.paneSet.pages.count == 3 && c.paneSet.pages[2] == [7, 8])
        let example = ConfigTests.samples.appendingPathComponent("rotor.example.toml").path
        _ = try RotorConfig.parse(try String(contentsOfFile: example, encoding: .utf8), file: example)
    }
}
