import Foundation
import RotorCore
import RotorUI
import Testing
@testable import RotorConfig

@Suite struct ConfigTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples")

    func sample(_ name: String) throws -> RotorConfig {
        let path = Self.samples.appendingPathComponent(name).path
        return try RotorConfig.parse(try String(contentsOfFile: path, encoding: .utf8), file: path)
    }

    func failure(_ text: String) -> String? {
        do {
            _ = try RotorConfig.parse(text, file: "my.toml")
            return nil
        } catch {
            return error.description
        }
    }

    /// The commented example spells out every default: reading it changes nothing.
    @Test func exampleFileIsTheDefaults() throws {
        var expected = RotorConfig()
        expected.dataFolder = "demo"
        expected.theme = "default"
        expected.snapshotDir = "."
        let example = try sample("rotor.example.toml")
        #expect(example.roles == expected.roles)
        #expect(example.keys == expected.keys)
        #expect(example.thresholds == expected.thresholds)
        #expect(example.lookback == expected.lookback && example.replaySpeed == 1 && example.replayStart == nil)
        #expect(example.dataFolder == "demo" && example.theme == "default" && example.snapshotDir == ".")
        #expect(!example.adjustedClose && example.feeds.isEmpty)
        #expect(example.mouse == expected.mouse && expected.mouse)
    }

    @Test func demoAndLiveUseTheSameSchema() throws {
        let demo = try sample("demo.toml")
        #expect(demo.dataFolder == "demo" && demo.roles == Roles() && demo.feeds.isEmpty)
        let live = try sample("live.toml")
        #expect(live.feeds.count == 27)
        #expect(live.feeds.filter { $0.provider == .cftc }.map { "\($0.symbol) \($0.ticker)" } == ["RTY 239742", "NQ 209742", "ES 13874A"])
        #expect(live.feeds.last.map { ($0.symbol, $0.members) }! == ("@universe", "universe-large-us.txt"))
        #expect(live.feeds.first { $0.symbol == "SPX" }?.ticker == "^GSPC")
        #expect(live.feeds.first { $0.symbol == "US2Y" } .map { ($0.provider, $0.ticker, $0.interval) }! == (.fred, "DGS2", 3600))
    }

    @Test func valuesReachTheConfig() throws {
        let c = try RotorConfig.parse("""
        [roles]
        small = "IWM"
        mag7 = ["AAPL", "MSFT"]
        universe = "spx"
        [[vol_pairs]]
        implied = "VIX"
        underlying = "SPY"
        [display]
        lookback = "3m"
        mouse = false
        [replay]
        speed = 4
        start = "2025-01-02"
        [thresholds]
        rotation_z = 1.5
        reversal_rows = 3
        [keys]
        quit = "x"
        help = ["?", "f1"]
        """, file: "my.toml")
        #expect(c.roles.small == "IWM" && c.roles.mag7 == ["AAPL", "MSFT"] && c.roles.universe == "spx")
        #expect(c.roles.volPairs.map(\.underlying) == ["SPY"])
        #expect(!c.mouse)
        #expect(c.lookback == .months3 && c.replaySpeed == 4 && c.replayStart == Day(year: 2025, month: 1, day: 2))
        #expect(c.thresholds.rotationZ == 1.5 && c.thresholds.reversalRows == 3 && c.thresholds.breadthHigh == 95)
        #expect(c.keys.action(for: .character("x")) == .quit)
        #expect(c.keys.action(for: .character("q")) == nil)
        #expect(c.keys.action(for: .control("c")) == .quit) // always
        #expect(c.keys.action(for: .function(1)) == .help)
    }

    /// The Mag7 pane's implied correlation: which symbol it is, and the percentile
    /// of its year that flags CORR HIGH; the pane and its flag read them.
    @Test func impliedCorrelationRoleAndThresholdReachThePane() throws {
        let defaults = try RotorConfig.parse("", file: "my.toml")
        #expect(defaults.roles.impliedCorr == "COR1M" && defaults.thresholds.impliedCorrHigh == 95)
        let c = try RotorConfig.parse("""
        [roles]
        implied_corr = "COR3M"
        [thresholds]
        implied_corr_high = 90
        """, file: "my.toml")
        #expect(c.roles.impliedCorr == "COR3M" && c.thresholds.impliedCorrHigh == 90)
        let mag7 = try #require(c.paneSpecs.first { $0.name == "mag7" })
        #expect(mag7.expressions.contains("pctrank(COR3M,252)") && !mag7.expressions.contains { $0.contains("COR1M") })
        let flag = try #require(mag7.flags.first { $0.alerts == ["implied-corr-high"] })
        #expect(flag.condition == Condition("pctrank(COR3M,252)", .atLeast, 90))
        #expect(try sample("live.toml").roles.impliedCorr == "COR1M")
        let cboe = try sample("live.toml").feeds.filter { $0.provider == .cboe }
        #expect(cboe.map(\.symbol) == ["COR1M", "COR3M"] && cboe.map(\.ticker) == ["COR1M", "COR3M"])
    }

    @Test(arguments: [
        ("[roles]\nimplied_corr = \"1COR\"\n",
         "my.toml:2: roles.implied_corr: '1COR' is not a symbol (a letter, then letters, digits, . _ -)"),
        ("[thresholds]\nimplied_corr_high = 101\n", "my.toml:2: thresholds.implied_corr_high: must be 50 to 100, got 101"),
        ("[thresholds]\nimplied_corr_hi = 90\n", "my.toml:2: unknown key implied_corr_hi in [thresholds] (did you mean implied_corr_high?)"),
        ("[roles]\nsmal = \"RTY\"\n", "my.toml:2: unknown key smal in [roles] (did you mean small?)"),
        ("thresholdz = 1\n", "my.toml:1: unknown key thresholdz (did you mean thresholds?)"),
        ("[display]\nlookbak = \"1Y\"\n", "my.toml:2: unknown key lookbak in [display] (did you mean lookback?)"),
        ("[keys]\nqiut = \"q\"\n", "my.toml:2: unknown key qiut in [keys] (did you mean quit?)"),
        ("[replay]\nspeed = \"fast\"\n", "my.toml:2: replay.speed: expected a number, got a string"),
        ("[roles]\nmag7 = \"AAPL\"\n", "my.toml:2: roles.mag7: needs at least two symbols"),
        ("[roles]\nsmall = 5\n", "my.toml:2: roles.small: expected a string, got an integer"),
        ("[thresholds]\nreversal_rows = 2.5\n", "my.toml:2: thresholds.reversal_rows: expected an integer, got a number"),
        ("[thresholds]\nbreadth_high = 120\n", "my.toml:2: thresholds.breadth_high: must be 50 to 100, got 120"),
        ("[display]\nlookback = \"10Y\"\n", "my.toml:2: display.lookback: must be one of 1M 3M 6M 1Y 2Y 5Y, got '10Y'"),
        ("data = 1\n", "my.toml:1: data: expected a table, got an integer"),
        ("[display]\nmouse = \"off\"\n", "my.toml:2: display.mouse: expected true or false, got a string"),
        ("[keys]\nquit = \"qq\"\n",
         "my.toml:2: keys.quit: cannot read 'qq' as a key (a character, space, enter, esc, tab, shift-tab, arrows, f1-f12, ctrl-x)"),
        ("[[feeds]]\nsymbol = \"ES\"\nprovider = \"yahooo\"\n",
         "my.toml:3: feeds[1].provider: unknown provider 'yahooo': use yahoo, fred, cboe, cftc or csv (did you mean yahoo?)"),
        ("[[feeds]]\nsymbol = \"ES\"\nprovider = \"yahoo\"\nbase_url = \"http://example.com\"\n",
         "my.toml:4: feeds[1].base_url: must be https://, or http:// to this machine (127.0.0.1, localhost), got 'http://example.com'"),
        ("[[vol_pairs]]\nimplied = \"VIX\"\n", "my.toml:1: vol_pairs[1].underlying: missing (the future, e.g. ES)"),
        ("[replay]\nstart = \"soon\"\n", "my.toml:2: replay.start: cannot read 'soon' as a date (YYYY-MM-DD)"),
        ("[display\n", "my.toml:1: expected ], found a line end"),
    ])
    func errorsNameFileLineAndKey(text: String, message: String) {
        #expect(failure(text) == message)
    }
}
