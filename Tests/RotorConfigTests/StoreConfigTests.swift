import Testing
@testable import RotorConfig

/// `[store]`: the shared PostgreSQL store's URL and credentials; each value kept
/// with its line for the command's messages, every mistake an error at its line.
@Suite struct StoreConfigTests: MyTomlParsing {
    @Test func theSectionIsReadWithThePlaceOfEachKey() throws {
        let c = try parse("""
        [store]
        url = "postgres://collector@db.desk.example:5432/markets"
        password_file = "secrets/pg"
        tls = "require"
        schema = "desk"
        ca_file = "desk-ca.pem"
        """)
        let store = try #require(c.store)
        #expect(store.url == "postgres://collector@db.desk.example:5432/markets")
        #expect(store.passwordFile == "secrets/pg")
        #expect(store.passwordEnv == nil)
        #expect(store.tls == "require")
        #expect(store.schema == "desk")
        #expect(store.caFile == "desk-ca.pem")
        #expect(store.places["ca_file"] == "my.toml:6: store.ca_file")
        #expect(store.places["password_file"] == "my.toml:3: store.password_file")
        #expect(store.places["password_env"] == "my.toml:1: store.password_env")
        #expect(try parse("").store == nil)
    }

    @Test func mistakesAreErrorsAtTheirLine() {
        let cases: [(String, String)] = [
            ("[store]\ntls = \"disable\"\n", "my.toml:1: store.url: missing (postgres://USER@HOST:PORT/DATABASE)"),
            ("[store]\nurl = \"mysql://u:pw@h/d\"\n", "my.toml:2: store.url: must start with postgres:// (postgres://USER@HOST:PORT/DATABASE)"),
            ("[store]\nurl = \"postgres://u@h/d\"\ntls = \"prefer\"\n", "my.toml:3: store.tls: must be \"require\" or \"disable\", got 'prefer'"),
            ("[store]\nurl = \"postgres://u@h/d\"\npassword_env = \"MY-PW\"\n",
             "my.toml:3: store.password_env: 'MY-PW' is not an environment variable's name (letters, digits, _)"),
            ("[store]\nurl = \"postgres://u@h/d\"\npassword_env = \"PW\"\npassword_file = \"f\"\n",
             "my.toml:4: store.password_file: name one password source: password_env or password_file"),
            ("[store]\nurl = \"postgres://u@h/d\"\ntls = \"disable\"\nca_file = \"ca.pem\"\n",
             "my.toml:4: store.ca_file: names the authorities TLS checks the server against, but tls = \"disable\": drop one"),
            ("[store]\nurl = \"postgres://u@h/d\"\nscheme = \"x\"\n", "my.toml:3: unknown key scheme in [store] (did you mean schema?)"),
        ]
        for (text, want) in cases {
            #expect(failure(text) == want, "\(text)")
        }
    }
}
