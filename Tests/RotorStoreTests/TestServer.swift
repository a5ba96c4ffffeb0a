import Foundation
import RotorTestSupport
import Testing
@testable import RotorStore

/// The throwaway PostgreSQL server `make test` starts (Tests/postgres-server.sh):
/// its URL and password file come from the environment. Without them (a plain
/// `swift test`) the suites that need it are skipped, and say so.
enum TestServer {
    static let environment = ProcessInfo.processInfo.environment
    static let url = environment["ROTOR_TEST_POSTGRES_URL"]
    static let passwordFile = environment["ROTOR_TEST_POSTGRES_PASSWORD_FILE"]
    /// The CA that signed the server's certificate (made by the script, trusted by
    /// no system).
    static let caFile = environment["ROTOR_TEST_POSTGRES_CA_FILE"]
    static var available: Bool { url != nil && passwordFile != nil }
    static let skipReason: Comment = """
        needs the throwaway PostgreSQL server: run `make test`, or \
        `Tests/postgres-server.sh run swift test --skip-build` (ROTOR_TEST_POSTGRES_URL is not set)
        """

    private static let counter = Counter()

    /// Settings for a schema of its own (`t<pid>_<n>`), so tests never see each
    /// other's rows or notifications.
    static func settings(tls: String? = nil, schema: String? = nil) throws -> StoreSettings {
        try StoreSettings(url: url!, passwordFile: passwordFile!, tls: tls, schema: schema ?? freshSchema())
    }

    static func freshSchema() -> String { "t\(getpid())_\(counter.next())" }

    /// A migrated store in a fresh schema; `drop` removes the schema afterwards.
    static func store() async throws -> SharedStore {
        let store = SharedStore(try settings())
        try await store.migrate()
        return store
    }

    static func drop(_ store: SharedStore) async {
        try? await store.execute("DROP SCHEMA \(store.settings.schema) CASCADE")
        await store.close()
    }

    /// The test server's password, to check that no message contains it.
    static func password() throws -> String {
        try StoreSettings.readPasswordFile(passwordFile!, source: "test")
    }
}

/// A login role of a test's own on the shared test server, so the test can make
/// the database go away for one client alone (the other suites keep using the
/// server): `shutOut` forbids its logins and ends its connections, `letIn` undoes it.
struct TestRole {
    let name: String
    let password = "pw\(UInt64.random(in: 1...UInt64.max))"
    let admin: SharedStore
    let settings: StoreSettings

    /// A role that may read (and, `writing`, write) the schema of `admin`.
    init(for admin: SharedStore, writing: Bool = false) async throws {
        self.admin = admin
        let s = admin.settings.schema
        name = "role_\(s)"
        try await admin.execute("CREATE ROLE \(name) LOGIN PASSWORD '\(password)'")
        try await admin.execute("GRANT USAGE ON SCHEMA \(s) TO \(name)")
        try await admin.execute("GRANT \(writing ? "SELECT, INSERT, UPDATE" : "SELECT") ON ALL TABLES IN SCHEMA \(s) TO \(name)")
        let url = TestServer.url!.replacingOccurrences(of: "//rotor@", with: "//\(name)@")
        settings = try StoreSettings(url: url, passwordEnv: "ROLE_PW", schema: s, environment: ["ROLE_PW": password])
    }

    func shutOut() async throws {
        try await admin.execute("ALTER ROLE \(name) NOLOGIN")
        try await admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '\(name)'")
    }

    func letIn() async throws { try await admin.execute("ALTER ROLE \(name) LOGIN") }

    /// Ends its connections and drops it (before the schema is dropped).
    func drop() async throws {
        try await admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '\(name)'")
        try await admin.execute("DROP OWNED BY \(name)")
        try await admin.execute("DROP ROLE \(name)")
    }
}
