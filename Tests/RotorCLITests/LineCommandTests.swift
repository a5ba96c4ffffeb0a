import Foundation
import RotorCore
import RotorData
import RotorTestSupport
import RotorUI
import Testing
@testable import rotor

/// `rotor line`, the binary on the bundled demo at dates whose flags the README
/// names, in both formats; its errors; and live mode, which reads the feed cache and
/// nothing else (a loopback server that counts requests gets none).
@Suite struct LineCommandTests {
    static let demo = RotorProcess.repositoryRoot.appendingPathComponent("Samples/demo").path

    static func line(_ arguments: [String], environment: [String: String] = [:]) throws -> RotorProcess.Result {
        try RotorProcess.run(["line"] + arguments, environment: environment, timeout: 60)
    }

    @Test(arguments: [
        ("2025-04-08", "RTY/ES z +0.25 · VIX prem +29.88 pts · % > 50d 3.6% · 2s10s +62 bp bull steepener · regime Growth scare · ⚑ BREADTH EXTREME LOW · COR1M CORR HIGH · RTY AM CROWDED SHORT"),
        ("2025-09-18", "RTY/ES z +0.95 · VIX prem -6.47 pts · % > 50d 88.9% · 2s10s +55 bp flat · regime Risk-on · ⚑ BREADTH EXTREME HIGH · VIX,VXN,RVX IV<RV"),
        ("2024-07-17", "RTY/ES z +4.66 · VIX prem +14.16 pts · % > 50d 71.5% · 2s10s -36 bp bull steepener · regime Goldilocks · ⚑ RTY/ES EXTREME leading · RTY SQUEEZE RISK · COR1M CORR HIGH · RTY AM,RTY LF,ES LF CROWDED SHORT · NQ AM CROWDED LONG"),
        ("2025-02-24", "RTY/ES z -0.56 · VIX prem +5.14 pts · % > 50d 54.4% · 2s10s +8 bp bull flattener · regime Flight to quality · ⚑ RTY/2y MI spike · NQ LF CROWDED SHORT"),
    ])
    func demoLineOnAFlagDate(date: String, expected: String) throws {
        let r = try Self.line(["--data", Self.demo, "--at", date])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        #expect(r.stdout == expected + "\n")
    }

    @Test func demoLineInTmuxStyles() throws {
        let r = try Self.line(["--data", Self.demo, "--at", "2024-07-17", "--format", "tmux"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "#[dim]RTY/ES z #[default]#[fg=green]+4.66#[default]#[dim] · VIX prem #[default]"
            + "#[fg=green]+14.16 pts#[default]#[dim] · % > 50d #[default]71.5%#[dim] · 2s10s #[default]#[fg=red]-36 bp#[default]"
            + " bull steepener#[dim] · regime #[default]#[bold]Goldilocks#[default]#[dim] · #[default]"
            + "#[fg=red,bold,reverse]⚑ RTY/ES EXTREME leading#[default]#[dim] · #[default]#[fg=red,bold,reverse]RTY SQUEEZE RISK#[default]"
            + "#[dim] · #[default]#[fg=yellow,bold]COR1M CORR HIGH#[default]"
            + "#[dim] · #[default]#[fg=yellow,bold]RTY AM,RTY LF,ES LF CROWDED SHORT#[default]"
            + "#[dim] · #[default]#[fg=yellow,bold]NQ AM CROWDED LONG#[default]\n")
    }

    /// Before the data begins nothing is known: every number is the absent marker, no alert.
    @Test func beforeTheDataEveryNumberIsAbsent() throws {
        let r = try Self.line(["--data", Self.demo, "--at", "2000-01-03"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "RTY/ES z – · VIX prem – · % > 50d – · 2s10s –\n")
    }

    @Test func missingDataFolderExitsTwoNamingIt() throws {
        let r = try Self.line(["--data", "/nonexistent/rotor-data"])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "rotor: no such folder: /nonexistent/rotor-data\n")
    }

    @Test func configErrorExitsTwoNamingTheFileAndLine() throws {
        let folder = try LiveCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = folder + "/bad.toml"
        try "[roles]\nsmall = \"RTY\"\nlarge = 5\n".write(toFile: config, atomically: true, encoding: .utf8)
        let r = try Self.line(["--config", config, "--data", Self.demo])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("rotor: \(config):3: "), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    @Test func badDateExitsTwo() throws {
        let r = try Self.line(["--data", Self.demo, "--at", "2025-13-01"])
        #expect(r.status == 2)
        #expect(r.stderr == "rotor: --at: cannot read '2025-13-01' as a date (expected YYYY-MM-DD)\n")
    }

    /// The line's model (only the expressions it reads) gives the same line as the
    /// dashboard's whole model, and steps the same sessions, on every 10th date of the demo.
    @Test func linesModelAgreesWithTheDashboardsModel() throws {
        let input = try LineInput.load(try DataOptions.parse(["--data", Self.demo]), live: false)
        let reading = input.reading
        let small = reading.model(input.market, thresholds: input.config.thresholds)
        let full = DashboardModel(data: input.market, panes: input.config.paneSpecs, roles: input.config.roles,
                                  thresholds: input.config.thresholds, watching: reading.expressions)
        #expect(small.dates == full.dates)
        for day in stride(from: 0, to: full.dates.count, by: 10).map({ full.dates[$0] }) {
            #expect(reading.text(small, at: day) == reading.text(full, at: day), "\(day.iso)")
        }
    }

    /// A server on loopback that answers every request with a 503 and counts them.
    static func countingServer() throws -> LocalHTTPServer {
        try LocalHTTPServer { _ in LocalHTTPServer.Reply(status: 503, text: "rotor line must not ask") }
    }

    static func environment(_ server: LocalHTTPServer, cache folder: String) -> [String: String] {
        ["ROTOR_YAHOO_BASE_URL": server.baseURL, "ROTOR_FRED_BASE_URL": server.baseURL,
         "ROTOR_CBOE_BASE_URL": server.baseURL, "XDG_CACHE_HOME": folder, "XDG_STATE_HOME": folder, "XDG_CONFIG_HOME": folder]
    }

    @Test func liveWithNoCacheFetchesNothingAndMakesNoFile() throws {
        let folder = try LiveCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = try LiveCommandTests.smallLiveConfig(in: folder)
        let server = try Self.countingServer()
        defer { server.stop() }
        let r = try Self.line(["--live", "--config", config, "--format", "tmux"], environment: Self.environment(server, cache: folder))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "#[dim]RTY/ES z #[default]–#[dim] · VIX prem #[default]–#[dim] · % > 50d #[default]–"
            + "#[dim] · 2s10s #[default]–#[default]\n")
        #expect(r.stderr == "rotor: warning: no feed cache at \(folder)/rotor/feeds.sqlite yet: run rotor --live to fill it\n")
        #expect(server.requests.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder + "/rotor/feeds.sqlite"))
    }

    /// A cache filled with the demo's bars (as `rotor bench --line --live` fills it):
    /// the line has the demo's numbers for the symbols, and the server hears nothing.
    @Test func liveWithACacheReadsItAndFetchesNothing() throws {
        let folder = try LiveCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = try LiveCommandTests.smallLiveConfig(in: folder)
        let server = try Self.countingServer()
        defer { server.stop() }
        let environment = Self.environment(server, cache: folder)
        let (parsed, path) = try DataOptions.parse(["--config", config]).loadConfig()
        let (feeds, _) = try LineBench.fillCache(parsed, configPath: path, environment: environment)
        #expect(feeds == 26)
        let live = try Self.line(["--live", "--config", config], environment: environment)
        #expect(live.status == 0, "\(live.stderr)")
        #expect(live.stderr.isEmpty)
        #expect(server.requests.isEmpty)
        let demo = try Self.line(["--data", Self.demo])
        // The symbols' numbers are the demo's; breadth is of the 3 members cached.
        let fields = { (s: String) in s.split(separator: "·").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } }
        let (l, d) = (fields(live.stdout), fields(demo.stdout))
        #expect(l.count >= 4 && d.count >= 4)
        #expect(l[0] == d[0] && l[1] == d[1] && l[3] == d[3])
        #expect(l[0] == "RTY/ES z +0.14" && l[3] == "2s10s +48 bp bull steepener")
        #expect(l[2].hasPrefix("% > 50d ") && l[2] != "% > 50d –")
    }
}

/// The line opens the cache to read only: a damaged file is said, left as it is
/// (the dashboard, which owns the file, moves it aside), and never a crash.
@Suite struct LineCommandDamagedCacheTests {
    @Test func damagedCacheIsSaidAndLeftAsItIs() throws {
        let folder = try LiveCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = try LiveCommandTests.smallLiveConfig(in: folder)
        let server = try LineCommandTests.countingServer()
        defer { server.stop() }
        try FileManager.default.createDirectory(atPath: folder + "/rotor", withIntermediateDirectories: true)
        let cache = folder + "/rotor/feeds.sqlite"
        try "not a database\n".write(toFile: cache, atomically: true, encoding: .utf8)
        let r = try LineCommandTests.line(["--live", "--config", config], environment: LineCommandTests.environment(server, cache: folder))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "RTY/ES z – · VIX prem – · % > 50d – · 2s10s –\n")
        #expect(r.stderr == "rotor: warning: cannot read the feed cache: \(cache): not a feed cache; run rotor --live to repair it\n")
        #expect(try String(contentsOfFile: cache, encoding: .utf8) == "not a database\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/rotor") == ["feeds.sqlite"])
        #expect(server.requests.isEmpty)
    }
}
