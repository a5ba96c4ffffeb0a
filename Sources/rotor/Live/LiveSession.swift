import Foundation
import RotorConfig
import RotorCore
import RotorData
import RotorUI

/// The live side of a config with `[[feeds]]`, put together from its parts: the
/// feeds to poll (`FeedList`), the store, the cache (`CacheOpening`), the providers
/// and the poller (`PollerWiring`); the report text is RotorUI's (`FeedReport.live`).
final class LiveSession: @unchecked Sendable {
    // @unchecked: every property is set once in init; the store and cache guard themselves.
    let config: RotorConfig
    let feeds: [FeedSpec]
    let store: LiveStore
    let cache: FeedCache?
    /// Where each fetch is written besides the store and the cache (`rotor collect`:
    /// the shared PostgreSQL store).
    let sink: (any FetchSink)?
    let poller: Poller
    let providers: @Sendable (FeedSpec) -> any Provider
    /// Said once at start (a cache moved aside, a cache that cannot be opened).
    let warnings: [String]
    /// The config's `[events]`, read once at start.
    let events: EventCalendar

    /// `usingCache: false` leaves the SQLite cache alone (the collector reads and
    /// writes the shared store instead); `sink` gets every fetch.
    init(config: RotorConfig, configPath: String?, log: @escaping @Sendable (String) -> Void,
         environment: [String: String] = ProcessInfo.processInfo.environment,
         usingCache: Bool = true, sink: (any FetchSink)? = nil) throws {
        self.config = config
        events = try config.loadEvents(configPath: configPath)
        feeds = try FeedList.specs(config, configPath: configPath, environment: environment)
        store = LiveStore(feeds: feeds)
        if usingCache {
            let opened = CacheOpening(into: store, environment: environment, log: log)
            cache = opened.cache
            warnings = opened.warnings
        } else {
            cache = nil
            warnings = []
        }
        self.sink = sink
        providers = PollerWiring.providers(config, environment: environment)
        poller = Poller(store: store, cache: cache, sink: sink, providers: providers, log: log)
    }

    func model(_ market: MarketData) -> DashboardModel {
        var model = DashboardModel(data: market, panes: config.paneSpecs, roles: config.roles, thresholds: config.thresholds,
                                   watching: AlertBook.expressions(config.alerts))
        model.events = events
        return model
    }

    /// The status bar, the overlay and the panes' warnings, from the store's health.
    func report(_ snapshot: LiveStore.Snapshot, now: Date) -> FeedReport {
        FeedStatusReading.report(snapshot, now: now)
    }
}
