import Foundation
import RotorConfig
import RotorCore
import RotorData
import RotorUI

/// What the dashboard shows and how it moves on its own: a replay of CSV data, or
/// live feeds. The event loop asks it for the model, ticks it on every wake, and
/// forwards `r` and pause to it.
protocol DashboardSource: AnyObject {
    var model: DashboardModel { get }
    var asOf: Day? { get }
    var mode: String { get }
    var report: FeedReport { get }
    /// Moves on if it is time (a replay step, new live data); true when the screen changes.
    func tick(paused: Bool) -> Bool
    /// Milliseconds the loop may sleep before the next tick (at most 1000).
    func sleepMilliseconds(paused: Bool) -> Int
    /// The `r` key; returns the status bar's notice.
    func refresh() -> String
    func pauseChanged(_ paused: Bool)
    func stop()
}

/// A folder of CSV files replayed one session per step.
final class ReplaySource: DashboardSource {
    let model: DashboardModel
    private var replay: Replay
    private let step: Duration
    private let clock = ContinuousClock()
    private var nextStep: ContinuousClock.Instant
    let report: FeedReport

    init(model: DashboardModel, replay: Replay, speed: Double, description: String) {
        self.model = model
        self.replay = replay
        step = .milliseconds(max(1, Int(1000 / speed)))
        nextStep = clock.now.advanced(by: step)
        report = FeedReport(summary: description)
    }

    var asOf: Day? { replay.current }
    var mode: String { replay.atEnd ? "REPLAY END" : "REPLAY" }

    func tick(paused: Bool) -> Bool {
        guard !paused, !replay.atEnd, clock.now >= nextStep else { return false }
        replay.advance()
        nextStep = nextStep.advanced(by: step)
        if clock.now > nextStep { nextStep = clock.now.advanced(by: step) } // never a burst to catch up
        return true
    }

    func sleepMilliseconds(paused: Bool) -> Int {
        // Paused or at the end, wake once a second anyway: a SIGWINCH delivered to
        // another thread is only seen by ncurses on its next read.
        if paused || replay.atEnd { return 1000 }
        let remaining = clock.now.duration(to: nextStep)
        return max(0, min(1000, Int(remaining.components.seconds * 1000
            + remaining.components.attoseconds / 1_000_000_000_000_000)))
    }

    func refresh() -> String { "replay: nothing to refresh" }

    func pauseChanged(_ paused: Bool) {
        if !paused { nextStep = clock.now.advanced(by: step) }
    }

    func stop() {}
}

/// Live feeds: the cache at once, then the poller's updates; at most once a second,
/// when new bars have arrived, the expressions that read them are evaluated again.
final class LiveSource: DashboardSource {
    private let session: LiveSession
    private(set) var model: DashboardModel
    private(set) var report: FeedReport
    private var version = -1
    private var rebuiltAt = Date.distantPast
    private var polling: Task<Void, Never>?

    init(session: LiveSession) {
        self.session = session
        let snapshot = session.store.takeSnapshot().snapshot
        model = session.model(snapshot.market)
        report = session.report(snapshot, now: Date())
        version = snapshot.version
        start()
    }

    var asOf: Day? { model.lastDate }

    var mode: String { "LIVE " + LiveSession.clock.string(from: Date()) }

    private func start() {
        let poller = session.poller
        polling = Task.detached { await poller.run() }
    }

    func tick(paused: Bool) -> Bool {
        let now = Date()
        let current = session.store.currentVersion
        guard current != version, now.timeIntervalSince(rebuiltAt) >= 1 else {
            report = session.report(session.store.snapshot(), now: now) // ages and states move with time
            return true
        }
        let (snapshot, changed) = session.store.takeSnapshot()
        model = model.updated(with: snapshot.market, changed: changed)
        report = session.report(snapshot, now: now)
        version = snapshot.version
        rebuiltAt = now
        return true
    }

    func sleepMilliseconds(paused: Bool) -> Int { 1000 }

    func refresh() -> String {
        let poller = session.poller
        Task { await poller.refresh() }
        return "refreshing every feed"
    }

    func pauseChanged(_ paused: Bool) {
        if paused {
            polling?.cancel()
            polling = nil
        } else if polling == nil {
            start()
        }
    }

    func stop() { polling?.cancel() }
}
