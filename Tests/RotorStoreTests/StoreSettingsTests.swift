import Foundation
import Testing
@testable import RotorStore

/// The store's URL and credentials: read strictly, the password from one named
/// place, never shown, TLS required off this machine. No server needed.
@Suite struct StoreSettingsTests {
    func folder() throws -> String {
        let path = NSTemporaryDirectory() + "rotor-store-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func failure(_ make: () throws -> StoreSettings) -> String? {
        do {
            _ = try make()
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func aURLIsReadIntoItsParts() throws {
        let url = try StoreURL(parsing: "postgres://collector@db.desk.example:6543/markets")
        #expect(url.user == "collector")
        #expect(url.host == "db.desk.example")
        #expect(url.port == 6543)
        #expect(url.database == "markets")
        #expect(url.description == "postgres://collector@db.desk.example:6543/markets")
        #expect(try StoreURL(parsing: "postgresql://u@[::1]/d").description == "postgres://u@[::1]:5432/d")
    }

    @Test func theDescriptionHidesAPassword() throws {
        let url = try StoreURL(parsing: "postgres://u:s3cr%40t@127.0.0.1/d")
        #expect(url.password == "s3cr@t")
        #expect(url.description == "postgres://u:(hidden)@127.0.0.1:5432/d")
        #expect(!"\(url)".contains("s3cr"))
    }

    @Test func badURLsSayWhichPartWithoutRepeatingTheText() {
        let cases: [(String, String)] = [
            ("mysql://u:pw1@h/d", "must start with postgres://"),
            ("postgres://h/d", "has no user"),
            ("postgres://u:pw1@h", "has no database name"),
            ("postgres://u:pw1@/d", "has no host"),
            ("postgres://u:pw1@h/d?sslmode=disable", "parameter 'sslmode' is not supported (TLS is set by [store] tls)"),
            ("postgres://u:pw1@h:99999/d", "the store URL's port 99999 is not in 1...65535"),
        ]
        for (text, want) in cases {
            let message = failure { try StoreSettings(url: text, environment: [:]) }
            #expect(message?.contains(want) == true, "\(text): \(message ?? "no error")")
            #expect(message?.contains("pw1") == false, "\(text): \(message ?? "")")
        }
    }

    @Test func aPasswordInTheURLIsRefusedAndNotRepeated() {
        let message = failure { try StoreSettings(url: "postgres://u:hunter2@10.1.2.3/d", sources: .init(url: "rotor.toml:4: store.url"),
                                                  environment: [:]) }
        #expect(message == "rotor.toml:4: store.url: postgres://u:(hidden)@10.1.2.3:5432/d: a password in the URL is refused; "
                + "use [store] password_env or password_file, or PGPASSWORD")
    }

    @Test func thePasswordComesFromTheNamedVariableOrFileOrPGPASSWORD() throws {
        let env = ["DESK_PW": "from-env", "PGPASSWORD": "from-pg"]
        #expect(try StoreSettings(url: "postgres://u@h/d", passwordEnv: "DESK_PW", environment: env).password == "from-env")
        #expect(try StoreSettings(url: "postgres://u@h/d", environment: env).password == "from-pg")
        #expect(try StoreSettings(url: "postgres://u@h/d", environment: [:]).password == nil)
        let dir = try folder()
        let file = dir + "/pw"
        FileManager.default.createFile(atPath: file, contents: Data("from-file\nsecond line\n".utf8), attributes: [.posixPermissions: 0o600])
        #expect(try StoreSettings(url: "postgres://u@h/d", passwordFile: file, environment: env).password == "from-file")
        #expect(failure { try StoreSettings(url: "postgres://u@h/d", passwordEnv: "NOPE", sources: .init(passwordEnv: "r.toml:5: store.password_env"),
                                            environment: env) }
                == "r.toml:5: store.password_env: the environment variable NOPE is not set")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        #expect(failure { try StoreSettings(url: "postgres://u@h/d", passwordFile: file, sources: .init(passwordFile: "r.toml:6: store.password_file"),
                                            environment: env) }
                == "r.toml:6: store.password_file: \(file): the password file can be read by other users (chmod 600 it)")
        #expect(failure { try StoreSettings(url: "postgres://u@h/d", passwordFile: dir + "/none", environment: env) }
                == "password_file: \(dir)/none: cannot read the password file")
        #expect(failure { try StoreSettings(url: "postgres://u@h/d", passwordEnv: "DESK_PW", passwordFile: file, environment: env) }?
                    .contains("name one password source") == true)
        try? FileManager.default.removeItem(atPath: dir)
    }

    @Test func theDescriptionOfSettingsNeverShowsThePassword() throws {
        let settings = try StoreSettings(url: "postgres://u@db.example/d", passwordEnv: "P", environment: ["P": "correct horse"])
        #expect("\(settings)" == "postgres://u@db.example:5432/d")
        var dumped = ""
        dump(settings, to: &dumped)
        for shown in [String(reflecting: settings), dumped, "\(Mirror(reflecting: settings).children.map { "\($0.value)" })"] {
            #expect(!shown.contains("correct horse"), "\(shown)")
        }
        let url = try StoreURL(parsing: "postgres://u:hunter2@h/d")
        var dumpedURL = ""
        dump(url, to: &dumpedURL)
        #expect(!String(reflecting: url).contains("hunter2") && !dumpedURL.contains("hunter2"))
        #expect(settings.redacting("server said: correct horse!") == "server said: (hidden)!")
        #expect(settings.redacting("in a URL: correct%20horse") == "in a URL: (hidden)")
    }

    @Test func tlsIsRequiredOffThisMachineUnlessTheConfigSaysOtherwise() throws {
        #expect(try StoreSettings(url: "postgres://u@db.desk.example/d", environment: [:]).tls == .require)
        #expect(try StoreSettings(url: "postgres://u@10.0.0.5/d", environment: [:]).tls == .require)
        #expect(try StoreSettings(url: "postgres://u@127.0.0.1/d", environment: [:]).tls == .disable)
        #expect(try StoreSettings(url: "postgres://u@localhost/d", environment: [:]).tls == .disable)
        #expect(try StoreSettings(url: "postgres://u@[::1]/d", environment: [:]).tls == .disable)
        #expect(try StoreSettings(url: "postgres://u@127.0.0.1/d", tls: "require", environment: [:]).tls == .require)
        #expect(try StoreSettings(url: "postgres://u@db.desk.example/d", tls: "disable", environment: [:]).tls == .disable)
        #expect(failure { try StoreSettings(url: "postgres://u@h/d", tls: "prefer", environment: [:]) }
                == "tls: must be \"require\" or \"disable\", got 'prefer'")
        #expect(!(try StoreURL(parsing: "postgres://u@127.0.0.1.evil.example/d")).isLoopback)
    }

    /// `ca_file`: a PEM file of authorities, read when the settings are made; it
    /// asks for TLS on loopback too, and contradicts `tls = "disable"`.
    @Test func aCAFileIsReadAtOnceAndAsksForTLS() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rotor-ca-\(getpid())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let good = folder + "/ca.pem", text = folder + "/notes.txt", empty = folder + "/empty.pem"
        try Self.certificate.write(toFile: good, atomically: true, encoding: .utf8)
        try "not a certificate\n".write(toFile: text, atomically: true, encoding: .utf8)
        try "".write(toFile: empty, atomically: true, encoding: .utf8)
        let settings = try StoreSettings(url: "postgres://u@127.0.0.1/d", caFile: good, environment: [:])
        #expect(settings.tls == .require)
        #expect(settings.authorities?.count == 1)
        #expect(String(reflecting: settings) == "StoreSettings(postgres://u@127.0.0.1:5432/d, tls: require, ca_file: \(good), schema: rotor)")
        #expect(try StoreSettings(url: "postgres://u@db.desk.example/d", environment: [:]).authorities == nil)
        let sources = StoreSettings.Sources(tls: "r.toml:4: store.tls", caFile: "r.toml:5: store.ca_file")
        #expect(failure { try StoreSettings(url: "postgres://u@h/d", caFile: folder + "/missing.pem", sources: sources, environment: [:]) }
                == "r.toml:5: store.ca_file: \(folder)/missing.pem: cannot read the CA file")
        #expect(failure { try StoreSettings(url: "postgres://u@h/d", caFile: text, sources: sources, environment: [:]) }
                == "r.toml:5: store.ca_file: \(text): not a PEM file of certificates (-----BEGIN CERTIFICATE-----)")
        #expect(failure { try StoreSettings(url: "postgres://u@h/d", caFile: empty, sources: sources, environment: [:]) }?
                    .hasPrefix("r.toml:5: store.ca_file: \(empty): ") == true)
        #expect(failure { try StoreSettings(url: "postgres://u@h/d", tls: "disable", caFile: good, sources: sources, environment: [:]) }
                == "r.toml:5: store.ca_file: names the authorities TLS checks the server against, but tls = \"disable\": drop one")
    }

    /// A self-signed CA certificate (openssl req -x509, CN=rotor-settings-test-ca):
    /// only parsed here, never trusted for a connection.
    static let certificate = """
        -----BEGIN CERTIFICATE-----
        MIIBljCCAT2gAwIBAgIUa785xDYfGbDepkjKqpR8I9AvlTwwCgYIKoZIzj0EAwIw
        ITEfMB0GA1UEAwwWcm90b3Itc2V0dGluZ3MtdGVzdC1jYTAeFw0yNjEyMDIxMzMy
        NTlaFw0zNjExMjkxMzMyNTlaMCExHzAdBgNVBAMMFnJvdG9yLXNldHRpbmdzLXRl
        c3QtY2EwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAARHnFo5Il7FcNqllNC0EOBJ
        MfadVlSng/2ij3oJd/bE3/nwooBBd0sphpsfU1qfXcFRoZ5t+GfAvUwyTdkneYeM
        o1MwUTAdBgNVHQ4EFgQUnOKw5RbTBgjhSMlM3cA16Eh+ftUwHwYDVR0jBBgwFoAU
        nOKw5RbTBgjhSMlM3cA16Eh+ftUwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQD
        AgNHADBEAiBITFjzBdJ5jubf6mlQtjeIB1F6W2Ntwv88YlBV56aB2wIgUn7y83Q9
        J1fdA3aHwA1RWO5cHpTcMlNkQB5G5hAk30c=
        -----END CERTIFICATE-----

        """

    @Test func theSchemaIsAPlainIdentifier() {
        #expect(failure { try StoreSettings(url: "postgres://u@h/d", schema: "desk; DROP", environment: [:]) }?
                    .contains("is not a schema name") == true)
        #expect(failure { try StoreSettings(url: "postgres://u@h/d", schema: "desk_2", environment: [:]) } == nil)
    }
}
