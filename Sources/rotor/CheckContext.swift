import RotorConfig
import RotorCore
import RotorData
import RotorUI

extension CheckCommand {
    /// `[events]` and `[[levels]]`: `events: ok (2 files, 60 events: FOMC CPI)` or
    /// the fault at its file and line (nothing without `[events] files`); `levels: ok (1 level)` and a warning for a level whose
    /// expression no chart plots (it would show nowhere). True when an events file
    /// is at fault.
    func checkContext(_ config: RotorConfig, path: String?, say: (String) -> Void) -> Bool {
        var failed = false
        let paths = config.eventPaths(configPath: path)
        do {
            let calendar = try EventsFile.calendar(paths)
            let files = paths.count == 1 ? "1 file" : "\(paths.count) files"
            let kinds = calendar.kinds.map(\.name).joined(separator: " ")
            // A config without [events] has nothing to report.
            if !paths.isEmpty { say("events: ok (\(files), \(calendar.count) events\(kinds.isEmpty ? "" : ": " + kinds))") }
        } catch {
            say("events: \(error)")
            failed = true
        }
        guard !config.levels.isEmpty else { return failed }
        let panes = config.paneSpecs
        say("levels: ok (\(config.levels.count) \(config.levels.count == 1 ? "level" : "levels"))")
        for rule in config.levels where !panes.contains(where: { $0.charts(rule) }) {
            say("levels: warning: \(path ?? "config"):\(rule.line): no chart plots '\(rule.expression)', so the level \(rule.label) shows nowhere (a chart of a [[panes]] entry can plot it)")
        }
        return failed
    }
}
