#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Installing and removing a set of signal handlers, for the signal pipe (quit
/// signals) and the fatal-signal guard, which differ only in the handler and its flags.
enum SignalHandlers {
    /// Installs `handler` for every signal of `numbers`, unblocks them (a mask inherited
    /// across exec could keep one pending for ever: a SIGTERM that never quits, a
    /// `kill -ABRT` that never lands), and returns the handlers they replaced.
    static func install(_ numbers: [Int32], flags: Int32,
                        handler: @escaping @convention(c) (Int32) -> Void) -> [Int32: sigaction] {
        var previous: [Int32: sigaction] = [:]
        for number in numbers {
            var action = sigaction()
            #if os(Linux)
            action.__sigaction_handler.sa_handler = handler
            #else
            action.__sigaction_u.__sa_handler = handler
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = flags
            var old = sigaction()
            if sigaction(number, &action, &old) == 0 { previous[number] = old }
        }
        var mask = sigset_t()
        sigemptyset(&mask)
        for number in numbers { sigaddset(&mask, number) }
        pthread_sigmask(SIG_UNBLOCK, &mask, nil)
        return previous
    }

    /// Puts back the handlers `install` replaced.
    static func restore(_ previous: [Int32: sigaction]) {
        for (number, old) in previous {
            var old = old
            _ = sigaction(number, &old, nil)
        }
    }
}
