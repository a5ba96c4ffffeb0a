import Foundation
import Testing
@testable import rotor

/// The progress line of long one-shot fetches, and `snapshot --ascii`.
@Suite struct ProgressAndASCIITests {
    /// A pseudo-terminal: the end the program writes to, and the end a terminal reads.
    static func pseudoTerminal() throws -> (program: Int32, terminal: Int32) {
        #if os(Linux)
        // Glibc's module leaves out posix_openpt and friends; these are what they do:
        // open the multiplexer, unlock the new pair (TIOCSPTLCK), ask its number (TIOCGPTN).
        let terminal = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0, number: UInt32 = 0
        try #require(terminal >= 0)
        try #require(ioctl(terminal, 0x4004_5431, &unlock) == 0 && ioctl(terminal, 0x8004_5430, &number) == 0)
        let name = "/dev/pts/\(number)"
        #else
        let terminal = posix_openpt(O_RDWR | O_NOCTTY)
        try #require(terminal >= 0 && grantpt(terminal) == 0 && unlockpt(terminal) == 0)
        let name = String(cString: ptsname(terminal))
        #endif
        let program = open(name, O_RDWR | O_NOCTTY)
        try #require(program >= 0)
        _ = fcntl(terminal, F_SETFL, fcntl(terminal, F_GETFL) | O_NONBLOCK)
        return (program, terminal)
    }

    static func readAll(_ fd: Int32) -> String {
        var out: [UInt8] = [], buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { break }
            out += buffer[0..<n]
        }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func onATerminalProgressRewritesOneLineAndClearsIt() throws {
        let (program, terminal) = try Self.pseudoTerminal()
        defer { close(program); close(terminal) }
        let progress = ProgressLine(fd: program)
        #expect(progress.isEnabled)
        progress.universeProgress("@universe", 1, 100)
        progress.universeProgress("@universe", 40, 100)
        progress.clear()
        #expect(Self.readAll(terminal) == "\r\u{1B}[Kfetching @universe 1/100\r\u{1B}[Kfetching @universe 40/100\r\u{1B}[K")
    }

    @Test func elsewhereProgressIsSilent() throws {
        var ends: [Int32] = [-1, -1]
        try #require(pipe(&ends) == 0)
        defer { close(ends[0]); close(ends[1]) }
        _ = fcntl(ends[0], F_SETFL, fcntl(ends[0], F_GETFL) | O_NONBLOCK)
        let progress = ProgressLine(fd: ends[1])
        #expect(!progress.isEnabled)
        progress.universeProgress("@universe", 1, 100)
        progress.clear()
        #expect(Self.readAll(ends[0]).isEmpty)
    }

    @Test func asciiSnapshotsHaveOnlyASCII() throws {
        let r = try RotorProcess.run(["snapshot", "--ascii", "--at", "2026-06-30", "--width", "120", "--height", "40"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 40)
        #expect(r.stdout.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(r.stdout.hasPrefix("+ > 1 RTY/ES ===") && r.stdout.contains("+ 2 MAG7 vs SPX ---"))
        // Without --ascii, snapshots stay UTF-8 whatever the locale.
        let utf8 = try RotorProcess.run(["snapshot", "--at", "2026-06-30"], environment: ["LC_ALL": "C", "LANG": "C"])
        #expect(utf8.status == 0 && utf8.stdout.hasPrefix("┏ ▶ 1 RTY/ES ━━━"))
    }
}
