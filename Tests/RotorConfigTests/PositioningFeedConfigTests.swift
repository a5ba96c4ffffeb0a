import Foundation
import Testing
@testable import RotorConfig

/// `[[feeds]]` of the cboe and cftc providers: what they fill, and each fault at its
/// file, line and key.
@Suite struct PositioningFeedConfigTests {
    func parse(_ text: String) throws -> RotorConfig { try RotorConfig.parse(text, file: "my.toml") }

    func failure(_ text: String) -> String? {
        do {
            _ = try RotorConfig.parse(text, file: "my.toml")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func cboeAndCftcFeedsBesideAPriceFeedOfTheSameSymbol() throws {
        let config = try parse("""
            [[feeds]]
            symbol = "RTY"
            provider = "yahoo"
            ticker = "RTY=F"

            [[feeds]]
            symbol = "RTY"
            provider = "cftc"
            ticker = "239742"

            [[feeds]]
            symbol = "COR1M"
            provider = "CBOE"

            [[feeds]]
            symbol = "ES"
            provider = "cftc"
            ticker = "13874A"
            interval = 3600
            """)
        #expect(config.feeds.map(\.provider) == [.yahoo, .cftc, .cboe, .cftc])
        #expect(config.feeds.map(\.symbols) == [["RTY"], ["RTY_AM", "RTY_LF", "RTY_OI"], ["COR1M"], ["ES_AM", "ES_LF", "ES_OI"]])
        #expect(config.feeds[2].ticker == "COR1M" && config.feeds[3].interval == 3600)
    }

    /// The commented `[[feeds]]` of rotor.example.toml, uncommented, load and fill
    /// what the comments say: the documentation cannot drift from the schema.
    @Test func theExamplesCommentedFeedsLoad() throws {
        let path = ConfigTests.samples.appendingPathComponent("rotor.example.toml").path
        var text = "", inBlock = false
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "# [[feeds]]" { inBlock = true } else if inBlock && line.wholeMatch(of: /# [a-z_]+ = .*/) == nil { inBlock = false }
            if inBlock { text += line.dropFirst(2) + "\n" }
        }
        let c = try parse(text)
        #expect(c.feeds.map(\.provider) == [.yahoo, .cboe, .cftc])
        #expect(c.feeds.map(\.symbols) == [["ES"], ["COR1M"], ["RTY_AM", "RTY_LF", "RTY_OI"]])
        #expect(c.feeds.map(\.ticker) == ["ES=F", "COR1M", "239742"])
    }

    @Test(arguments: [
        ("[[feeds]]\nsymbol = \"RTY\"\nprovider = \"cftc\"\n",
         "my.toml:1: feeds[1].ticker: missing: the CFTC contract code, e.g. 239742 (E-mini Russell 2000)"),
        ("[[feeds]]\nsymbol = \"RTY\"\nprovider = \"cftc\"\nticker = \"239742'\"\n",
         "my.toml:4: feeds[1].ticker: '239742'' is not a CFTC contract code (six letters and digits, e.g. 239742 or 13874A)"),
        ("[[feeds]]\nsymbol = \"RTY\"\nprovider = \"cftc\"\nticker = \"2397\"\n",
         "my.toml:4: feeds[1].ticker: '2397' is not a CFTC contract code (six letters and digits, e.g. 239742 or 13874A)"),
        ("[[feeds]]\nsymbol = \"@fut\"\nprovider = \"cftc\"\nticker = \"239742\"\nmembers = \"m.txt\"\n",
         "my.toml:2: feeds[1].symbol: a cftc feed is one contract, not a universe"),
        ("[[feeds]]\nsymbol = \"COR1M\"\nprovider = \"cbo\"\n",
         "my.toml:3: feeds[1].provider: unknown provider 'cbo': use yahoo, fred, cboe, cftc or csv (did you mean cboe?)"),
        ("[[feeds]]\nsymbol = \"ES\"\n", "my.toml:1: feeds[1].provider: missing (yahoo, fred, cboe, cftc or csv)"),
        // A symbol a cftc feed fills is taken, whichever comes first.
        ("[[feeds]]\nsymbol = \"RTY\"\nprovider = \"cftc\"\nticker = \"239742\"\n[[feeds]]\nsymbol = \"rty_lf\"\nprovider = \"csv\"\n",
         "my.toml:6: feeds[2].symbol: rty_lf already has a feed (symbol on line 2); give each symbol one [[feeds]]"),
        ("[[feeds]]\nsymbol = \"RTY_OI\"\nprovider = \"csv\"\n[[feeds]]\nsymbol = \"RTY\"\nprovider = \"cftc\"\nticker = \"239742\"\n",
         "my.toml:5: feeds[2].symbol: RTY_OI already has a feed (symbol on line 2); give each symbol one [[feeds]]"),
        ("[[feeds]]\nsymbol = \"COR1M\"\nprovider = \"cboe\"\nbase_url = \"http://cdn.cboe.com\"\n",
         "my.toml:4: feeds[1].base_url: must be https://, or http:// to this machine (127.0.0.1, localhost), got 'http://cdn.cboe.com'"),
    ])
    func faultsAreNamed(text: String, message: String) {
        #expect(failure(text) == message)
    }
}
