import Foundation
import RotorCore
import RotorTestSupport
import Testing

/// What the commands print is safe for the terminal it lands on, and a failure to
/// print is a clean error: control characters from outside are escaped on stderr,
/// stdout write errors end with one line and exit 1, and bad counts are usage errors.
@Suite struct OutputSafetyTests {
    static let title = "\u{1B}]0;pwned\u{07}" // retitles an xterm if printed raw

    static func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rotor-out-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// `rotor` with its stdout redirected by a shell (`> /dev/full`, `>&-`).
    static func runWithStdout(_ redirect: String, _ arguments: [String]) throws -> Subprocess.Result {
        try Subprocess.run("sh", ["-c", "exec \"$0\" \"$@\" \(redirect)", RotorProcess.binary] + arguments)
    }

    @Test func controlCharactersAreEscaped() {
        #expect("plain text, ünïcödé ✓".escapingControlCharacters == "plain text, ünïcödé ✓")
        #expect(Self.title.escapingControlCharacters == "\\e]0;pwned\\x07")
        #expect("a\tb\nc\rd\u{0}e\u{7F}f\u{9B}g".escapingControlCharacters == "a\\tb\\nc\\rd\\x00e\\x7Ff\\u{9B}g")
    }

    @Test func aFullDiskOnStdoutIsOneLineAndExitOne() throws {
        for command in [["export", "ES"], ["snapshot"], ["check"], ["bench", "--list-expressions"]] {
            let r = try Self.runWithStdout("> /dev/full", command)
            #expect(r.status == 1, "\(command)")
            #expect(String(decoding: r.stderr, as: UTF8.self) == "rotor: cannot write to standard output: No space left on device\n",
                    "\(command)")
        }
    }

    @Test func aClosedStdoutIsOneLineAndExitOne() throws {
        let r = try Self.runWithStdout(">&-", ["export", "ES"])
        #expect(r.status == 1)
        #expect(String(decoding: r.stderr, as: UTF8.self) == "rotor: cannot write to standard output: Bad file descriptor\n")
    }

    @Test(arguments: ["0", "-1"])
    func benchNeedsAtLeastOneIteration(count: String) throws {
        let r = try RotorProcess.run(["bench", "--iterations=\(count)"])
        #expect(r.status == 2)
        #expect(r.stderr == "rotor: --iterations must be 1 to 1000000, got \(count) (see 'rotor help')\n")
    }

    @Test func aFileNameWithAnEscapeSequenceIsPrintedEscaped() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let demo = RotorProcess.repositoryRoot.appendingPathComponent("Samples/demo").path
        try FileManager.default.copyItem(atPath: demo + "/ES.csv", toPath: folder + "/ES.csv")
        try "date,close\n2026-01-02,1\n".write(toFile: folder + "/\(Self.title).csv", atomically: true, encoding: .utf8)
        let r = try RotorProcess.run(["export", "--data", folder, "ES"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("\\e]0;pwned\\x07.csv: skipped"), "\(r.stderr)")
        #expect(!r.stderr.contains("\u{1B}") && !r.stderr.contains("\u{07}"))
    }

    @Test func aConfigValueWithAnEscapeSequenceIsPrintedEscaped() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/config.toml"
        try "[display]\ntheme = \"\\u001b]0;pwned\\u0007\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        let r = try RotorProcess.run(["snapshot", "--config", file])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("rotor: \(file):2: display.theme: unknown theme '\\e]0;pwned\\x07'"), "\(r.stderr)")
        #expect(!r.stderr.contains("\u{1B}") && !r.stderr.contains("\u{07}"))
        let check = try RotorProcess.run(["check", "--config", file])
        #expect(check.status == 2)
        #expect(check.stdout.contains("\\e]0;pwned\\x07") && !check.stdout.contains("\u{1B}"))
    }

    @Test func anHTTPErrorBodyWithAnEscapeSequenceIsPrintedEscaped() throws {
        let server = try LocalHTTPServer { _ in
            .init(status: 400, text: #"{"error_code":400,"error_message":"\u001b]0;pwned\u0007 bad series"}"#)
        }
        defer { server.stop() }
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let r = try RotorProcess.run(["export", "--live", "US2Y"], environment: LiveCommandTests.environment(server, cache: folder))
        #expect(r.status == 1)
        #expect(r.stderr.contains("pwned"), "\(r.stderr)")
        #expect(!r.stderr.contains("\u{1B}") && !r.stderr.contains("\u{07}"))
    }
}

/// Files the user names are read only when they are regular files: a FIFO would
/// block for ever, a device such as /dev/zero fill memory.
@Suite struct NonRegularFileTests {
    @Test func aConfigThatIsAFIFOOrADeviceIsRefusedByName() throws {
        let folder = try OutputSafetyTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fifo = folder + "/config.toml"
        try #require(mkfifo(fifo, 0o600) == 0)
        for (path, command, kind) in [(fifo, ["snapshot"], "a FIFO"), ("/dev/zero", ["export", "ES"], "a character device"),
                                      (fifo, ["check"], "a FIFO")] {
            let r = try RotorProcess.run(command + ["--config", path])
            #expect(r.status == 2, "\(command)")
            let message = "\(path): cannot read the config file: not a regular file (\(kind))"
            #expect(r.stderr == "rotor: \(message)\n" || r.stdout == "config: \(message)\n", "\(r.stderr)\(r.stdout)")
        }
    }

    @Test func aMemberListThatIsAFIFOIsRefusedByName() throws {
        let folder = try OutputSafetyTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = try LiveCommandTests.smallLiveConfig(in: folder)
        try FileManager.default.removeItem(atPath: folder + "/members.txt")
        try #require(mkfifo(folder + "/members.txt", 0o600) == 0)
        let r = try RotorProcess.run(["export", "--config", config, "ES"], environment: OfflineCommandTests.offline(cache: folder))
        #expect(r.status == 2)
        #expect(r.stderr == "rotor: \(folder)/members.txt: cannot read the universe's member file: not a regular file (a FIFO)\n")
    }
}
