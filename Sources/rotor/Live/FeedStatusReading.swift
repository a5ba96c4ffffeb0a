import Foundation
import RotorData
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

    /// The report the screen shows for a store's snapshot at `now`.
    static func report(_ snapshot: LiveStore.Snapshot, now: Date) -> FeedReport {
        FeedReport.live(statuses(snapshot, now: now), loaded: snapshot.progress.mapValues(\.loaded))
    }
}
