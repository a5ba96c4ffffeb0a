import RotorCore
import Testing
@testable import RotorConfig

/// `[network]`: the NETWORK pane's symbols, their inputs and the graph's edge
/// threshold; every mistake an error at its file, line and key.
@Suite struct NetworkConfigTests: MyTomlParsing {
    @Test func noTableKeepsTheDefaults() throws {
        let c = try parse("")
        #expect(c.roles.network.symbols == ["ES", "NQ", "RTY", "ZN", "ZT", "CL", "GC", "DX"])
        #expect(c.roles.network.inputs.isEmpty)
        #expect(c.thresholds.networkEdge == 0.3)
        #expect(c.roles.networkInput("ES") == "ret(ES)")
    }

    @Test func symbolsInputsAndEdgeReachThePane() throws {
        let c = try parse("""
        [network]
        symbols = ["ES", "RTY", "US2Y", "SPREAD", "ZN"]
        inputs = { SPREAD = "diff", ZN = "ret" }
        edge = 0.45
        """)
        #expect(c.roles.network.symbols == ["ES", "RTY", "US2Y", "SPREAD", "ZN"])
        #expect(c.thresholds.networkEdge == 0.45)
        // The 2-year of [roles] takes its changes by default; named inputs win.
        #expect(["ES", "RTY", "US2Y", "SPREAD", "ZN"].map(c.roles.networkInput)
                == ["ret(ES)", "ret(RTY)", "diff(US2Y)", "diff(SPREAD)", "ret(ZN)"])
    }

    /// A yield is whatever [roles] says it is: renaming the 10-year moves the default.
    @Test func yieldsOfTheRolesDefaultToChanges() throws {
        let c = try parse("""
        [roles]
        ten_year = "TNX"
        [network]
        symbols = ["ES", "TNX", "US10Y"]
        inputs = { us10y = "DIFF" }
        """)
        #expect(c.roles.network.symbols.map(c.roles.networkInput) == ["ret(ES)", "diff(TNX)", "diff(US10Y)"])
    }

    @Test func mistakesAreErrorsAtTheirLine() {
        let cases: [(String, String)] = [
            ("[network]\nsymbols = [\"ES\"]\n", "my.toml:2: network.symbols: needs 2 to 12 symbols, got 1"),
            ("[network]\nsymbols = [\"ES\", \"NQ\", \"es\"]\n", "my.toml:2: network.symbols: es is listed twice"),
            ("[network]\nsymbols = [\"ES\", \"1X\"]\n",
             "my.toml:2: network.symbols: '1X' is not a symbol (a letter, then letters, digits, . _ -)"),
            ("[network]\nsymbols = \"ES\"\n", "my.toml:2: network.symbols: needs 2 to 12 symbols, got 1"),
            ("[network]\nsymbols = [1, 2]\n", "my.toml:2: network.symbols: expected an array of strings, got an integer"),
            ("[network]\n\ninputs = { ZN = \"returns\" }\n",
             "my.toml:3: network.inputs.ZN: unknown input 'returns': use ret (a price's returns) or diff (a yield's changes)"),
            ("[network]\ninputs = { ZN = \"dif\" }\n",
             "my.toml:2: network.inputs.ZN: unknown input 'dif' (did you mean diff?): use ret (a price's returns) or diff (a yield's changes)"),
            ("[network]\ninputs = { VIX = \"ret\" }\n",
             "my.toml:2: network.inputs.VIX: VIX is not one of the network's symbols (ES NQ RTY ZN ZT CL GC DX)"),
            ("[network]\ninputs = { ZN = 1 }\n", "my.toml:2: network.inputs.ZN: expected a string, got an integer"),
            ("[network]\ninputs = \"ZN\"\n", "my.toml:2: network.inputs: expected a table, got a string"),
            ("[network]\nedge = 0.01\n", "my.toml:2: network.edge: must be 0.05 to 0.95, got 0.01"),
            ("[network]\nedge = 1\n", "my.toml:2: network.edge: must be 0.05 to 0.95, got 1"),
            ("[network]\nedge = \"high\"\n", "my.toml:2: network.edge: expected a number, got a string"),
            ("[network]\nedges = 0.3\n", "my.toml:2: unknown key edges in [network] (did you mean edge?)"),
            ("network = 1\n", "my.toml:1: network: expected a table, got an integer"),
        ]
        for (text, want) in cases {
            #expect(failure(text) == want, "\(text)")
        }
    }

    /// A symbol's control characters are never printed raw.
    @Test func controlCharactersInAnInputAreEscaped() {
        #expect(failure("[network]\ninputs = { ZN = \"r\\u001Bt\" }\n")
                == "my.toml:2: network.inputs.ZN: unknown input 'r\\et' (did you mean ret?): use ret (a price's returns) or diff (a yield's changes)")
    }
}
