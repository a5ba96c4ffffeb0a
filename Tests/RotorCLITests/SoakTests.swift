import Foundation
import Testing

/// A short soak in CI: the headless loop must not grow in memory or open files.
/// (`make soak` runs the long one: 100,000 replay steps and 10,000 polls.)
@Suite struct SoakTests {
    @Test func theLoopDoesNotGrow() throws {
        let r = try RotorProcess.run(["soak", "--steps", "1500", "--polls", "600"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("soak: 1500 replay steps and 600 polls in ") == true)
        // "memory: 33.8 MB after warm-up, 34.0 MB at the end (+0.6%)"
        let memory = try #require(lines.first { $0.hasPrefix("memory: ") })
        let numbers = memory.split(whereSeparator: { !"0123456789.".contains($0) }).compactMap { Double($0) }
        let (start, end) = (numbers[0], numbers[1])
        #expect(start > 5 && start < 120, "\(memory)")
        #expect(end <= start * 1.05 + 1, "memory grew: \(memory)")
        let files = try #require(lines.first { $0.hasPrefix("open files: ") })
        let counts = files.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        #expect(counts.count == 2 && counts[0] == counts[1], "\(files)")
    }
}
