import CNcursesw
import RotorUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Waits for the next thing the app must react to: a key, a mouse press, a resize, a
/// quit signal or the end of the timeout.
///
/// It asks ncurses first without waiting (`get_wch` with timeout 0), because ncurses
/// may hold bytes it already read (the rest of a paste, a half-matched escape
/// sequence). Only then does it sleep, in its own `poll` on stdin and the signal pipe,
/// so a SIGTERM wakes it at once instead of after the timeout, and an idle dashboard
/// uses no CPU. SIGWINCH stays with ncurses: when it interrupts the poll, the next
/// `get_wch` reports KEY_RESIZE. (If the signal lands on another thread the poll is not
/// interrupted, and the resize shows up at the next key or timeout.)
final class KeyReader {
    private let signals: SignalPipe
    /// How many times in a row stdin was readable yet ncurses produced nothing: stdin at
    /// end of file (the terminal went away without SIGHUP) must not spin the loop.
    private var emptyReads = 0

    init(signals: SignalPipe) {
        self.signals = signals
    }

    /// Mouse presses read with the last KEY_MOUSE and not yet handed out.
    private var queuedMouse: [MouseEvent] = []

    /// `timeoutMilliseconds` < 0 waits for ever.
    func next(timeoutMilliseconds: Int, size: () -> (rows: Int, columns: Int)) -> TerminalEvent {
        if !queuedMouse.isEmpty { return .mouse(queuedMouse.removeFirst()) }
        let deadline = timeoutMilliseconds < 0 ? nil : Self.now() + timeoutMilliseconds
        wtimeout(rotor_stdscr(), 0)
        while true {
            if let signal = signals.pending() { return .quit(signal: signal) }
            var code: wint_t = 0
            let status = wget_wch(rotor_stdscr(), &code)
            if status != rotor_err() {
                emptyReads = 0
                let isKeyCode = status == rotor_key_code_yes()
                if isKeyCode, Int32(bitPattern: UInt32(code)) == rotor_key_resize() {
                    let now = size()
                    return .resize(rows: now.rows, columns: now.columns)
                }
                if isKeyCode, Int32(bitPattern: UInt32(code)) == rotor_key_mouse() {
                    queuedMouse = Self.mouseReports()
                    if !queuedMouse.isEmpty { return .mouse(queuedMouse.removeFirst()) }
                    continue
                }
                if let key = KeyDecoder.decode(UInt32(code), isKeyCode: isKeyCode) { return .key(key) }
                continue
            }
            var wait: Int32 = -1
            if let deadline {
                let left = deadline - Self.now()
                if left <= 0 { return .timeout }
                wait = Int32(clamping: left)
            }
            var fds = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: signals.readEnd, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, nfds_t(fds.count), wait)
            if ready == 0 { return .timeout }
            // EINTR: SIGWINCH (ncurses' handler ran) or one of ours; look again.
            if ready < 0 { continue }
            if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .quit(signal: SIGHUP) }
            if fds[0].revents & Int16(POLLIN) != 0 {
                emptyReads += 1
                if emptyReads > 100 { return .quit(signal: SIGHUP) }
            }
        }
    }

    /// Every press ncurses holds, oldest first. Reports that arrive together (a
    /// quick double click, a spun wheel) are one KEY_MOUSE, and `getmouse` hands
    /// them out newest first, one a call: one call would lose the first click of a
    /// double click. Releases and unused buttons decode to nothing. ncurses' queue
    /// holds 8 events; the bound is only a guard.
    private static func mouseReports() -> [MouseEvent] {
        var reports: [MouseEvent] = []
        var event = MEVENT()
        var calls = 0
        while calls < 64, getmouse(&event) == OK {
            calls += 1
            if let mouse = MouseDecoder.decode(event) { reports.append(mouse) }
        }
        return reports.reversed()
    }

    /// Monotonic milliseconds, immune to wall-clock changes.
    private static func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return time.tv_sec * 1000 + time.tv_nsec / 1_000_000
    }
}
