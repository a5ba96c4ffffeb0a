import Foundation
import RotorCore
import RotorUI
import Subprocess
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts an alert's `run` command and reports what became of it, without ever
/// holding up the dashboard.
///
/// The command is an argument list, started without a shell: `argv[0]` is looked up
/// on `PATH` (or used as it is when it holds a `/`). It gets rotor's environment plus
/// the `ROTOR_ALERT_*` variables of `environment(for:mode:time:)`; standard input is
/// `/dev/null`, standard output is discarded and of standard error only the first
/// line is kept, for the log. It runs in a session of its own, so it has no
/// controlling terminal (it cannot draw over the dashboard through `/dev/tty`, and
/// the terminal's Ctrl-C does not reach it), and after `timeout` its whole process
/// group gets SIGTERM, then SIGKILL after `grace`.
///
/// swift-subprocess runs it (not Foundation's `Process`, whose `waitUntilExit` can
/// miss a child's exit on Linux while others are spawned, see the tests'
/// `Subprocess`): it waits on a pidfd, reaps the child itself, closes every pipe,
/// and its teardown sequence is the SIGTERM-then-SIGKILL this needs.
///
/// `start` returns at once; the outcome comes later to its `completion` (on another
/// thread) and as the value of the task it returns. At most `maxRunning` commands run
/// at once: past that a firing's command is skipped and reported at once (a replay at
/// full speed may fire dozens a second). In a session of its own a command outlives
/// rotor's terminal, so a dashboard that quits calls `stopAll` first.
final class AlertCommandRunner: Sendable {
    let timeout: Duration
    let grace: Duration
    let maxRunning: Int
    private let running = RunningCommands()

    /// The bytes of standard error kept for the log.
    static let stderrLimit = 300

    init(timeout: Duration = .seconds(10), grace: Duration = .seconds(2), maxRunning: Int = 16) {
        self.timeout = timeout
        self.grace = grace
        self.maxRunning = maxRunning
    }

    /// The variables a command gets, besides rotor's environment.
    static func environment(for firing: AlertFiring, mode: String, time: Date) -> [String: String] {
        [
            "ROTOR_ALERT_NAME": firing.name,
            "ROTOR_ALERT_EXPR": firing.expression,
            "ROTOR_ALERT_VALUE": firing.value,
            "ROTOR_ALERT_DATE": firing.date.iso,
            "ROTOR_ALERT_TIME": AlertWallTime.string(time),
            "ROTOR_ALERT_SEVERITY": firing.severity.rawValue,
            "ROTOR_ALERT_MODE": mode,
        ]
    }

    /// Starts `argv` with `variables` added to rotor's environment and returns at once.
    /// `completion` gets the outcome when the command has ended (and been reaped);
    /// the returned task's value is the same outcome.
    @discardableResult
    func start(_ argv: [String], variables: [String: String],
               completion: @escaping @Sendable (AlertRunOutcome) -> Void = { _ in }) -> Task<AlertRunOutcome, Never> {
        guard let id = running.add(limit: maxRunning) else {
            let outcome = AlertRunOutcome.skipped(running: running.count)
            completion(outcome)
            return Task { outcome }
        }
        let task = Task.detached(priority: .utility) { [self] in
            let outcome = await run(argv, variables: variables)
            running.remove(id)
            completion(outcome)
            return outcome
        }
        running.attach(task, to: id)
        return task
    }

    /// Stops every command still running (SIGTERM, then SIGKILL after `grace`) and
    /// waits until they are reaped: for a dashboard that quits, so no command outlives
    /// it for long. Their outcomes are `.stopped`.
    func stopAll() async {
        for task in running.tasks() {
            task.cancel()
            _ = await task.value
        }
    }

    /// Runs `argv` to its end or its timeout, whichever comes first. The timeout
    /// counts from the moment the command has been started, so a busy machine that is
    /// slow to start it does not eat into its time.
    func run(_ argv: [String], variables: [String: String]) async -> AlertRunOutcome {
        enum Step: Sendable { case ended(AlertRunOutcome), timeUp, timerStopped }
        let timeout = timeout
        let (started, startedSignal) = AsyncStream<Void>.makeStream()
        return await withTaskGroup(of: Step.self) { group in
            group.addTask { .ended(await self.spawnAndWait(argv, variables: variables, started: startedSignal)) }
            group.addTask {
                for await _ in started { break } // ends without a value if it never starts
                do { try await Task.sleep(for: timeout) } catch { return .timerStopped }
                return .timeUp
            }
            var outcome: AlertRunOutcome = .stopped
            var timedOut = false
            // Cancelling the group cancels the run, and swift-subprocess then runs the
            // teardown sequence (SIGTERM to the group, SIGKILL after `grace`) and reaps.
            while let step = await group.next() {
                switch step {
                case let .ended(ended):
                    outcome = ended
                    group.cancelAll()
                case .timeUp:
                    timedOut = true
                    group.cancelAll()
                case .timerStopped:
                    break
                }
            }
            // A command that ends the instant its time is up is counted as killed: it
            // was asked to stop, and ran its full time either way.
            if timedOut { return .killed(after: timeout) }
            if Task.isCancelled { return .stopped }
            return outcome
        }
    }

    /// Starts the command, says so on `started`, and waits until it has ended and
    /// been reaped.
    private func spawnAndWait(_ argv: [String], variables: [String: String],
                              started: AsyncStream<Void>.Continuation) async -> AlertRunOutcome {
        defer { started.finish() }
        guard let program = argv.first, !program.isEmpty else { return .failedToStart("the command is empty") }
        let executable: Executable = program.contains("/") ? .path(.init(program)) : .name(program)
        var options = PlatformOptions()
        options.createSession = true
        options.teardownSequence = [.gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: grace)]
        var updates: [Environment.Key: String?] = [:]
        for (key, value) in variables { updates[Environment.Key(stringLiteral: key)] = value }
        do {
            let result = try await Subprocess.run(
                executable, arguments: Arguments(Array(argv.dropFirst())), environment: .inherit.updating(updates),
                platformOptions: options, input: .none, output: .discarded, error: .sequence
            ) { execution in
                started.yield()
                return await Self.firstLine(of: execution.standardError)
            }
            switch result.terminationStatus {
            case let .exited(status): return .exited(status: status, stderr: result.closureResult)
            case let .signaled(signal): return .signaled(signal, stderr: result.closureResult)
            }
        } catch let error as SubprocessError {
            return .failedToStart(Self.reason(error, program: program))
        } catch is CancellationError {
            return .stopped
        } catch {
            return .failedToStart("\(error)")
        }
    }

    /// The first line of a command's standard error, read to its end so the command
    /// never blocks on a full pipe. Never throws: a read cut short (the command ended
    /// while a child of it holds the pipe, or the run was cancelled) keeps what came.
    private static func firstLine(of stream: SubprocessOutputSequence) async -> String {
        var kept: [UInt8] = []
        var complete = false
        do {
            for try await buffer in stream where !complete {
                buffer.withUnsafeBytes { bytes in
                    for byte in bytes {
                        if byte == UInt8(ascii: "\n") || kept.count >= stderrLimit {
                            complete = true
                            break
                        }
                        kept.append(byte)
                    }
                }
            }
        } catch {}
        return String(decoding: kept, as: UTF8.self).escapingControlCharacters
    }

    /// Why a command could not start, in a few words: `no such file`, `permission
    /// denied`, `not found on PATH`.
    static func reason(_ error: SubprocessError, program: String) -> String {
        if error.code == .executableNotFound {
            if program.contains("/") {
                return access(program, F_OK) == 0 ? "permission denied (\(program))" : "no such file (\(program))"
            }
            // A file of that name on PATH that cannot be run: say so, as a shell does.
            let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
            for folder in path.split(separator: ":") where folder.hasPrefix("/") {
                let candidate = folder + "/" + program
                if access(candidate, F_OK) == 0 { return "permission denied (\(candidate))" }
            }
            return "no such file (\(program) is not on PATH)"
        }
        if let errno = error.underlyingError?.rawValue { return "\(String(cString: strerror(errno)).lowercased()) (\(program))" }
        return "\(error)"
    }
}

/// The commands running now, so `start` can bound them and `stopAll` find them.
private final class RunningCommands: @unchecked Sendable {
    // @unchecked: every field is used under `lock`.
    private let lock = NSLock()
    private var next = 0
    private var entries: [Int: Task<AlertRunOutcome, Never>?] = [:]

    /// A new entry's id, or nil when `limit` are running.
    func add(limit: Int) -> Int? {
        lock.withLock {
            guard entries.count < limit else { return nil }
            next += 1
            entries[next] = .some(nil)
            return next
        }
    }

    func attach(_ task: Task<AlertRunOutcome, Never>, to id: Int) {
        lock.withLock { if entries[id] != nil { entries[id] = task } }
    }

    func remove(_ id: Int) {
        _ = lock.withLock { entries.removeValue(forKey: id) }
    }

    var count: Int { lock.withLock { entries.count } }

    func tasks() -> [Task<AlertRunOutcome, Never>] {
        lock.withLock { entries.values.compactMap { $0 } }
    }
}
