import Foundation
import Testing

/// Runs the built `rotor` binary as a user would, capturing its output.
struct RotorProcess {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures").path

    /// The binary next to the test bundle (the test target depends on it, so it is built).
    static let binary: String = {
        let fm = FileManager.default
        var candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("rotor").path,
            URL(fileURLWithPath: Bundle.main.bundlePath).deletingLastPathComponent().appendingPathComponent("rotor").path,
            URL(fileURLWithPath: Bundle.main.bundlePath).appendingPathComponent("rotor").path,
        ]
        candidates.append(repositoryRoot.appendingPathComponent(".build/debug/rotor").path)
        return candidates.first { fm.isExecutableFile(atPath: $0) } ?? candidates.last!
    }()

    /// `timeout` only guards against a hang: a long CPU-bound run (the soaks) on a
    /// loaded machine gets more.
    static func run(_ arguments: [String], environment: [String: String] = [:], unset: [String] = [],
                    timeout: Double = 120, started: (pid_t) -> Void = { _ in }) throws -> Result {
        let r = try Subprocess.run(binary, arguments, environment: environment, unset: unset, timeout: timeout, started: started)
        if r.timedOut { Issue.record("rotor \(arguments.joined(separator: " ")) did not finish in time") }
        return Result(status: r.status,
                      stdout: String(decoding: r.stdout, as: UTF8.self),
                      stderr: String(decoding: r.stderr, as: UTF8.self))
    }
}
