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
