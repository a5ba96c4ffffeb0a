import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One line of progress on stderr for a long one-shot fetch (`fetching @universe
/// 40/100`), rewritten in place with a carriage return and cleared at the end. Only
/// on a terminal: in a pipe or a file the rewrites would be noise, so there it does
/// nothing.
final class ProgressLine: @unchecked Sendable {
    // @unchecked: the fetch task calls `show`, the command `clear`; `lock` orders them.
    private let fd: Int32
    let isEnabled: Bool
    private var shown = false
    private let lock = NSLock()

    init(fd: Int32 = STDERR_FILENO) {
        self.fd = fd
        isEnabled = isatty(fd) == 1
    }

    /// Replaces the line with `text` (control characters escaped).
    func show(_ text: String) {
        guard isEnabled else { return }
        lock.lock()
        defer { lock.unlock() }
        _ = StandardStream.writeAll("\r\u{1B}[K" + text.escapingControlCharacters, to: fd)
        shown = true
    }

    /// Erases the line, if anything was shown, so the next message starts clean.
    func clear() {
        lock.lock()
        defer { lock.unlock() }
        guard shown else { return }
        _ = StandardStream.writeAll("\r\u{1B}[K", to: fd)
        shown = false
    }

    /// The progress callback of `LiveSession.fetchOnce`.
    var universeProgress: @Sendable (String, Int, Int) -> Void {
        { [self] universe, done, total in show("fetching \(universe) \(done)/\(total)") }
    }
}
