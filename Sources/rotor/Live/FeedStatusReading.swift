import Foundation
import RotorData
import RotorStore
import RotorUI

/// The store's health in RotorUI's plain words (`FeedStatus`): states decided, times
/// read on the wall clock, errors as text. RotorUI writes the report from these.
enum FeedStatusReading {
    /// `14:02:11`, local time: the report's and the live status bar's clock.
    static let clock: DateFormatter = {
        let f = DateFormatter()
        f.dateFormat = "HH:mm:ss"
        return f
    }()

    static func statuses(_ snapshot: LiveStore.Snapshot, now: Date) -> [FeedStatus] {
        func moment(_ date: Date) -> FeedStatus.Moment {
            FeedStatus.Moment(clock: clock.string(from: date), secondsAgo: now.timeIntervalSince(date))
        }
        return snapshot.health.map { feed, health in
            let state: FeedStatus.State = switch health.state(now: now, interval: feed.interval(marketOpen: false)) {
            case .waiting: .waiting
            case .ok: .ok
            case .stale: .stale
            case .failing: .failing
            }
            return FeedStatus(label: feed.label, symbol: feed.symbol, universe: feed.universe, state: state,
                              lastSuccess: health.lastSuccess.map(moment), failingSince: health.failingSince.map(moment),
                              lastError: health.lastError.map { "\($0)" },
                              cacheFailure: health.cacheError.map {
                                  FeedStatus.CacheFailure(message: $0.message, since: moment($0.since), last: moment($0.last)) },
                              symbols: feed.universe == nil ? feed.names : nil)
        }
    }

    /// The report the screen shows for a store's snapshot at `now`; with `link`, of
    /// a dashboard following the shared store named `store`.
    static func report(_ snapshot: LiveStore.Snapshot, now: Date, link: StoreLink? = nil, store: String = "") -> FeedReport {
        FeedReport.live(statuses(snapshot, now: now), loaded: snapshot.progress.mapValues(\.loaded),
                        link: link.map { linkStatus($0, store: store, feeds: snapshot.health.map(\.feed), now: now) })
    }

    /// The link in the report's words. The collector is silent when its last write is
    /// older than three times the shortest interval of its feeds outside market hours
    /// (Yahoo's 5 minutes: 15 minutes), the rule a feed goes stale by.
    static func linkStatus(_ link: StoreLink, store: String, feeds: [FeedSpec], now: Date) -> StoreLinkStatus {
        func moment(_ date: Date) -> FeedStatus.Moment {
            FeedStatus.Moment(clock: clock.string(from: date), secondsAgo: now.timeIntervalSince(date))
        }
        let shortest = feeds.map { $0.interval(marketOpen: false) }.min() ?? 300
        let state: StoreLinkStatus.State = switch link.state {
        case .connecting: .connecting
        case .ok: .ok
        case .lost: .lost
        }
        return StoreLinkStatus(store: store, state: state, lostSince: link.lostSince.map(moment), lastError: link.lastError,
                               lastRead: link.lastRead.map(moment), retryIn: link.retryAt.map { $0.timeIntervalSince(now) },
                               collector: link.collector.map {
                                   .init(host: $0.host, pid: $0.pid, lastWrite: moment($0.lastWrite),
                                         stale: now.timeIntervalSince($0.lastWrite) > 3 * shortest) },
                               warning: link.warning)
    }
}
