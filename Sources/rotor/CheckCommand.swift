import ArgumentParser
import Foundation
import RotorConfig
import RotorCore
import RotorData
import RotorUI

/// `rotor check`: validate the config, its data folder and every theme, one line
/// each, and exit 2 when any of them is at fault.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the config, its data and the themes; exit 2 if anything is wrong."
    )

    @OptionGroup var source: DataOptions

    func run() throws {
        var failed = false
        func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

        let config: RotorConfig, path: String?
        do {
            (config, path) = try source.loadConfig()
            say("config \(path ?? "(none: built-in defaults)"): ok")
        } catch let failure as CommandFailure {
            say("config: \(failure.message)")
            throw ExitCode(2)
        }

        do {
            let folder = try source.folder(config: config, path: path)
            let report = try DataFolder.loadReport(folder, options: ImportOptions(preferAdjustedClose: config.adjustedClose))
            let universes = report.data.universes.keys.sorted().map { "@" + $0 }
            say("data \(folder): ok (\(report.data.symbols.count) symbols"
                + (universes.isEmpty ? "" : ", " + universes.joined(separator: " ")) + ")")
            for warning in report.warnings { say("data: warning: \(warning)") }
            let missing = needed(config.roles).filter { name in
                name.hasPrefix("@") ? report.data.universes[String(name.dropFirst())] == nil : report.data.symbols[name] == nil
            }
            if !missing.isEmpty {
                say("roles: warning: no data for \(missing.joined(separator: ", ")); the panes that need them will say so")
            }
        } catch let failure as CommandFailure {
            say("data: \(failure.message)")
            failed = true
        } catch {
            say("data: \(error)")
            failed = true
        }

        for feed in config.feeds {
            say("feed \(feed.symbol) (\(feed.provider.rawValue) \(feed.ticker)): valid; not fetched (this build replays CSV data only)")
        }

        let catalog = ThemeCatalog(folders: [BundledSamples.themes, ThemeCatalog.userFolder()].compactMap { $0 })
        for theme in catalog.themes { say("theme \(theme.name): ok") }
        for warning in catalog.warnings { say("theme: warning: \(warning)") }
        for error in catalog.errors {
            say("theme: \(error)")
            failed = true
        }
        if let name = config.theme, !catalog.names.contains(name) {
            say("config: theme '\(name)' not found; themes: \(catalog.names.joined(separator: ", "))")
            failed = true
        }
        if failed { throw ExitCode(2) }
    }

    /// Every symbol and universe the panes read for these roles.
    private func needed(_ r: Roles) -> [String] {
        var out = [r.small, r.large, r.tech, r.index, r.twoYear, r.tenYear] + r.mag7 + ["@" + r.universe]
        for pair in r.volPairs { out += [pair.implied, pair.underlying] }
        var seen = Set<String>()
        return out.filter { seen.insert($0).inserted }
    }
}
