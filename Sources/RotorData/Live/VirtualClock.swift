public import Foundation

/// Time that passes only when nothing is running: the poller's tests and `rotor soak`
/// run the real `Poller` (its loop, its concurrent fetch tasks) through hours or days
/// in a moment, and every run is the same.
///
/// The clock keeps count of the *units* of work that take part: the poller's loop
/// (started with `task(_:)`) and each fetch (the poller reports them through
/// `Poller.Clocks.fetchStarted`/`fetchEnded`, counted before the fetch's task exists).
/// A unit is *busy* while it runs and *parked* while it waits in `sleep`. Time moves
/// only when no unit is busy: then the earliest sleeper (by deadline, then by the
/// order it went to sleep) is woken, alone, at its deadline, and the clock waits for
/// quiet again. So nothing can happen "between" two instants, and a fetch that
/// started at a virtual time is seen at that time, by construction rather than by
/// scheduling luck. (Units that are woken together still run concurrently: one
/// woken loop may start several fetches at once.)
///
/// A unit must wait only on this clock (or on work the clock counts); waiting on
/// anything else counts as busy and stops time.
///
/// Time never passes `limit`: `advance(to:)` raises it and returns once every unit is
/// parked with a deadline after it, so a test acts (a refresh, a wall-clock jump, a
/// cancellation) at a quiet instant.
public final class VirtualClock: @unchecked Sendable {
    // @unchecked: every stored property is read and written under `lock`, and
    // continuations are resumed after it is released.
    private let lock = NSLock()
    private var time = 0.0
    private var wallOffset: Double
    private var limit = 0.0
    private var busy = 0
    private var nextID = 0
    private var sleepers: [Sleeper] = []
    /// Sleeps whose task was cancelled before the sleeper was registered.
    private var cancelledEarly = Set<Int>()
    private var quietWaiters: [CheckedContinuation<Void, Never>] = []
    /// How many times a sleeper was woken by time (not by cancellation).
    private var wakes = 0

    private struct Sleeper {
        let id: Int
        let deadline: Double
        let continuation: CheckedContinuation<Void, Never>
    }

    /// A clock at virtual time 0 whose calendar reads `wallStart` then.
    public init(wallStart: Date = Date(timeIntervalSince1970: 1_750_000_000)) {
        wallOffset = wallStart.timeIntervalSince1970
    }

    /// Virtual seconds since the start.
    public var now: Double { lock.withLock { time } }

    /// The calendar: the start plus virtual time, plus any jump.
    public var wall: Date { lock.withLock { Date(timeIntervalSince1970: wallOffset + time) } }

    /// Moves the calendar alone, as when a laptop wakes up (the monotonic time does not).
    public func jumpWallClock(by seconds: Double) { lock.withLock { wallOffset += seconds } }

    /// Units busy now (for tests of the accounting itself).
    public var busyUnits: Int { lock.withLock { busy } }

    /// Sleepers woken by time so far: how many virtual naps were taken.
    public var wakeCount: Int { lock.withLock { wakes } }

    /// Starts `body` as a counted unit (busy from this call, before its task exists,
    /// until it returns).
    public func task(_ body: @escaping @Sendable () async -> Void) -> Task<Void, Never> {
        began()
        return Task {
            await body()
            self.ended()
        }
    }

    /// A unit begins (busy).
    public func began() { lock.withLock { busy += 1 } }

    /// A unit ends; if it was the last busy one, time moves on.
    public func ended() {
        let (wake, quiet) = lock.withLock {
            busy -= 1
            precondition(busy >= 0, "VirtualClock: more units ended than began")
            return step()
        }
        resume(wake, quiet)
    }

    /// Waits `seconds` of virtual time (inf: until cancelled). Returns early, at once,
    /// when the task is cancelled, as `Task.sleep` does (without throwing).
    public func sleep(_ seconds: Double) async {
        if Task.isCancelled { return }
        let id = lock.withLock {
            nextID += 1
            return nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let (wake, quiet, now) = lock.withLock { () -> (CheckedContinuation<Void, Never>?, [CheckedContinuation<Void, Never>], Bool) in
                    if cancelledEarly.remove(id) != nil { return (nil, [], true) }
                    let wait = seconds.isNaN ? 0 : max(0, seconds)
                    sleepers.append(Sleeper(id: id, deadline: time + wait, continuation: continuation))
                    busy -= 1
                    precondition(busy >= 0, "VirtualClock: sleep called by a unit that was not counted")
                    let (w, q) = step()
                    return (w, q, false)
                }
                if now { continuation.resume() } else { resume(wake, quiet) }
            }
        } onCancel: {
            let woken = lock.withLock { () -> CheckedContinuation<Void, Never>? in
                guard let index = sleepers.firstIndex(where: { $0.id == id }) else {
                    cancelledEarly.insert(id)
                    return nil
                }
                busy += 1 // runnable again
                return sleepers.remove(at: index).continuation
            }
            woken?.resume()
        }
        // A sleep that was cancelled after it was woken by time leaves its id behind.
        lock.withLock { _ = cancelledEarly.remove(id) }
    }

    /// Lets time run up to `target` (seconds) and returns when every unit is parked
    /// with a later deadline (or there is none); the clock then reads `target`.
    public func advance(to target: Double) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let (wake, quiet) = lock.withLock {
                limit = max(limit, target)
                quietWaiters.append(continuation)
                return step()
            }
            resume(wake, quiet)
        }
    }

    /// Lets time run `seconds` further.
    public func advance(by seconds: Double) async {
        await advance(to: now + seconds)
    }

    /// Called under `lock`: when no unit is busy, wakes the earliest sleeper due by
    /// `limit` (it is busy from here), or else reports quiet.
    private func step() -> (CheckedContinuation<Void, Never>?, [CheckedContinuation<Void, Never>]) {
        guard busy == 0 else { return (nil, []) }
        var first: Int?
        for (i, s) in sleepers.enumerated() where s.deadline <= limit {
            if let f = first, (sleepers[f].deadline, sleepers[f].id) <= (s.deadline, s.id) { continue }
            first = i
        }
        if let first {
            let sleeper = sleepers.remove(at: first)
            time = max(time, sleeper.deadline)
            busy = 1
            wakes += 1
            return (sleeper.continuation, [])
        }
        time = max(time, limit)
        let quiet = quietWaiters
        quietWaiters = []
        return (nil, quiet)
    }

    private func resume(_ wake: CheckedContinuation<Void, Never>?, _ quiet: [CheckedContinuation<Void, Never>]) {
        wake?.resume()
        for q in quiet { q.resume() }
    }
}
