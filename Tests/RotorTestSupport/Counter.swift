import Foundation

/// A thread-safe counter: fresh names for tests that run in parallel (a schema of
/// their own in the shared-store tests).
public final class Counter: @unchecked Sendable {
    // @unchecked: `value` is read and written under `lock` only.
    private let lock = NSLock()
    private var value = 0

    public init() {}

    public func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
