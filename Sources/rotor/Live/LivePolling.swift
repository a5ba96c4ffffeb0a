import Foundation
import RotorData
import RotorStore
import RotorUI

/// The live feeds as the dashboard's shell runs them: the poller in a detached task
/// (off the main actor, where the terminal loop blocks in `getch`), stopped and
/// started on pause, asked to refresh on `r`, and the store read on each tick.
/// With a `follower` (a config with `[store]`), the follower runs instead of the
/// poller: the dashboard reads the shared store and never asks the sources.
final class LivePolling {
    let session: LiveSession
    let follower: StoreFollower?
    private var polling: Task<Void, Never>?

    /// Not polling yet: `setPolling(true)` starts it.
    init(session: LiveSession, follower: StoreFollower? = nil) {
        self.session = session
        self.follower = follower
    }

    /// The dashboard's first state of the data: the cache's bars, as the store has them.
    func initial(now: Date) -> (model: DashboardModel, report: FeedReport, cursor: LiveCursor) {
        let snapshot = session.store.takeSnapshot().snapshot
        return (session.model(snapshot.market), report(snapshot, now: now), LiveCursor(version: snapshot.version))
    }

    func setPolling(_ on: Bool) {
        if !on {
            polling?.cancel()
            polling = nil
        } else if polling == nil {
            if let follower {
                polling = Task.detached { await follower.run() }
            } else {
                let poller = session.poller
                polling = Task.detached { await poller.run() }
            }
        }
    }

    func refresh() {
        if let follower { return follower.refresh() }
        let poller = session.poller
        Task.detached { await poller.refresh() }
    }

    /// The report of a snapshot: the session's, led by the store's link when following.
    private func report(_ snapshot: LiveStore.Snapshot, now: Date) -> FeedReport {
        guard let follower else { return session.report(snapshot, now: now) }
        return FeedStatusReading.report(snapshot, now: now, link: follower.link, store: follower.store.name)
    }

    /// The `.readFeeds` effect: the report always (ages and states move with time),
    /// and the model rebuilt when allowed and the store has new bars; only the
    /// expressions that read the symbols that changed are evaluated again.
    func read(modelVersion: Int, rebuild: Bool, model: DashboardModel, now: Date) -> [DashboardMsg] {
        guard rebuild, session.store.currentVersion != modelVersion else {
            return [.feedsChanged(report(session.store.snapshot(), now: now))]
        }
        let (snapshot, changed) = session.store.takeSnapshot()
        return [.dataArrived(model.updated(with: snapshot.market, changed: changed), version: snapshot.version),
                .feedsChanged(report(snapshot, now: now))]
    }

    func stop() { setPolling(false) }
}
