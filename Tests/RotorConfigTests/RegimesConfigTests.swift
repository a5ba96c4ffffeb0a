import RotorCore
import Testing
@testable import RotorConfig

/// `[regimes]`: renaming macro regimes by key; every mistake an error at its file,
/// line and key (`my.toml:3: regimes.up_bull_steeper: ...`).
@Suite struct RegimesConfigTests: MyTomlParsing {
    @Test func renamesReachThePanesThresholds() throws {
        let c = try RotorConfig.parse("""
        [regimes]
        up_bull_steepener = "Melt-up"
        down_flat = "Chop"
        """, file: "my.toml")
        let names = c.thresholds.regimeNames
        #expect(names[MacroRegime(trend: .up, curve: .bullSteepener)] == "Melt-up")
        #expect(names[MacroRegime(trend: .down, curve: .flat)] == "Chop")
        #expect(names[MacroRegime(trend: .up, curve: .bearSteepener)] == "Reflation")
        #expect(names.renamed.count == 2)
    }

    @Test func noTableKeepsTheDefaults() throws {
        #expect(try RotorConfig.parse("", file: "my.toml").thresholds.regimeNames == MacroRegimeNames())
    }

    @Test func mistakesAreErrorsAtTheirLine() {
        let keys = "the keys are up_ or down_ (the equity trend) then bull_steepener, bull_flattener, bear_steepener, bear_flattener, flat"
        let cases: [(String, String)] = [
            ("[regimes]\nup_flat = \"Risk-on\"\nup_bull_steeper = \"x\"\n",
             "my.toml:3: regimes.up_bull_steeper: unknown regime (did you mean up_bull_steepener?); \(keys)"),
            ("[regimes]\nsideways = \"x\"\n", "my.toml:2: regimes.sideways: unknown regime; \(keys)"),
            ("[regimes]\ndown_flat = \"\"\n", "my.toml:2: regimes.down_flat: the name is empty (write the words to show, e.g. \"Risk-off\")"),
            ("[regimes]\ndown_flat = \"   \"\n", "my.toml:2: regimes.down_flat: the name is empty (write the words to show, e.g. \"Risk-off\")"),
            ("[regimes]\ndown_flat = 3\n", "my.toml:2: regimes.down_flat: expected a string, got an integer"),
            ("[regimes]\nup_flat = \"\(String(repeating: "x", count: 33))\"\n",
             "my.toml:2: regimes.up_flat: '\(String(repeating: "x", count: 33))' is longer than 32 characters"),
            ("regimes = 1\n", "my.toml:1: regimes: expected a table, got an integer"),
        ]
        for (text, want) in cases {
            #expect(failure(text) == want, "\(text)")
        }
    }

    /// A control character never reaches the screen: the name keeps it escaped.
    @Test func controlCharactersAreKeptEscaped() throws {
        let c = try RotorConfig.parse("[regimes]\nup_flat = \"Risk\\u001B[31m-on\"\n", file: "my.toml")
        #expect(c.thresholds.regimeNames[MacroRegime(trend: .up, curve: .flat)] == "Risk\\e[31m-on")
    }
}
