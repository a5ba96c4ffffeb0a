import Foundation
import Testing
@testable import RotorData

/// The virtual clock the poller's tests and `rotor soak` run on: time moves only
/// when every counted unit is parked, one sleeper at a time, in deadline order.
@Suite struct VirtualClockTests {
    /// Wake-up order, recorded by the sleepers themselves.
    final class Order: @unchecked Sendable {
        // @unchecked: `all` is read and written under `lock`.
        private let lock = NSLock()
        private var all: [(String, Double)] = []
        func append(_ name: String, _ time: Double) { lock.withLock { all.append((name, time)) } }
        var names: [String] { lock.withLock { all.map(\.0) } }
        var times: [Double] { lock.withLock { all.map(\.1) } }
    }

    @Test func sleepersWakeInDeadlineOrderAtTheirDeadlines() async {
        let clock = VirtualClock()
        let order = Order()
        var tasks: [Task<Void, Never>] = []
        for (name, seconds) in [("c", 30.0), ("a", 10), ("b", 20), ("a2", 10)] {
            tasks.append(clock.task {
                await clock.sleep(seconds)
                order.append(name, clock.now)
            })
        }
        await clock.advance(to: 25)
        #expect(clock.now == 25)
        // Equal deadlines wake in the order the sleeps were registered, which the
        // tasks did concurrently: only the set of the two is fixed.
        #expect(Set(order.names.prefix(2)) == ["a", "a2"] && order.names.count == 3 && order.names[2] == "b")
        #expect(order.times == [10, 10, 20])
        await clock.advance(to: 100)
        #expect(order.names.last == "c" && order.times.last == 30 && clock.now == 100)
        for t in tasks { await t.value }
        #expect(clock.busyUnits == 0)
    }

    @Test func timeStandsStillWhileAUnitIsBusy() async {
        let clock = VirtualClock()
        let order = Order()
        clock.began() // a unit that is working (not waiting on the clock)
        let sleeper = clock.task {
            await clock.sleep(5)
            order.append("sleeper", clock.now)
        }
        // Nothing can wake while the first unit is busy, however far time may go;
        // the unit ends from another task once the test has checked.
        let ender = Task {
            #expect(order.names.isEmpty && clock.now == 0)
            clock.ended()
        }
        await clock.advance(to: 60)
        await ender.value
        await sleeper.value
        #expect(order.names == ["sleeper"] && order.times == [5] && clock.now == 60)
    }

    @Test func cancellationEndsASleepAtOnce() async {
        let clock = VirtualClock()
        let task = clock.task { await clock.sleep(.infinity) }
        await clock.advance(to: 1e9)
        #expect(clock.busyUnits == 0)
        task.cancel()
        await task.value
        #expect(clock.busyUnits == 0 && clock.now == 1e9 && clock.wakeCount == 0)
    }

    @Test func theWallClockFollowsAndCanJump() async {
        let clock = VirtualClock(wallStart: Date(timeIntervalSince1970: 1000))
        await clock.advance(to: 50)
        clock.jumpWallClock(by: 3600)
        #expect(clock.wall == Date(timeIntervalSince1970: 4650) && clock.now == 50)
    }
}
