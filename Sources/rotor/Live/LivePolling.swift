import Foundation
import RotorData
import RotorUI

/// The live feeds as the dashboard's shell runs them: the poller in a detached task
/// (off the main actor, where the terminal loop blocks in `getch`), stopped and
/// started on pause, asked to refresh on `r`, and the store read on each tick.
final class LivePolling {
    let session: LiveSession
    private var polling: Task<Void, Never>?

    /// Not polling yet: `setPolling(true)` starts it.
    init(session: LiveSession) {
        self.session = session
    }

    /// The dashboard's first state of the data: the cache's bars, as the store has them.
    func initial(now: Date) -> (model: DashboardModel, report: FeedReport, cursor: LiveCursor) {
        let snapshot = session.store.takeSnapshot().snapshot
        return (session.model(snapshot.market), session.report(snapshot, now: now), LiveCursor(version: snapshot.version))
    }

    func setPolling(_ on: Bool) {
        if !on {
            polling?.cancel()
            polling = nil
        } else if polling == nil {
            let poller = session.poller
            polling = Task.detached { await poller.run() }
        }
    }

    func refresh() {
        let poller = session.poller
        Task.detached { await poller.refresh() }
    }

    /// The `.readFeeds` effect: the report always (ages and states move with time),
    /// and the model rebuilt when allowed and the store has new bars; only the
    /// expressions that read the symbols that changed are evaluated again.
    func read(modelVersion: Int, rebuild: Bool, model: DashboardModel, now: Date) -> [DashboardMsg] {
        guard rebuild, session.store.currentVersion != modelVersion else {
            return [.feedsChanged(session.report(session.store.snapshot(), now: now))]
        }
        let (snapshot, changed) = session.store.takeSnapshot()
        return [.dataArrived(model.updated(with: snapshot.market, changed: changed), version: snapshot.version),
                .feedsChanged(session.report(snapshot, now: now))]
    }

    func stop() { setPolling(false) }
}
