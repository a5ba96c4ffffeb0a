import Foundation
import RotorConfig
import RotorData
import RotorStore

extension LiveSession {
    /// A session of a config with `[store]`: its feeds' bars and health read from the
    /// shared store once, never fetched from the sources and never from the SQLite
    /// cache (the collector polls for everyone). Warnings (bad stored rows) go to
    /// stderr. A store that cannot be read, or has no rotor tables yet, is an error.
    static func reading(_ settings: StoreSettings, config: RotorConfig, configPath: String?) async throws -> LiveSession {
        let session = try LiveSession(config: config, configPath: configPath, log: { _ in }, usingCache: false)
        let store = SharedStore(settings)
        do {
            guard try await store.schemaVersion() > 0 else {
                await store.close()
                throw CommandFailure.runtime("\(store.name): schema \(settings.schema) has no rotor tables yet: "
                                             + "start `rotor collect --config FILE` first")
            }
            let loaded = try await StoreReading.fill(session.store, from: store)
            for warning in loaded.warnings { writeError("rotor: warning: \(warning)") }
        } catch let error as StoreError {
            await store.close()
            throw CommandFailure.runtime(error.description)
        }
        await store.close()
        return session
    }

    /// The feeds among `names` (nil: all) with no data in the store, each with why.
    func missingFromStore(_ settings: StoreSettings, names: Set<String>? = nil) -> [(name: String, message: String)] {
        missingData(after: []).filter { names?.contains($0.name) ?? true }.map { name, _ in
            let feed = feeds.first { $0.names.contains(name) || $0.name == name }
            let why = feed.flatMap { store.health($0).lastError.map { " (the collector's last fetch: \($0))" } } ?? ""
            return (name, "\(name): no data in the store \(settings) yet\(why); is `rotor collect` running?")
        }
    }
}
