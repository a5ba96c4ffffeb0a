import Foundation
import RotorUI
import Testing
@testable import RotorConfig

@Suite struct ThemeTests {
    static let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Themes").path

    @Test func everyBundledThemeParsesCleanly() {
        let catalog = ThemeCatalog(folders: [Self.themes])
        #expect(catalog.names == ["default", "high-contrast", "light", "monochrome", "solarized"])
        #expect(catalog.errors.isEmpty && catalog.warnings.isEmpty, "\(catalog.errors) \(catalog.warnings)")
    }

    /// Themes/default.toml is the built-in palette, so a missing role means the same
    /// thing whether it falls back to the file or to the code.
    @Test func defaultFileIsTheStandardPalette() throws {
        let catalog = ThemeCatalog(folders: [Self.themes])
        #expect(try catalog.theme(named: "default").palette == Palette.standard)
    }

    /// Every theme renders a real screen, in colour at every depth except none, and
    /// with NO_COLOR only bold, dim, reverse and underline remain.
    @Test func everyThemeRendersAtEveryDepth() throws {
        var canvas = Canvas(width: 30, height: 3)
        canvas.render(Box(title: "1 RTY/ES", note: "1Y", isFocused: true), area: canvas.area)
        _ = canvas.write("EXTREME", x: 1, y: 1, style: .role(.alert))
        _ = canvas.write("+2.3%", x: 10, y: 1, style: .role(.up))
        for theme in ThemeCatalog(folders: [Self.themes]).themes {
            for depth in ColorDepth.allCases {
                let text = canvas.ansiLines(depth: depth, palette: theme.palette).joined(separator: "\n")
                #expect(text.contains("EXTREME") && text.contains("1 RTY/ES"))
                let hasColour = text.contains(";3") || text.contains(";4") || text.contains(";9")
                if depth == .none || theme.name == "monochrome" {
                    #expect(!text.contains("38;") && !text.contains("48;") && !hasColourCode(text), "\(theme.name) \(depth)")
                } else {
                    #expect(hasColour, "\(theme.name) at \(depth) has no colour")
                }
                #expect(text.contains("\u{1B}[0;1") || text.contains(";1;") || text.contains(";1m"), "\(theme.name): bold kept")
            }
        }
    }

    /// SGR colour codes 30-37, 40-47, 90-97 inside an escape sequence.
    private func hasColourCode(_ text: String) -> Bool {
        text.split(separator: "\u{1B}").contains { sequence in
            guard let end = sequence.firstIndex(of: "m"), sequence.hasPrefix("[") else { return false }
            return sequence[sequence.index(after: sequence.startIndex)..<end].split(separator: ";").contains { code in
                guard let n = Int(code) else { return false }
                return (30...37).contains(n) || (40...47).contains(n) || (90...97).contains(n) || n == 38 || n == 48
            }
        }
    }

    @Test func solarizedDegradesStepByStep() throws {
        let solarized = try ThemeCatalog(folders: [Self.themes]).theme(named: "solarized").palette
        let border = solarized.resolve(.role(.focusBorder))
        #expect(border.foreground == .rgb(0x26, 0x8B, 0xD2) && border.attributes.contains(.bold))
        #expect(border.background == .rgb(0x00, 0x2B, 0x36)) // the theme's background
        #expect(border.foreground.approximated(for: .trueColor) == .rgb(0x26, 0x8B, 0xD2))
        #expect(border.foreground.approximated(for: .indexed256) == .indexed(32))
        // Nearest of the eight by RGB distance: (38,139,210) is closer to cyan than to blue.
        #expect(border.foreground.approximated(for: .basic8) == .cyan)
        #expect(border.foreground.approximated(for: .none) == .default)
    }

    @Test func colourForms() {
        #expect(Theme.parseColor("#FF8000") == .rgb(255, 128, 0))
        #expect(Theme.parseColor("208") == .indexed(208))
        #expect(Theme.parseColor("Red") == .red)
        #expect(Theme.parseColor("bright_red") == .indexed(9))
        #expect(Theme.parseColor("default") == .default)
        #expect(Theme.parseColor("#12345") == nil && Theme.parseColor("256") == nil && Theme.parseColor("reddish") == nil)
    }

    @Test func missingRolesFallBackAndUnknownKeysWarn() throws {
        let (theme, warnings) = try Theme.parse("""
        [roles]
        up = "#00ff00"
        sparkle = "red"
        [extras]
        """, name: "mine", file: "mine.toml")
        #expect(theme.palette[.up] == Style(foreground: .rgb(0, 255, 0)))
        #expect(theme.palette[.down] == Palette.standard[.down])
        #expect(warnings.map(\.description) == ["mine.toml:3: unknown key sparkle in [roles]",
                                                "mine.toml:4: unknown key extras"])
    }

    @Test func badColoursAndTypesNameFileAndLine() {
        func failure(_ text: String) -> String? {
            do { _ = try Theme.parse(text, name: "t", file: "t.toml"); return nil } catch { return error.description }
        }
        #expect(failure("[palette]\nsea = \"#0000ff\"\n[roles]\nborder = \"saa\"\n")
            == "t.toml:4: roles.border: cannot read 'saa' as a colour: use #RRGGBB, 0-255, a colour name or a [palette] name (did you mean sea?)")
        #expect(failure("[roles]\nwarn = { fg = \"yellow\", blink = true }\n")
            == "t.toml:2: unknown key blink in [roles.warn]")
        #expect(failure("[roles]\nwarn = 3\n") == "t.toml:2: roles.warn: expected a colour or a table, got an integer")
        #expect(failure("[roles\n") == "t.toml:1: expected ], found a line end")
    }

    /// A user's folder adds themes and overrides bundled ones; a broken file is an
    /// error for that theme alone.
    @Test func userThemesJoinTheCatalogue() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rotor-themes-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "[roles]\nup = \"blue\"\n".write(toFile: folder + "/light.toml", atomically: true, encoding: .utf8)
        try "[roles]\nup = \"magenta\"\n".write(toFile: folder + "/mine.toml", atomically: true, encoding: .utf8)
        try "[roles\n".write(toFile: folder + "/broken.toml", atomically: true, encoding: .utf8)
        let catalog = ThemeCatalog(folders: [Self.themes, folder])
        #expect(catalog.names == ["default", "high-contrast", "light", "mine", "monochrome", "solarized"])
        #expect(try catalog.theme(named: "light").palette[.up] == Style(foreground: .blue))
        #expect(catalog.errors.map(\.description) == [folder + "/broken.toml:1: expected ], found a line end"])
        #expect(throws: ConfigError.self) { try catalog.theme(named: "broken") }
        #expect(ThemeCatalog.userFolder(environment: ["XDG_CONFIG_HOME": "/x"]) == "/x/rotor/themes")
        #expect(ThemeCatalog.userFolder(environment: ["HOME": "/home/u"]) == "/home/u/.config/rotor/themes")
    }
}
