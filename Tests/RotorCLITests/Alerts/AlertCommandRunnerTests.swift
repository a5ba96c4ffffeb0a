import Foundation
import Testing
@testable import rotor
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An alert's run command: its environment, its timeout, its failures, and that it
/// leaves no process or descriptor behind. Each test awaits the outcome itself; the
/// time limits only turn a hang into a failure.
@Suite(.timeLimit(.minutes(2)))
struct AlertCommandRunnerTests {
    static func scratch() -> String { AlertFixtures.folder() }

    /// A runner whose timeout never comes into it: a loaded machine (other tests
    /// hold the threads) must not turn a command's exit into a kill.
    static let patient = AlertCommandRunner(timeout: .seconds(600))

    /// Whether a process of that id is gone: reaped, or dead and waiting for its new
    /// parent (an orphaned grandchild is reaped by init, in its own time).
    static func isGone(_ pid: pid_t) -> Bool {
        if kill(pid, 0) != 0, errno == ESRCH { return true }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        return stat[stat.index(after: close)...].split(separator: " ").first == "Z"
    }

    static func pid(in path: String) throws -> pid_t {
        try #require(pid_t(try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// Every ROTOR_ALERT_* variable reaches the command, with rotor's environment, and
    /// the arguments arrive as they were written (no shell between).
    @Test func theCommandGetsTheAlertsEnvironment() async throws {
        let out = Self.scratch()
        defer { unlink(out) }
        let firing = AlertFixtures.firing(run: ["sh", "-c", #"env > "$0"; printf '%s\n' "$@" >> "$0""#, out, "a b; $HOME", "*"])
        let task = Self.patient.start(firing.run!, variables: AlertCommandRunner.environment(for: firing, mode: "live", time: AlertFixtures.time))
        #expect(await task.value == .exited(status: 0, stderr: ""))

        let lines = try AlertFixtures.lines(out)
        var variables: [String: String] = [:]
        for line in lines { if let eq = line.firstIndex(of: "=") { variables[String(line[..<eq])] = String(line[line.index(after: eq)...]) } }
        #expect(variables["ROTOR_ALERT_NAME"] == "rotation-extreme")
        #expect(variables["ROTOR_ALERT_EXPR"] == "zscore(ratio(RTY, ES), 60)")
        #expect(variables["ROTOR_ALERT_VALUE"] == "-2.0431")
        #expect(variables["ROTOR_ALERT_DATE"] == "2024-03-15")
        #expect(variables["ROTOR_ALERT_TIME"] == "2026-12-01T22:50:04Z")
        #expect(variables["ROTOR_ALERT_SEVERITY"] == "alert")
        #expect(variables["ROTOR_ALERT_MODE"] == "live")
        #expect(variables.keys.filter { $0.hasPrefix("ROTOR_ALERT_") }.count == 7)
        #expect(variables["PATH"] == ProcessInfo.processInfo.environment["PATH"]) // rotor's own environment
        #expect(Array(lines.suffix(2)) == ["a b; $HOME", "*"])
    }

    /// A command that hangs is killed after the timeout and reported as killed: it is
    /// reaped when the outcome arrives, and the child it started in the background
    /// (same process group) dies too. The child's death is awaited through a FIFO it
    /// holds open: the test's read of it ends when the last writer is gone.
    @Test func aHangingCommandIsKilled() async throws {
        let pidFile = Self.scratch(), fifo = Self.scratch()
        defer { unlink(pidFile); unlink(fifo) }
        try #require(mkfifo(fifo, 0o600) == 0)
        let reader = open(fifo, O_RDONLY | O_NONBLOCK) // before any writer, so theirs do not block
        try #require(reader >= 0)
        defer { close(reader) }
        let runner = AlertCommandRunner(timeout: .seconds(1), grace: .seconds(5))
        let script = #"exec 3> "$1"; sleep 600 & echo $$ > "$0"; wait"# // the sleep inherits fd 3
        let task = runner.start(["sh", "-c", script, pidFile, fifo], variables: [:])
        #expect(await task.value == .killed(after: .seconds(1)))
        #expect(Self.isGone(try Self.pid(in: pidFile)), "the command is still there") // it reached the fork
        // The FIFO hangs up when its last writer is gone: the sleep is dead. (Were it
        // alive, poll would give up after 60 s and the test would fail.)
        var hangUp = pollfd(fd: reader, events: Int16(POLLIN), revents: 0)
        #expect(poll(&hangUp, 1, 60_000) == 1 && hangUp.revents & Int16(POLLHUP) != 0)
        #expect(AlertRunOutcome.killed(after: .milliseconds(300)).description == "killed after 0.3 s (still running)")
        #expect(AlertRunOutcome.killed(after: .seconds(10)).description == "killed after 10 s (still running)")
    }

    /// One that ignores SIGTERM gets SIGKILL after the grace period.
    @Test func oneThatIgnoresSIGTERMIsKilledAfterTheGrace() async throws {
        let pidFile = Self.scratch()
        defer { unlink(pidFile) }
        let runner = AlertCommandRunner(timeout: .seconds(1), grace: .milliseconds(300))
        let task = runner.start(["sh", "-c", #"echo $$ > "$0"; trap '' TERM; while :; do sleep 1; done"#, pidFile], variables: [:])
        #expect(await task.value == .killed(after: .seconds(1)))
        #expect(Self.isGone(try Self.pid(in: pidFile)))
    }

    /// Failures are reported with their status or reason: a non-zero exit (with the
    /// first line of standard error), a missing executable, one that cannot be run.
    @Test func failuresAreReported() async throws {
        let runner = Self.patient
        #expect(await runner.start(["false"], variables: [:]).value == .exited(status: 1, stderr: ""))
        let loud = await runner.start(["sh", "-c", "printf 'curl: (7) \\033[31mrefused\\nsecond line\\n' >&2; exit 7"], variables: [:]).value
        #expect(loud == .exited(status: 7, stderr: "curl: (7) \\e[31mrefused"))
        #expect(loud.description == "exited with status 7: curl: (7) \\e[31mrefused")
        #expect(await runner.start(["sh", "-c", "kill -USR1 $$"], variables: [:]).value == .signaled(SIGUSR1, stderr: ""))

        let missing = await runner.start(["rotor-no-such-command-14"], variables: [:]).value
        #expect(missing == .failedToStart("no such file (rotor-no-such-command-14 is not on PATH)"))
        #expect(missing.description.hasPrefix("could not start: no such file"))
        #expect(await runner.start(["/nonexistent/notify"], variables: [:]).value == .failedToStart("no such file (/nonexistent/notify)"))

        let script = Self.scratch()
        defer { unlink(script) }
        try Data("#!/bin/sh\nexit 0\n".utf8).write(to: URL(fileURLWithPath: script))
        chmod(script, 0o644) // not executable, not even for root
        #expect(await runner.start([script], variables: [:]).value == .failedToStart("permission denied (\(script))"))
        #expect(await runner.start([], variables: [:]).value == .failedToStart("the command is empty"))
    }

    /// `start` returns while the command runs; `stopAll` ends it (for a dashboard that
    /// quits) and waits until it is reaped.
    @Test func startReturnsAtOnceAndStopAllEndsTheCommand() async throws {
        let pidFile = Self.scratch()
        defer { unlink(pidFile) }
        let runner = AlertCommandRunner(timeout: .seconds(600), grace: .seconds(5))
        let ended = OutcomeBox()
        let task = runner.start(["sh", "-c", #"echo $$ > "$0"; exec sleep 600"#, pidFile], variables: [:]) { ended.set($0) }
        #expect(ended.value == nil) // it cannot have ended: nothing stops it for 600 s
        await runner.stopAll()
        #expect(await task.value == .stopped && ended.value == .stopped)
        if let pid = try? Self.pid(in: pidFile) { #expect(Self.isGone(pid)) }
    }

    /// Past `maxRunning`, a firing's command is skipped at once and said so.
    @Test func commandsPastTheBoundAreSkipped() async throws {
        let runner = AlertCommandRunner(timeout: .seconds(600), grace: .seconds(5), maxRunning: 2)
        let first = runner.start(["sleep", "600"], variables: [:]), second = runner.start(["sleep", "600"], variables: [:])
        let third = await runner.start(["true"], variables: [:]).value
        #expect(third == .skipped(running: 2))
        #expect(third.description == "not started: 2 alert commands are still running")
        await runner.stopAll()
        let (a, b) = (await first.value, await second.value)
        #expect(a == .stopped && b == .stopped)
        #expect(await runner.start(["true"], variables: [:]).value == .exited(status: 0, stderr: ""))
    }

    /// The soak: 200 commands (ten at a time; some fail, some are killed) leave the
    /// open descriptors and the child processes as they were. In a process of its own
    /// (an exit test), so other tests' files do not count; the child reports what it
    /// counted and the checks are made here, so a failure shows the numbers.
    ///
    /// Children are reaped before a run returns, so none may be left. Descriptors get
    /// a bound instead of an equality: swift-subprocess reads a command's stderr
    /// through DispatchIO, which closes the pipe on its own queue a moment after the
    /// command has ended, so on a loaded machine the last batch's pipes (at most 10
    /// commands, 2 descriptors each) may still be open when the count is taken. A leak
    /// is at least one descriptor per failed or killed command: 40 or more here.
    @Test func twoHundredCommandsLeakNothing() async throws {
        let result = await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
            func openFiles() -> Int { (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? -1 }
            func children() -> Int {
                let me = "\(getpid())"
                let all = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
                return all.filter { Int($0) != nil }.filter { pid in
                    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                          let close = stat.lastIndex(of: ")") else { return false }
                    return stat[stat.index(after: close)...].split(separator: " ").dropFirst().first.map(String.init) == me
                }.count
            }
            let runner = AlertCommandRunner(timeout: .milliseconds(500), grace: .milliseconds(200))
            let commands = [["true"], ["false"], ["sh", "-c", "echo oops >&2; exit 2"], ["rotor-no-such-command-14"], ["sleep", "60"]]
            _ = await runner.start(["true"], variables: ["ROTOR_ALERT_NAME": "warm-up"]).value // the monitor thread and its descriptors
            let filesBefore = openFiles(), childrenBefore = children()
            var outcomes: [AlertRunOutcome] = []
            for batch in 0..<20 {
                let tasks = (0..<10).map { n in
                    runner.start(commands[(batch * 10 + n) % commands.count], variables: ["ROTOR_ALERT_NAME": "soak-\(n)"])
                }
                for task in tasks { outcomes.append(await task.value) }
            }
            let filesAfter = openFiles(), childrenAfter = children()
            let killed = outcomes.filter { $0 == .killed(after: .milliseconds(500)) }.count
            let failedToStart = outcomes.filter { if case .failedToStart = $0 { true } else { false } }.count
            FileHandle.standardError.write(Data(
                "outcomes \(outcomes.count) killed \(killed) failedToStart \(failedToStart) files \(filesBefore) \(filesAfter) children \(childrenBefore) \(childrenAfter)\n".utf8))
        }
        let report = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        let numbers = report.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        try #require(numbers.count == 7, "the soak's report: \(report)")
        let (count, killed, failedToStart) = (numbers[0], numbers[1], numbers[2])
        let (filesBefore, filesAfter, childrenBefore, childrenAfter) = (numbers[3], numbers[4], numbers[5], numbers[6])
        #expect(count == 200)
        #expect(killed >= 40, "every sleep 60 is killed (and a slow true may be too)")
        #expect(failedToStart == 40)
        #expect(childrenBefore == 0 && childrenAfter == 0)
        #expect(filesAfter <= filesBefore + 20, "open files \(filesBefore) -> \(filesAfter)")
        print("soak: open files \(filesBefore) -> \(filesAfter), children \(childrenBefore) -> \(childrenAfter), \(killed) killed")
    }
}

/// An outcome set from a completion handler, read by the test.
final class OutcomeBox: @unchecked Sendable {
    // @unchecked: `stored` is used under `lock` only.
    private let lock = NSLock()
    private var stored: AlertRunOutcome?
    func set(_ outcome: AlertRunOutcome) { lock.withLock { stored = outcome } }
    var value: AlertRunOutcome? { lock.withLock { stored } }
}
