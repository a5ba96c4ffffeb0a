import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program to completion with `posix_spawn` and `waitpid`, with a deadline.
///
/// Not Foundation's `Process`: on Linux its `waitUntilExit` can miss the exit of a
/// child while other tests spawn processes in parallel, and then waits forever (seen
/// in CI: a `tmux` client left as a zombie and the test run killed after 90 minutes).
/// Here the test itself reaps its child, output goes to files (so no pipe can fill
/// up, and a daemon such as the tmux server holds no pipe of ours open), standard
/// input is `/dev/null`, and a child that outlives its deadline is killed.
enum Subprocess {
    struct Result {
        /// The exit status, or 128 + N when signal N ended the program (as a shell says).
        let status: Int32
        let stdout: Data
        let stderr: Data
        let timedOut: Bool
    }

    struct SpawnError: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `program` (a path, or a name looked up in `PATH`) with `arguments`.
    /// `environment` entries are added to this process's environment, `unset` ones
    /// taken out of it.
    /// `started` is told the child's pid once it runs (a test that stops a
    /// long-running command signals exactly the process it started).
    static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:],
                    unset: [String] = [], timeout: Double = 120, started: (pid_t) -> Void = { _ in }) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("rotor-subprocess-\(getpid())-\(UUID().uuidString)")
        let outPath = scratch.path + ".out", errPath = scratch.path + ".err"
        defer {
            unlink(outPath)
            unlink(errPath)
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        for key in unset { env[key] = nil }
        let argv = CStrings([program] + arguments)
        let envp = CStrings(env.map { "\($0.key)=\($0.value)" })
        defer {
            argv.release()
            envp.release()
        }

        var pid: pid_t = 0
        let spawned = program.contains("/")
            ? posix_spawn(&pid, program, &actions, nil, argv.pointers, envp.pointers)
            : posix_spawnp(&pid, program, &actions, nil, argv.pointers, envp.pointers)
        guard spawned == 0 else {
            throw SpawnError(description: "cannot start \(program): \(String(cString: strerror(spawned)))")
        }
        started(pid)

        var waitStatus: Int32 = 0
        var timedOut = false
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let reaped = waitpid(pid, &waitStatus, WNOHANG)
            if reaped == pid { break }
            if reaped == -1 && errno != EINTR {
                throw SpawnError(description: "waitpid(\(program)): \(String(cString: strerror(errno)))")
            }
            if Date() > deadline && !timedOut {
                timedOut = true
                kill(pid, SIGKILL)
            }
            usleep(5_000)
        }

        let status: Int32
        let low = waitStatus & 0x7f
        if low == 0 {
            status = (waitStatus >> 8) & 0xff
        } else {
            status = 128 + low
        }
        return Result(status: status,
                      stdout: FileManager.default.contents(atPath: outPath) ?? Data(),
                      stderr: FileManager.default.contents(atPath: errPath) ?? Data(),
                      timedOut: timedOut)
    }
}

/// A NULL-terminated C array of strings, for `posix_spawn`'s argv and envp.
private struct CStrings {
    let pointers: [UnsafeMutablePointer<CChar>?]

    init(_ strings: [String]) {
        pointers = strings.map { strdup($0) } + [nil]
    }

    func release() {
        for pointer in pointers { free(pointer) }
    }
}
