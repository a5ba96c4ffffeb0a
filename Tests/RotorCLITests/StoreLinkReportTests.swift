import Foundation
import RotorData
import RotorStore
@testable import RotorUI
import Testing
@testable import rotor

/// What a dashboard following the shared store says of its link and the collector:
/// the overlay's first lines, the status bar's lead, and the one line every pane
/// shows while the store is lost or the collector silent.
@Suite struct StoreLinkReportTests {
    let feeds = [FeedSpec(symbol: "ES", kind: .yahoo, ticker: "ES=F"), FeedSpec(symbol: "US2Y", kind: .fred, ticker: "DGS2")]
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    let name = "postgres://rotor@db.desk:5432/rotor"

    func clock(_ d: Date) -> String { FeedStatusReading.clock.string(from: d) }

    func report(_ link: StoreLink, now: Date) -> FeedReport {
        let live = LiveStore(feeds: feeds)
        for feed in feeds { live.record(feed) { $0.succeeded(at: t0) } }
        return FeedStatusReading.report(live.snapshot(), now: now, link: link, store: name)
    }

    @Test func connectedItLeadsWithTheCollectorsAge() {
        var link = StoreLink()
        link.state = .ok
        link.lastRead = t0.addingTimeInterval(5)
        link.collector = CollectorBeat(lastWrite: t0, host: "desk-1", pid: 4242)
        let r = report(link, now: t0.addingTimeInterval(12))
        #expect(r.summary == "collector 12 s ago · feeds ok 2/2")
        #expect(r.lines[0] == "store \(name) ok       read \(clock(t0.addingTimeInterval(5))) (7 s ago), listening")
        #expect(r.lines[1] == "collector desk-1 pid 4242  ok       last write \(clock(t0)) (12 s ago)")
        #expect(r.sharedProblem == nil)
        #expect(r.problems.isEmpty)
    }

    /// Silent: older than three times the shortest interval of its feeds outside
    /// market hours (Yahoo's 300 s here): 900 s is not yet, 901 s is.
    @Test func aCollectorSilentPastItsScheduleIsAProblemInEveryPane() {
        var link = StoreLink()
        link.state = .ok
        link.lastRead = t0.addingTimeInterval(901)
        link.collector = CollectorBeat(lastWrite: t0, host: "desk-1", pid: 4242)
        #expect(report(link, now: t0.addingTimeInterval(900)).sharedProblem == nil)
        let r = report(link, now: t0.addingTimeInterval(901))
        #expect(r.summary.hasPrefix("COLLECTOR SILENT 15 min ago · "))
        #expect(r.lines[1] == "collector desk-1 pid 4242  stale    last write \(clock(t0)) (15 min ago)")
        #expect(r.sharedProblem == "the collector's last write was \(clock(t0)) (15 min ago)")
        // First, then the feed's own (stale by the same rule, a moment later).
        #expect(r.problems(for: ["ES"]) == ["the collector's last write was \(clock(t0)) (15 min ago)",
                                            "ES: stale, last ok \(clock(t0)) (15 min ago)"])
        #expect(r.problems(for: []) == [], "a pane that reads no feed has nothing to say")
    }

    @Test func lostItSaysSinceWhenWhyTheRetryAndTheDataKept() {
        var link = StoreLink()
        link.state = .lost
        link.lastRead = t0
        link.lostSince = t0.addingTimeInterval(30)
        link.lastError = "cannot read feed health: connection failed: Connection refused\u{1B}[2J"
        link.retryAt = t0.addingTimeInterval(45)
        link.collector = CollectorBeat(lastWrite: t0, host: "desk-1", pid: 4242)
        let r = report(link, now: t0.addingTimeInterval(40))
        let since = clock(t0.addingTimeInterval(30))
        #expect(r.summary == "STORE LOST since \(since) · feeds ok 2/2")
        #expect(r.lines[0] == "store \(name) FAILING  since \(since): cannot read feed health: connection failed: "
            + "Connection refused\\e[2J; retry in 5 s; data as read \(clock(t0)) (40 s ago)")
        #expect(r.sharedProblem == "store lost since \(since) (data as read \(clock(t0))): cannot read feed health: "
            + "connection failed: Connection refused\\e[2J")
    }

    @Test func beforeTheFirstReadItIsConnecting() {
        let r = report(StoreLink(), now: t0)
        #expect(r.summary == "store connecting · feeds ok 2/2")
        #expect(r.lines[0] == "store \(name) waiting  connecting")
        #expect(r.sharedProblem == nil)
    }
}
