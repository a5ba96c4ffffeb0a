import ArgumentParser
import Dispatch
import Foundation
import RotorConfig
import RotorCore
import RotorData
import RotorStore

/// `rotor collect`: the desk's one poller. Polls every feed of the config on the
/// dashboard's schedule, budget, backoff and health rules (the same `Poller`) and
/// writes each fetch's bars and the feed's health into the shared PostgreSQL store,
/// one transaction per fetch, `NOTIFY`ing the store's channel after each. Starts
/// from what the store holds (a restart asks only for what is missing) and never
/// touches the SQLite cache. Runs until SIGINT or SIGTERM; `--once` fetches every
/// feed once and exits (1 if any failed).
struct CollectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Poll every feed of the config and write bars and feed health into the shared PostgreSQL store."
    )

    @Option(help: ArgumentHelp("Config file whose [[feeds]] to poll (and whose [store] to write).", valueName: "file"))
    var config: String

    @Option(help: ArgumentHelp("The store: postgres://USER@HOST:PORT/DATABASE (default: the config's [store] url). "
                               + "No password in it: [store] password_env / password_file, or PGPASSWORD.",
                               valueName: "url"))
    var db: String?

    @Flag(help: "Fetch every feed once (two a second), write them, and exit.")
    var once = false

    func run() async throws {
        var options = DataOptions()
        options.config = config
        let (config, path) = try options.loadConfig()
        guard !config.feeds.isEmpty else { throw CommandFailure.usage("\(path ?? self.config): no [[feeds]] to collect") }
        guard let settings = try StoreConfigReading.settings(db: db, config: config, configPath: path) else {
            throw CommandFailure.usage("\(path ?? self.config): no store: give --db URL or a [store] url")
        }
        let store = SharedStore(settings)
        // Every way out closes the connection (PostgresNIO requires it of a connection
        // before it goes away).
        do {
            try await collect(into: store, settings: settings, config: config, path: path)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }

    private func collect(into store: SharedStore, settings: StoreSettings, config: RotorConfig, path: String?) async throws {
        do {
            let applied = try await store.migrate()
            if !applied.isEmpty { writeError("rotor collect: \(store.name): schema \(settings.schema) migrated to version \(applied.last!)") }
        } catch {
            throw CommandFailure.runtime(error.description)
        }
        let session = try LiveSession(config: config, configPath: path, log: { writeError("rotor collect: \($0)") },
                                      usingCache: false, sink: StoreSink(store))
        do {
            let loaded = try await StoreReading.fill(session.store, from: store)
            for warning in loaded.warnings { writeError("rotor collect: warning: \(warning)") }
            writeError("rotor collect: \(session.feeds.count) feeds into \(store.name) (schema \(settings.schema)); "
                       + "\(loaded.feeds) with stored bars")
        } catch {
            throw CommandFailure.runtime(error.description)
        }
        if once {
            let failures = await session.fetchOnce(refetchingCachedMembers: true)
            for (feed, error) in failures { writeError("rotor collect: \(feed.label): \(error)") }
            if !failures.isEmpty { throw CommandFailure.runtime("\(failures.count) of \(session.feeds.count) feeds failed") }
            return
        }
        let poller = session.poller
        let polling = Task.detached { await poller.run() }
        let stop = StopSignals { polling.cancel() }
        await polling.value
        stop.cancel()
        writeError("rotor collect: stopped")
    }
}

/// SIGINT and SIGTERM end the collector cleanly: the poller is cancelled, its
/// fetches end, the connection is closed.
final class StopSignals: @unchecked Sendable {
    // @unchecked: `sources` is set once in init; the dispatch sources are thread-safe.
    private let sources: [any DispatchSourceSignal]

    init(_ stop: @escaping @Sendable () -> Void) {
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: stop)
            source.resume()
            return source
        }
    }

    func cancel() { for source in sources { source.cancel() } }
}
