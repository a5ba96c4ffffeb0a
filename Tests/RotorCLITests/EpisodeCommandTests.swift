import Foundation
import Testing

/// `[[episodes]]` from the command line: `--list-episodes`, the errors of
/// `--episode`, `rotor check`'s count, and the demo's episodes, each of which holds
/// a firing of the alert its story is about (`rotor alerts` on the demo).
@Suite struct EpisodeCommandTests {
    static let demoConfig = RotorProcess.repositoryRoot.appendingPathComponent("Samples/demo.toml").path

    /// The demo's episodes and the alert each is about.
    static let demoEpisodes: [(name: String, alert: String)] = [
        ("rotation-squeeze", "rotation-extreme"),
        ("selloff-breadth", "breadth-extreme-low"),
        ("vol-crush", "iv-below-rv:VIX"),
        ("melt-up", "iv-below-rv:VIX"),
    ]

    /// name -> (from, to) from `--list-episodes`.
    static func listed() throws -> [String: (from: String, to: String)] {
        let r = try RotorProcess.run(["--list-episodes", "--config", demoConfig])
        #expect(r.status == 0, "\(r.stderr)")
        var out: [String: (String, String)] = [:]
        for line in r.stdout.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            out[fields[0]] = (fields[1], fields[2])
        }
        return out
    }

    @Test func listEpisodesPrintsTheDemosEpisodes() throws {
        let r = try RotorProcess.run(["--list-episodes", "--config", Self.demoConfig])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "name              from        to          note")
        #expect(lines.dropFirst().map { String($0.prefix { $0 != " " }) } == Self.demoEpisodes.map(\.name))
        #expect(lines[1].hasPrefix("rotation-squeeze  2024-07-10  2024-07-24  "), "\(lines[1])")
    }

    @Test func noEpisodesIsSaidAndExitsZero() throws {
        let folder = try LiveCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/plain.toml"
        try "[display]\nlookback = \"1Y\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        let r = try RotorProcess.run(["--list-episodes", "--config", file])
        #expect(r.status == 0)
        #expect(r.stdout == "no [[episodes]] in \(file)\n")
    }

    /// Each demo episode holds at least one firing of its alert, the firings being
    /// `rotor alerts` on the demo (the same replay as the dashboard's).
    @Test func eachDemoEpisodeHoldsAFiringOfItsAlert() throws {
        let episodes = try Self.listed()
        #expect(episodes.count == Self.demoEpisodes.count)
        let r = try RotorProcess.run(["alerts", "--config", Self.demoConfig])
        #expect(r.status == 0, "\(r.stderr)")
        let firings = r.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        for (name, alert) in Self.demoEpisodes {
            let range = try #require(episodes[name], "\(name) is not listed")
            let inside = firings.filter { $0[1] == alert && $0[0] >= range.from && $0[0] <= range.to }
            #expect(!inside.isEmpty, "\(name) (\(range.from) to \(range.to)) holds no \(alert) firing")
        }
    }

    @Test func anUnknownEpisodeExitsTwoListingTheEpisodes() throws {
        let r = try RotorProcess.run(["--episode", "vol-crash", "--config", Self.demoConfig], environment: ["TERM": "xterm-256color"])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "rotor: --episode: no episode 'vol-crash' (did you mean vol-crush?); the episodes are "
            + "rotation-squeeze, selloff-breadth, vol-crush, melt-up (in \(Self.demoConfig))\n")
    }

    @Test func episodeWithAtOrLiveIsAUsageError() throws {
        let at = try RotorProcess.run(["--episode", "vol-crush", "--at", "2025-01-02", "--config", Self.demoConfig])
        #expect(at.status == 2)
        #expect(at.stderr.hasPrefix("rotor: --episode starts the replay at the episode's first date: leave out --at"), "\(at.stderr)")
        let live = try RotorProcess.run(["--episode", "vol-crush", "--live"])
        #expect(live.status == 2)
        #expect(live.stderr.hasPrefix("rotor: --episode replays history: it cannot be used with --live"), "\(live.stderr)")
    }

    /// The data decides the rest: an episode outside it cannot be replayed (exit 2,
    /// before the screen), one reaching past it is a warning in `rotor check`.
    @Test func anEpisodeOutsideTheDataIsAnErrorAndCheckWarns() throws {
        let folder = try LiveCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let demo = RotorProcess.repositoryRoot.appendingPathComponent("Samples/demo").path
        let file = folder + "/episodes.toml"
        try """
        [data]
        folder = "\(demo)"

        [[episodes]]
        name = "dot-com"
        from = "2000-03-10"
        to = "2002-10-09"

        [[episodes]]
        name = "to-the-end"
        from = "2026-11-02"
        to = "2027-01-29"
        note = "runs past the data"
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let r = try RotorProcess.run(["--episode", "dot-com", "--config", file], environment: ["TERM": "xterm-256color"])
        #expect(r.status == 2)
        #expect(r.stderr == "rotor: \(file):4: episode dot-com (2000-03-10 to 2002-10-09) has no session in the data (2020-11-24 to 2026-11-20)\n")
        let check = try RotorProcess.run(["check", "--config", file])
        #expect(check.status == 0, "\(check.stdout)")
        let lines = check.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("episodes: ok (2 declared)"), "\(check.stdout)")
        #expect(lines.contains("episodes: warning: \(file):4: episode dot-com (2000-03-10 to 2002-10-09) has no session in the data (2020-11-24 to 2026-11-20)"))
        #expect(lines.contains("episodes: warning: \(file):9: episode to-the-end ends 2027-01-29, after the data (2026-11-20): replayed to 2026-11-20"))
    }

    @Test func checkCountsTheDemosEpisodes() throws {
        let r = try RotorProcess.run(["check", "--config", Self.demoConfig])
        #expect(r.status == 0, "\(r.stdout)")
        #expect(r.stdout.split(separator: "\n").contains("episodes: ok (4 declared)"), "\(r.stdout)")
        #expect(!r.stdout.contains("episodes: warning"))
    }
}
