import Foundation
import Testing

/// `--config`, `--theme` and `rotor check` as a user meets them: errors that name
/// the file and line, exit status 2, and settings that reach the screen.
@Suite struct ConfigCommandTests {
    let demo = RotorProcess.repositoryRoot.appendingPathComponent("Samples/demo").path

    /// A config file in a fresh folder; the caller removes the folder.
    func config(_ text: String) throws -> (file: String, folder: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rotor-config-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let file = folder + "/config.toml"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return (file, folder)
    }

    @Test(arguments: [
        ("[roles]\nsmal = \"RTY\"\n", ":2: unknown key smal in [roles] (did you mean small?)"),
        ("[replay]\nspeed = \"fast\"\n", ":2: replay.speed: expected a number, got a string"),
        ("[display\n", ":1: expected ], found a line end"),
        ("[display]\ntheme = \"nope\"\n", ":2: display.theme: unknown theme 'nope'; themes: default, high-contrast, light, monochrome, solarized"),
    ])
    func badConfigExitsTwoNamingFileAndLine(text: String, message: String) throws {
        let (file, folder) = try config(text)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for command in [["snapshot"], ["export", "ES"]] where !(command[0] == "export" && text.contains("theme")) {
            let r = try RotorProcess.run(command + ["--config", file, "--data", demo])
            #expect(r.status == 2)
            #expect(r.stderr == "rotor: \(file)\(message)\n")
        }
    }

    @Test func unknownThemeSuggestsTheNearest() throws {
        let r = try RotorProcess.run(["snapshot", "--theme", "solarised"])
        #expect(r.status == 2)
        #expect(r.stderr == "rotor: --theme: unknown theme 'solarised' (did you mean solarized?); themes: default, high-contrast, light, monochrome, solarized\n")
    }

    @Test func checkValidatesConfigDataAndThemes() throws {
        // (Samples/live.toml, whose feeds are fetched, is checked in LiveCommandTests.)
        let good = try RotorProcess.run(["check", "--config", RotorProcess.repositoryRoot.appendingPathComponent("Samples/rotor.example.toml").path])
        #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
        #expect(good.stdout.contains(": ok (32 symbols, @universe)"))
        for theme in ["default", "high-contrast", "light", "monochrome", "solarized"] {
            #expect(good.stdout.contains("theme \(theme): ok\n"))
        }
        let (file, folder) = try config("[data]\nfolder = \"missing\"\n[display]\ntheme = \"nope\"\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bad = try RotorProcess.run(["check", "--config", file])
        #expect(bad.status == 2)
        #expect(bad.stdout.contains("data: no such folder: \(folder)/missing"))
        // The unknown theme at its file and line, and the config never called ok.
        #expect(bad.stdout.hasPrefix("config: \(file):4: display.theme: unknown theme 'nope'; themes: default, high-contrast, light, monochrome, solarized\n"))
        #expect(!bad.stdout.contains("config \(file): ok"))
        let broken = try RotorProcess.run(["check", "--config", file + ".absent"])
        #expect(broken.status == 2 && broken.stdout == "config: \(file).absent: cannot read the config file: No such file or directory\n")
    }

    /// The config's thresholds reach the flags: on 2026-06-30 the 10d spread's z is
    /// +1.13, an EXTREME at rotation_z = 1 and not at the default 2.
    @Test func thresholdsFromTheConfigMoveTheFlags() throws {
        let (file, folder) = try config("[data]\nfolder = \"\(demo)\"\n[thresholds]\nrotation_z = 1\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let moved = try RotorProcess.run(["snapshot", "--config", file, "--at", "2026-06-30", "--width", "120", "--height", "40"])
        #expect(moved.status == 0 && moved.stdout.contains("EXTREME small caps leading"))
        let standard = try RotorProcess.run(["snapshot", "--at", "2026-06-30", "--width", "120", "--height", "40"])
        #expect(standard.status == 0 && !standard.stdout.contains("EXTREME"))
    }

    @Test func lookbackAndRolesFromTheConfig() throws {
        let (file, folder) = try config("""
        [data]
        folder = "\(demo)"
        [roles]
        large = "SPX"
        [display]
        lookback = "3M"
        """)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let r = try RotorProcess.run(["snapshot", "--config", file, "--at", "2026-06-30", "--width", "120", "--height", "40"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("1 RTY/ES") && r.stdout.contains("3M 2026-06-30") && r.stdout.contains("━ RTY/SPX"))
    }

    /// `snapshot --ansi` draws with the theme's colours, degraded to the environment's
    /// depth; NO_COLOR leaves only attributes.
    @Test func ansiSnapshotsFollowThemeAndDepth() throws {
        let args = ["snapshot", "--ansi", "--theme", "solarized", "--width", "80", "--height", "24"]
        // The test runner may itself run with NO_COLOR set: take it out for this one.
        let truecolor = try RotorProcess.run(args, environment: ["COLORTERM": "truecolor"], unset: ["NO_COLOR"])
        #expect(truecolor.status == 0 && truecolor.stdout.contains("38;2;38;139;210") && truecolor.stdout.contains("48;2;0;43;54"), "\(truecolor.stderr) \(truecolor.stdout.prefix(80))")
        let plain = try RotorProcess.run(args, environment: ["NO_COLOR": "1"])
        #expect(plain.status == 0 && plain.stdout.contains("\u{1B}[0;1m"))
        #expect(!plain.stdout.contains("38;") && !plain.stdout.contains("48;") && !plain.stdout.contains(";3"))
    }
}
