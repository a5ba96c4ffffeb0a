import ArgumentParser
import Foundation
import RotorConfig
import RotorCore
import RotorData
import RotorUI

/// `--data DIR` and `--config FILE`, shared by every command that reads market
/// data. The config is `--config`, else `$XDG_CONFIG_HOME/rotor/config.toml` when it
/// exists, else the bundled demo's (`Samples/demo.toml`); the data folder is `--data`,
/// else the config's `[data] folder` (relative to the config file), else the demo.
struct DataOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Folder of CSV files (default: the config's, else the bundled demo).", valueName: "dir"))
    var data: String?

    @Option(help: ArgumentHelp("Config file (default: $XDG_CONFIG_HOME/rotor/config.toml, else Samples/demo.toml).",
                               valueName: "file"))
    var config: String?

    /// These options with `--live`: the bundled live config unless --config names one.
    func withLive(_ live: Bool) throws -> DataOptions {
        guard live, config == nil else { return self }
        guard let path = BundledSamples.folder.map({ $0 + "/live.toml" }), FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure.usage("--live: the bundled Samples/live.toml was not found")
        }
        var copy = self
        copy.config = path
        return copy
    }

    /// Live when the config has feeds, unless --data names a folder to replay; the
    /// same rule for the dashboard, snapshot and export.
    func isLive(_ config: RotorConfig) -> Bool { data == nil && !config.feeds.isEmpty }

    /// `--live` with a config that has no feeds is a mistake, not a replay.
    static func requireFeeds(_ live: Bool, _ config: RotorConfig, _ path: String?) throws {
        if live, config.feeds.isEmpty {
            throw CommandFailure.usage("--live: \(path ?? "the config") has no [[feeds]]")
        }
    }

    /// The config file in force, if any.
    func configPath() -> String? {
        if let config { return config }
        let user = ThemeCatalog.configFolder() + "/config.toml"
        if FileManager.default.fileExists(atPath: user) { return user }
        return BundledSamples.folder.map { $0 + "/demo.toml" }.flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil }
    }

    /// The config, strictly read; a fault is a usage error naming file and line.
    func loadConfig() throws -> (config: RotorConfig, path: String?) {
        guard let path = configPath() else { return (RotorConfig(), nil) }
        let bytes = try UserFile.read(path, what: "the config file", limit: TOMLParser.maxBytes)
        do {
            return (try RotorConfig.parse(String(decoding: bytes, as: UTF8.self), file: path), path)
        } catch {
            throw CommandFailure.usage("\(error)")
        }
    }

    /// The folder to read (see the type's doc).
    func folder(config: RotorConfig, path: String?) throws -> String {
        if let data { return data }
        if let relative = config.dataFolder {
            if relative.hasPrefix("/") { return relative }
            let base = path.map { ($0 as NSString).deletingLastPathComponent } ?? "."
            return base.isEmpty ? relative : base + "/" + relative
        }
        guard let demo = BundledSamples.demoData else {
            throw CommandFailure.usage("no --data folder given and the bundled demo (Samples/demo) was not found")
        }
        return demo
    }

    /// Config, folder and data; files skipped for their names are reported on stderr
    /// (before any screen is up), and a data fault is a usage error naming file and line.
    func load() throws -> LoadedData {
        let (config, path) = try loadConfig()
        let folder = try folder(config: config, path: path)
        do {
            let report = try DataFolder.loadReport(folder, options: ImportOptions(preferAdjustedClose: config.adjustedClose))
            for warning in report.warnings { writeError("rotor: warning: \(warning)") }
            return LoadedData(config: config, configPath: path, folder: folder, market: report.data,
                              events: try config.loadEvents(configPath: path))
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure.usage("\(error)")
        }
    }
}

/// What a command works on once its options are read.
struct LoadedData {
    let config: RotorConfig
    let configPath: String?
    let folder: String
    let market: MarketData
    /// The config's `[events]`.
    var events = EventCalendar()

    func model() -> DashboardModel {
        var model = DashboardModel(data: market, panes: config.paneSpecs, roles: config.roles, thresholds: config.thresholds,
                                   watching: AlertBook.expressions(config.alerts))
        model.events = events
        return model
    }
}

/// `--theme NAME`, for the commands that draw.
struct ThemeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Theme: a file name in Themes/ or $XDG_CONFIG_HOME/rotor/themes/ (default: the config's, else default).",
                               valueName: "name"))
    var theme: String?

    /// Every theme and the one to start with; theme file warnings go to stderr.
    func load(_ loaded: LoadedData) throws -> (catalog: ThemeCatalog, current: Int) {
        try load(config: loaded.config, configPath: loaded.configPath)
    }

    func load(config: RotorConfig, configPath: String?) throws -> (catalog: ThemeCatalog, current: Int) {
        let catalog = ThemeCatalog(folders: [BundledSamples.themes, ThemeCatalog.userFolder()].compactMap { $0 })
        for warning in catalog.warnings { writeError("rotor: warning: \(warning)") }
        for error in catalog.errors { writeError("rotor: warning: \(error) (theme left out)") }
        let name = theme ?? config.theme ?? "default"
        do {
            return (catalog, catalog.index(of: try catalog.theme(named: name).name))
        } catch {
            if theme == nil, let fault = Self.configThemeFault(config: config, configPath: configPath, catalog: catalog) {
                throw CommandFailure.usage(fault)
            }
            throw CommandFailure.usage("\(error)")
        }
    }

    /// What is wrong with the config's `display.theme`, at its file and line, or nil
    /// when it names a theme there is (or names none).
    static func configThemeFault(config: RotorConfig, configPath: String?, catalog: ThemeCatalog) -> String? {
        guard let name = config.theme else { return nil }
        do {
            _ = try catalog.theme(named: name)
            return nil
        } catch {
            // A name from the config file is reported at its line there.
            guard error.file == "--theme", let path = configPath else { return "\(error)" }
            return "\(ConfigError(file: path, line: config.themeLine, message: "display.theme: " + error.message))"
        }
    }
}

/// Reads a date option (`--at`, `--from`, `--to`) or fails naming it.
func parseDay(_ text: String, option: String) throws -> Day {
    guard let day = Day(parsing: text) else {
        throw CommandFailure.usage("\(option): cannot read '\(text)' as a date (expected YYYY-MM-DD)")
    }
    return day
}
