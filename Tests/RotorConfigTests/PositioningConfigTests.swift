import RotorCore
import Testing
@testable import RotorConfig

/// `[positioning] symbols` and the positioning thresholds: read into the roles and
/// thresholds the POSITIONING pane is declared from, every mistake at its line.
@Suite struct PositioningConfigTests: MyTomlParsing {
    @Test func defaultsAreRTYNQESAndTheIssuesThresholds() throws {
        let c = try parse("")
        #expect(c.roles.positioning == ["RTY", "NQ", "ES"])
        #expect(c.thresholds.crowdedShort == 5 && c.thresholds.crowdedLong == 95)
        #expect(c.thresholds.squeezePercentile == 10 && c.thresholds.squeezeZ == 2)
    }

    @Test func symbolsAndThresholdsAreRead() throws {
        let c = try parse("""
        [positioning]
        symbols = ["RTY", "ES", "ZN", "ZT"]
        [thresholds]
        crowded_short = 3
        crowded_long = 97.5
        squeeze_pct = 15
        squeeze_z = 1.5
        """)
        #expect(c.roles.positioning == ["RTY", "ES", "ZN", "ZT"])
        #expect(c.thresholds.crowdedShort == 3 && c.thresholds.crowdedLong == 97.5)
        #expect(c.thresholds.squeezePercentile == 15 && c.thresholds.squeezeZ == 1.5)
        // The pane follows: ZN's rows read ZN_AM and ZN_OI, and each contract has its alerts.
        let pane = try #require(c.paneSpecs.first { $0.name == "positioning" })
        #expect(pane.expressions.contains("pctrank(mul(div(ZN_AM,ZN_OI),100),156)"))
        #expect(pane.flags.flatMap(\.alerts).contains("crowded-long:ZT_LF"))
        #expect(!pane.flags.flatMap(\.alerts).contains("crowded-long:NQ_LF"))
    }

    @Test func withoutTheSmallCapContractThereIsNoSqueezeFlag() throws {
        let c = try parse("[positioning]\nsymbols = [\"ZN\"]\n")
        let pane = try #require(c.paneSpecs.first { $0.name == "positioning" })
        #expect(!pane.flags.flatMap(\.alerts).contains("squeeze-risk"))
        #expect(pane.views[0].readings.isEmpty)
    }

    static let mistakes: [(String, String)] = [
        ("[positioning]\nsymbols = []\n", "my.toml:2: positioning.symbols: needs 1 to 8 symbols (the cftc feeds' symbols, e.g. RTY), got 0"),
        ("[positioning]\nsymbols = [\"RTY\", \"rty\"]\n", "my.toml:2: positioning.symbols: rty is listed twice"),
        ("[positioning]\nsymbols = [\"9RTY\"]\n", "my.toml:2: positioning.symbols: '9RTY' is not a symbol (a letter, then letters, digits, . _ -)"),
        ("[positioning]\nsymbols = \"RTY\"\nsymbol = 1\n", "my.toml:3: unknown key symbol in [positioning] (did you mean symbols?)"),
        ("[thresholds]\ncrowded_short = 60\n", "my.toml:2: thresholds.crowded_short: must be 0 to 50, got 60"),
        ("[thresholds]\nsqueeze_z = \"2\"\n", "my.toml:2: thresholds.squeeze_z: expected a number, got a string"),
    ]

    @Test(arguments: mistakes)
    func mistakesNameTheirLine(text: String, message: String) {
        #expect(failure(text) == message)
    }
}
