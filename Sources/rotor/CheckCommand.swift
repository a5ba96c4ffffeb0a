import ArgumentParser
import Foundation
import RotorConfig
import RotorCore
import RotorData
import RotorUI

/// `rotor check`: validate the config, its data folder and every theme, one line
/// each, and exit 2 when any of them is at fault.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the config, its data and the themes; exit 2 if anything is wrong."
    )

    @OptionGroup var source: DataOptions

    @Flag(help: "Check the bundled live config (Samples/live.toml) unless --config names one.")
    var live = false

    func run() async throws {
        let source = try self.source.withLive(live)
        var failed = false
        func say(_ line: String) { writeOutput(line.escapingControlCharacters + "\n") }

        let config: RotorConfig, path: String?
        do {
            (config, path) = try source.loadConfig()
            // The network policy parses the URL (a port out of range, a user name):
            // a config that would be refused at the first fetch is not ok.
            for feed in config.feeds {
                if let url = feed.baseURL, let refused = NetworkPolicy.refusal(for: url) {
                    say("config: \(path ?? "config"):\(feed.line): base_url: \(refused)")
                    throw ExitCode(2)
                }
            }
        } catch let failure as CommandFailure {
            say("config: \(failure.message)")
            throw ExitCode(2)
        }
        // The theme is part of the config: "ok" only once it is known to exist.
        let catalog = ThemeCatalog(folders: [BundledSamples.themes, ThemeCatalog.userFolder()].compactMap { $0 })
        if let fault = ThemeOptions.configThemeFault(config: config, configPath: path, catalog: catalog) {
            say("config: \(fault)")
            failed = true
        } else {
            say("config \(path ?? "(none: built-in defaults)"): ok")
            say(alertsSummary(config))
            for warning in commandWarnings(config.alerts, path: path) { say(warning) }
            if !config.episodes.isEmpty { say("episodes: ok (\(config.episodes.count) declared)") }
        }
        let eventsFailed = checkContext(config, path: path, say: say)
        failed = eventsFailed || failed

        if config.feeds.isEmpty || config.dataFolder != nil || source.data != nil {
            failed = checkData(config: config, path: path, source: source, say: say) || failed
        } else {
            for warning in unfedAlerts(config, path: path) { say(warning) }
        }
        var feedFailed = false
        // (A live session reads the events files: with one at fault it cannot start.)
        if !config.feeds.isEmpty, !eventsFailed {
            feedFailed = try await checkFeeds(config: config, path: path, say: say)
        }

        for theme in catalog.themes { say("theme \(theme.name): ok") }
        for warning in catalog.warnings { say("theme: warning: \(warning)") }
        for error in catalog.errors {
            say("theme: \(error)")
            failed = true
        }
        if failed { throw ExitCode(2) }
        if feedFailed { throw ExitCode(1) }
    }

    /// Loads the data folder; true when it failed.
    private func checkData(config: RotorConfig, path: String?, source: DataOptions, say: (String) -> Void) -> Bool {
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
            for pane in config.panes {
                let names = pane.spec.expressions.reduce(into: Set<String>()) { $0.formUnion((try? Parser.parse($1).names) ?? []) }
                let absent = names.sorted().filter { name in
                    name.hasPrefix("@") ? report.data.universe(String(name.dropFirst())) == nil : report.data.series(name) == nil
                }
                if !absent.isEmpty {
                    say("panes: warning: \(path ?? "config"):\(pane.line): pane \(pane.name) reads \(absent.joined(separator: ", ")), which the data does not have; the pane will say so")
                }
            }
            for rule in config.alerts where rule.enabled {
                let names = rule.expressions.reduce(into: Set<String>()) { $0.formUnion((try? Parser.parse($1).names) ?? []) }
                let absent = names.sorted().filter { name in
                    name.hasPrefix("@") ? report.data.universe(String(name.dropFirst())) == nil : report.data.series(name) == nil
                }
                if !absent.isEmpty {
                    say("alerts: warning: \(path ?? "config"):\(rule.line): alert \(rule.name) reads \(absent.joined(separator: ", ")), which the data does not have; it cannot fire")
                }
            }
            if !config.episodes.isEmpty {
                // An episode the data does not cover cannot be replayed on it (--episode
                // says so and exits 2), but the config is not wrong: other data may cover it.
                let sessions = Set(report.data.symbols.values.flatMap(\.dates)).sorted()
                for episode in config.episodes {
                    do {
                        for warning in try EpisodeList.coverage(episode, dates: sessions, path: path) { say("episodes: warning: \(warning)") }
                    } catch let failure as CommandFailure {
                        say("episodes: warning: \(failure.message)")
                    }
                }
            }
        } catch let failure as CommandFailure {
            say("data: \(failure.message)")
            return true
        } catch {
            say("data: \(error)")
            return true
        }
        return false
    }

    /// Fetches every feed once (a universe: its first member); true when any failed.
    private func checkFeeds(config: RotorConfig, path: String?, say: (String) -> Void) async throws -> Bool {
        let session = try LiveSession(config: config, configPath: path, log: { _ in })
        var tried = Set<String>()
        let failures = await session.fetchOnce(refetchingCachedMembers: true, where: { feed in
            guard let u = feed.universe else { return true }
            return tried.insert(u).inserted
        })
        // (One member per universe: no progress line is needed.)
        var failed = false
        var reported = Set<String>()
        for feed in session.feeds {
            // A feed of several series is named by all of them: `RTY_AM RTY_LF RTY_OI ok`.
            let name = feed.names.joined(separator: " ")
            guard reported.insert(name).inserted else { continue }
            if let (_, error) = failures.first(where: { $0.0.names == feed.names }) {
                say("\(name) \(error)")
                failed = true
            } else {
                say("\(name) ok")
            }
        }
        return failed
    }

    /// The `[[alerts]]` the config declares, by kind, and the built-ins they join:
    /// `alerts: ok (2 declared: 1 new, 1 override; 1 disabled; 8 built-in)`.
    private func alertsSummary(_ config: RotorConfig) -> String {
        let rules = config.alerts
        let builtin = AlertBook.builtinNames(config.paneSpecs).count
        guard !rules.isEmpty else { return "alerts: ok (none declared; \(builtin) built-in)" }
        let new = rules.filter { $0.when != nil }.count
        let disabled = rules.filter { !$0.enabled }.count
        let kinds = [(new, "new"), (rules.count - new, rules.count - new == 1 ? "override" : "overrides")]
            .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        return "alerts: ok (\(rules.count) declared: \(kinds)" + (disabled > 0 ? "; \(disabled) disabled" : "") + "; \(builtin) built-in)"
    }

    /// A `run` command that is not on PATH (or, given as an absolute path, not an
    /// executable file) would fail at every firing: a warning, not an error, since
    /// the dashboard may run with another PATH than `rotor check`.
    private func commandWarnings(_ rules: [AlertRule], path: String?) -> [String] {
        let searchPath = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        return rules.compactMap { rule in
            guard rule.enabled, let program = rule.run?.first else { return nil }
            let found = program.contains("/")
                ? !program.hasPrefix("/") || FileManager.default.isExecutableFile(atPath: program)
                : searchPath.contains { FileManager.default.isExecutableFile(atPath: $0 + "/" + program) }
            guard !found else { return nil }
            let place = program.hasPrefix("/") ? "is not an executable file" : "is not found on PATH"
            return "alerts: warning: \(path ?? "config"):\(rule.line): run: '\(program)' \(place); alert \(rule.name) will log a failure each time it fires"
        }
    }

    /// Live, the feeds are the data: an enabled rule that reads a symbol no feed
    /// fills can never fire.
    private func unfedAlerts(_ config: RotorConfig, path: String?) -> [String] {
        let fed = Set(config.feeds.flatMap(\.symbols).map { $0.lowercased() })
        return config.alerts.filter(\.enabled).compactMap { rule in
            let names = rule.expressions.reduce(into: Set<String>()) { $0.formUnion((try? Parser.parse($1).names) ?? []) }
            let absent = names.sorted().filter { !fed.contains($0.lowercased()) }
            guard !absent.isEmpty else { return nil }
            return "alerts: warning: \(path ?? "config"):\(rule.line): alert \(rule.name) reads \(absent.joined(separator: ", ")), which no [[feeds]] fills; it cannot fire"
        }
    }

    /// Every symbol and universe the panes read for these roles.
    private func needed(_ r: Roles) -> [String] {
        var out = [r.small, r.large, r.tech, r.index, r.twoYear, r.tenYear] + r.mag7 + ["@" + r.universe]
        for pair in r.volPairs { out += [pair.implied, pair.underlying] }
        var seen = Set<String>()
        return out.filter { seen.insert($0).inserted }
    }
}
