import RotorData

/// The feed cache of a live session: opened at its default place and read into the
/// store, so the screen has the last run's bars at once. A cache that cannot be
/// opened is not fatal: the session runs without one and says so.
struct CacheOpening {
    let cache: FeedCache?
    /// Said once at start (a cache moved aside, a cache that cannot be opened).
    let warnings: [String]

    init(into store: LiveStore, environment: [String: String], log: @Sendable (String) -> Void) {
        var warnings: [String] = []
        do {
            let cache = try FeedCache(path: FeedCache.defaultPath(environment: environment))
            if let w = cache.warning { warnings.append(w) }
            if let w = try Poller.loadCache(cache, into: store).warning {
                warnings.append(w)
                log("cache: \(w)")
            }
            self.cache = cache
        } catch {
            warnings.append("cache unavailable, running without it: \(error)")
            self.cache = nil
        }
        self.warnings = warnings
    }
}
