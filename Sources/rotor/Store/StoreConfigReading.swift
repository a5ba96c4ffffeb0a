import Foundation
import RotorConfig
import RotorStore

/// The shared store a command is told to use: `--db URL` wins over the config's
/// `[store] url`; the password, TLS and schema come from `[store]` either way (a
/// `--db` URL alone takes its password from PGPASSWORD). Every fault names where it
/// is (`rotor.toml:12: store.password_file: ...`) and never the password.
enum StoreConfigReading {
    /// The settings, or nil when neither `--db` nor `[store]` names a store.
    static func settings(db: String?, config: RotorConfig, configPath: String?,
                         environment: [String: String] = ProcessInfo.processInfo.environment) throws -> StoreSettings? {
        let section = config.store
        guard let url = db ?? section?.url else { return nil }
        let base = configPath.map { ($0 as NSString).deletingLastPathComponent } ?? "."
        func beside(_ file: String) -> String { file.hasPrefix("/") ? file : (base as NSString).appendingPathComponent(file) }
        let passwordFile = section?.passwordFile.map(beside)
        let caFile = section?.caFile.map(beside)
        func place(_ key: String) -> String { section?.places[key] ?? "store.\(key)" }
        let sources = StoreSettings.Sources(url: db != nil ? "--db" : place("url"), passwordEnv: place("password_env"),
                                            passwordFile: place("password_file"), tls: place("tls"), caFile: place("ca_file"),
                                            schema: place("schema"))
        do {
            return try StoreSettings(url: url, passwordEnv: section?.passwordEnv, passwordFile: passwordFile, tls: section?.tls,
                                     caFile: caFile, schema: section?.schema, sources: sources, environment: environment)
        } catch {
            throw CommandFailure.usage(error.description)
        }
    }
}
