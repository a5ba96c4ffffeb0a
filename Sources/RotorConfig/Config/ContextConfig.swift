import RotorCore
import RotorUI

/// The context the charts draw around the numbers: `[events] files` (the FOMC and
/// CPI days, users' own) and `[[levels]]` (labelled lines on the charts of an
/// expression). Samples/rotor.example.toml documents both.
extension RotorConfig {
    /// The most events files a config may list, and the most levels it may set.
    static let maxEventFiles = 32, maxLevels = 64
    /// The longest level label: it is written at the right end of a chart's line.
    static let maxLevelLabelLength = 40

    /// The events files as written, each relative to the config file unless
    /// absolute: the paths to read.
    public func eventPaths(configPath: String?) -> [String] {
        let base: String? = configPath.flatMap { path in path.lastIndex(of: "/").map { String(path[..<$0]) } }
        return eventFiles.map { file in
            guard !file.hasPrefix("/"), let base else { return file }
            return base + "/" + file
        }
    }

    /// `[events]`: `files`, a list of events CSV files (EventsFile reads them).
    static func readEvents(_ t: inout TableReader, into c: inout RotorConfig) throws(ConfigError) {
        c.eventFilesLine = t.table["files"]?.line ?? t.table.line
        let files = try t.strings("files") ?? []
        guard files.count <= maxEventFiles else { throw t.error("files", "lists \(files.count) files; at most \(maxEventFiles)") }
        for (n, file) in files.enumerated() {
            if file.isEmpty { throw t.error("files", "entry \(n + 1) is empty (a CSV file of date,kind,label)") }
            if file.unicodeScalars.contains("\u{0}") { throw t.error("files", "entry \(n + 1) contains a NUL character") }
        }
        c.eventFiles = files
        try t.finish()
    }

    /// `[[levels]]`: `expr` (checked as a `[[panes]]` expression is), `value` (a
    /// finite number) and an optional `label` (default: the value, `114`).
    static func readLevels(_ tables: [TableReader]) throws(ConfigError) -> [LevelRule] {
        var out: [LevelRule] = []
        for var t in tables {
            guard out.count < maxLevels else { throw t.error("expr", "more than \(maxLevels) [[levels]]") }
            guard let expr = try t.string("expr") else {
                throw t.error("expr", "missing (the expression whose charts draw the level, e.g. ZN)")
            }
            do {
                try Evaluator.check(expr)
            } catch {
                throw t.error("expr", "\(quoted(expr)): \(error)")
            }
            guard let value = try t.number("value") else { throw t.error("value", "missing (the level, e.g. 114)") }
            guard value.isFinite else { throw t.error("value", "must be a finite number") }
            let label = try t.string("label") ?? NumberFormat.shortest(value)
            guard !label.isEmpty, !label.allSatisfy(\.isWhitespace) else { throw t.error("label", "is empty") }
            guard label.escapingControlCharacters == label else {
                throw t.error("label", "'\(quoted(label))' contains a control character")
            }
            guard label.count <= maxLevelLabelLength else {
                throw t.error("label", "is longer than \(maxLevelLabelLength) characters")
            }
            try t.finish()
            out.append(LevelRule(expression: expr, value: value, label: label, line: t.table.line))
        }
        return out
    }
}
