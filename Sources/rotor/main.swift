import ArgumentParser
import Foundation

// Entry point. Errors are caught here so that every failure is one line on stderr
// with a meaningful exit status (2 usage/config/data, 1 runtime), never a trace.
// (writeError and writeOutput, in StandardOutput.swift, escape and check every write.)

/// Runs a parsed command: every command is async; the dashboard's `run` is on the
/// main actor (its terminal loop blocks the main thread, never the cooperative pool).
/// (A function of its own: in top-level code `await` would pick the synchronous `run`.)
func runParsed(_ parsed: any ParsableCommand) async throws {
    var command = parsed
    if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
    } else {
        try command.run()
    }
}

StandardStream.guardStandardDescriptors()
do {
    try await runParsed(try RotorCommand.parseAsRoot())
    StandardStream.flushOrFail()
} catch let code as ExitCode {
    StandardStream.flushOrFail()
    // A command that has already said what is wrong (rotor check) and only sets the status.
    exit(code.rawValue)
} catch let failure as CommandFailure {
    writeError("rotor: \(failure.message)")
    exit(failure.status)
} catch {
    let code = RotorCommand.exitCode(for: error)
    if code == .success || error is CleanExit {
        RotorCommand.exit(withError: error) // --help, --version: prints and exits 0
    }
    let message = RotorCommand.message(for: error)
        .split(separator: "\n").first.map(String.init) ?? "\(error)"
    writeError("rotor: \(message) (see 'rotor help')")
    exit(2)
}
