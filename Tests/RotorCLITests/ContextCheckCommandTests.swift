import Foundation
import Testing

/// `[events]` and `[[levels]]` as a user meets them: `rotor check` counts the
/// events and levels, warns of a level no chart plots; a bad events file makes
/// check, the dashboard's snapshot and export exit 2 naming its file and line.
@Suite struct ContextCheckCommandTests {
    let demo = RotorProcess.repositoryRoot.appendingPathComponent("Samples/demo").path

    /// A config (after `[data] folder = demo`) and files beside it in a fresh folder.
    func folder(_ config: String, files: [String: String] = [:]) throws -> (file: String, folder: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rotor-context-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let file = folder + "/config.toml"
        try ("[data]\nfolder = \"\(demo)\"\n" + config).write(toFile: file, atomically: true, encoding: .utf8)
        for (name, text) in files { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        return (file, folder)
    }

    @Test func checkCountsEventsAndLevelsAndWarnsOfALevelNoChartPlots() throws {
        let (file, dir) = try folder("""
            [events]
            files = ["mine.csv", "\(RotorProcess.repositoryRoot.appendingPathComponent("Samples/events.csv").path)"]

            [[levels]]
            expr = "ratio(RTY, ES)"
            value = 0.397
            label = "FOMC Jul 31"

            [[levels]]
            expr = "ZN"
            value = 114
            """, files: ["mine.csv": "date,kind,label\n2024-07-25,EARNINGS,NVDA\n2024-07-31,FOMC,mine\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try RotorProcess.run(["check", "--config", file])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let bundled = try String(contentsOfFile: RotorProcess.repositoryRoot.appendingPathComponent("Samples/events.csv").path,
                                 encoding: .utf8).split(separator: "\n").count - 1
        // The bundled FOMC of 2024-07-31 repeats mine: it is counted once.
        #expect(r.stdout.contains("\nevents: ok (2 files, \(bundled + 1) events: FOMC CPI EARNINGS)\n"), "\(r.stdout)")
        #expect(r.stdout.contains("\nlevels: ok (2 levels)\n"))
        #expect(r.stdout.contains("\nlevels: warning: \(file):11: no chart plots 'ZN', so the level 114 shows nowhere"))
        #expect(!r.stdout.contains("FOMC Jul 31 shows nowhere"))
    }

    @Test func theBundledConfigsCheckTheirEvents() throws {
        let bundled = try String(contentsOfFile: RotorProcess.repositoryRoot.appendingPathComponent("Samples/events.csv").path,
                                 encoding: .utf8).split(separator: "\n").count - 1
        for sample in ["demo.toml", "panes.toml"] {
            let r = try RotorProcess.run(["check", "--config", RotorProcess.repositoryRoot.appendingPathComponent("Samples/" + sample).path])
            #expect(r.status == 0 && r.stdout.contains("\nevents: ok (1 file, \(bundled) events: FOMC CPI)\n"), "\(sample): \(r.stdout)")
        }
        // With no config at all the bundled demo is the config, events and all.
        let none = try RotorProcess.run(["snapshot", "--width", "200", "--height", "60", "--at", "2024-07-31"],
                                        environment: ["XDG_CONFIG_HOME": "/nonexistent"])
        #expect(none.status == 0 && none.stdout.contains("2024-07-31  FOMC rate decision") && none.stdout.contains("◆ FOMC"), "\(none.stderr)")
    }

    @Test func aBadEventsFileExitsTwoNamingItsFileAndLine() throws {
        let (file, dir) = try folder("[events]\nfiles = [\"bad.csv\"]\n",
                                     files: ["bad.csv": "date,kind,label\n2024-07-31,FOMC,ok\n2024-13-01,CPI,\u{1B}[2J\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let message = "\(dir)/bad.csv:3: cannot read '2024-13-01' as a date (YYYY-MM-DD)"
        let check = try RotorProcess.run(["check", "--config", file])
        #expect(check.status == 2 && check.stdout.contains("\nevents: \(message)\n"), "\(check.stdout)")
        for command in [["snapshot"], ["export", "ES"]] {
            let r = try RotorProcess.run(command + ["--config", file])
            #expect(r.status == 2 && r.stderr == "rotor: \(message)\n" && r.stdout.isEmpty, "\(command): \(r.stderr)")
        }
        let (missing, dir2) = try folder("[events]\nfiles = [\"none.csv\"]\n")
        defer { try? FileManager.default.removeItem(atPath: dir2) }
        let r = try RotorProcess.run(["snapshot", "--config", missing])
        #expect(r.status == 2 && r.stderr.hasPrefix("rotor: \(dir2)/none.csv: "), "\(r.stderr)")
    }
}
