/// What became of an alert's `run` command, for the dashboard's log.
enum AlertRunOutcome: Sendable, Equatable, CustomStringConvertible {
    /// It exited by itself with `status` (0: success); `stderr` is the first line of
    /// its standard error (cut at `AlertCommandRunner.stderrLimit` bytes), if any.
    case exited(status: Int32, stderr: String)
    /// A signal that rotor did not send ended it.
    case signaled(Int32, stderr: String)
    /// It was still running after `timeout` and was killed: SIGTERM to its process
    /// group, then SIGKILL after the grace period.
    case killed(after: Duration)
    /// The dashboard stopped it (`AlertCommandRunner.stopAll`, on quitting).
    case stopped
    /// Too many commands were still running; this one was not started.
    case skipped(running: Int)
    /// It could not be started: `no such file`, `permission denied`, ...
    case failedToStart(String)

    /// Exited with status 0.
    var succeeded: Bool {
        if case .exited(0, _) = self { return true }
        return false
    }

    /// `exited with status 1: curl: (7) Failed to connect`, `killed after 10 s`, ...
    var description: String {
        switch self {
        case let .exited(status, stderr): "exited with status \(status)" + Self.quote(stderr)
        case let .signaled(signal, stderr): "ended by signal \(signal)" + Self.quote(stderr)
        case let .killed(after): "killed after \(Self.seconds(after)) (still running)"
        case .stopped: "stopped as rotor quit"
        case let .skipped(running): "not started: \(running) alert commands are still running"
        case let .failedToStart(reason): "could not start: \(reason)"
        }
    }

    private static func quote(_ stderr: String) -> String { stderr.isEmpty ? "" : ": " + stderr }

    /// `10 s`, `0.3 s`.
    private static func seconds(_ duration: Duration) -> String {
        let (s, attoseconds) = duration.components
        let tenths = attoseconds / 100_000_000_000_000_000
        return tenths == 0 ? "\(s) s" : "\(s).\(tenths) s"
    }
}
