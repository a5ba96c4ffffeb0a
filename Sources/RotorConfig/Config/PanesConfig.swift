import RotorCore
public import RotorUI

extension RotorConfig {
    /// The built-in panes and the config's own, in that order: the model's panes,
    /// with the `[[levels]]` on the charts that plot their expressions.
    public var paneSpecs: [PaneSpec] {
        (PaneRegistry.builtins(roles, thresholds) + panes.map(\.spec)).map { $0.addingLevels(levels) }
    }

    /// The panes on their pages (`[[pages]]`, then the unplaced ones).
    public var paneSet: PaneSet { PaneSet(paneSpecs, placed: pages) }

    /// The most readings or flags a user pane may declare: more would not fit any pane.
    static let maxPaneItems = 24

    /// `[[panes]]`: a pane from expressions. Every expression is checked here (syntax,
    /// functions, windows), so a mistake is an error at its line before the screen opens.
    static func readPanes(_ tables: [TableReader], builtin: [String]) throws(ConfigError) -> [PaneDeclaration] {
        var out: [PaneDeclaration] = []
        var names: [String: Int] = Dictionary(builtin.map { ($0, 0) }, uniquingKeysWith: { a, _ in a })
        for var t in tables {
            guard let title = try t.string("title"), !title.allSatisfy(\.isWhitespace) else {
                throw t.error("title", "missing (the pane's title, e.g. \"ZN 10Y NOTE\")")
            }
            let name = try t.string("name") ?? defaultName(title)
            guard !name.isEmpty, name.unicodeScalars.allSatisfy({ isNameScalar($0) }) else {
                throw t.error("name", "'\(name)' is not a pane name (lower-case letters, digits, - and _)")
            }
            if let earlier = names[name] {
                throw t.error(t.table["name"] == nil ? "title" : "name", earlier == 0
                              ? "'\(name)' is a built-in pane's name; give this pane another name = \"...\""
                              : "a pane named '\(name)' is already declared (line \(earlier)); give this one another name = \"...\"")
            }
            names[name] = t.table.line
            var pane = PaneDeclaration(name: name, title: title, line: t.table.line)
            for var r in try t.tables("readings") ?? [] {
                let expr = try expression(&r, "expr")
                let label = try r.string("label") ?? expr
                let text = try r.string("format") ?? "decimals 2"
                guard let format = NumberFormatKind.parse(userFormat: text) else {
                    throw r.error("format", "unknown format '\(text)': use \(NumberFormatKind.userFormats)")
                }
                let scale = try r.number("scale", in: -1e9...1e9) ?? 1
                var record: RecordSpec.Sides?
                if let word = try r.string("record") {
                    let words = PaneDeclaration.Reading.recordSides
                    guard let match = words.first(where: { $0.word == word.lowercased() }) else {
                        throw r.error("record", "unknown side '\(word.escapingControlCharacters)': use \(words.map(\.word).joined(separator: ", "))")
                    }
                    record = match.sides
                }
                try r.finish()
                pane.readings.append(.init(label: label, expression: expr, format: format, scale: scale, record: record))
            }
            let charts = try t.tables("chart") ?? []
            if charts.count > PaneDeclaration.maxChartLines {
                throw t.error("chart", "at most \(PaneDeclaration.maxChartLines) series, got \(charts.count)")
            }
            for var c in charts {
                let expr = try expression(&c, "expr")
                pane.chart.append(.init(expression: expr, label: try c.string("label") ?? expr))
                try c.finish()
            }
            for var l in try t.tables("levels") ?? [] {
                guard let value = try l.number("value", in: -1e15...1e15) else {
                    throw l.error("value", "missing (where the line is drawn, e.g. 114)")
                }
                let label = try l.string("label") ?? NumberLabel.compact(value)
                try l.finish()
                pane.levels.append(.init(value, label: label))
            }
            if !pane.levels.isEmpty, pane.chart.isEmpty {
                throw t.error("levels", "levels are lines on the chart: add chart = [{ expr = \"...\" }]")
            }
            for var f in try t.tables("flags") ?? [] {
                guard let when = try f.string("when") else { throw f.error("when", "missing (a condition, EXPR OP NUMBER)") }
                let condition: Condition
                do {
                    condition = try Condition.parse(when)
                    try Evaluator.check(condition.expression)
                } catch let error as ConditionError {
                    throw f.error("when", error.message)
                } catch {
                    throw f.error("when", "\(quoted(when)): \(error)")
                }
                let text = try f.string("text") ?? condition.description
                try f.finish()
                pane.flags.append(.init(condition: condition, text: text))
            }
            guard !pane.readings.isEmpty || !pane.chart.isEmpty else {
                throw t.error("title", "the pane shows nothing: give it readings = [...] or chart = [...]")
            }
            if pane.readings.count > maxPaneItems { throw t.error("readings", "at most \(maxPaneItems) readings") }
            if pane.flags.count > maxPaneItems { throw t.error("flags", "at most \(maxPaneItems) flags") }
            try t.finish()
            out.append(pane)
        }
        return out
    }

    /// `[[pages]]`: each page's `panes`, by name; a name used twice, an unknown one
    /// or a page of more than nine is an error at its line.
    static func readPages(_ tables: [TableReader], known: [String]) throws(ConfigError) -> [[String]] {
        var placed: [String: Int] = [:]
        var pages: [[String]] = []
        for var t in tables {
            guard let names = try t.strings("panes"), !names.isEmpty else {
                throw t.error("panes", "missing (the page's panes by name, e.g. [\"rotation\", \"zn\"])")
            }
            guard names.count <= Action.maxIndex else {
                throw t.error("panes", "at most \(Action.maxIndex) panes on a page (one digit key each), got \(names.count)")
            }
            for name in names {
                guard known.contains(name.lowercased()) else {
                    let hint = suggestion(for: name, among: known).map { " (did you mean \($0)?)" } ?? ""
                    throw t.error("panes", "no pane named '\(name)'\(hint); panes: \(known.joined(separator: ", "))")
                }
                if let earlier = placed[name.lowercased()] {
                    throw t.error("panes", "'\(name)' is already on a page (line \(earlier)); a pane is on one page")
                }
                placed[name.lowercased()] = t.table["panes"]?.line ?? t.table.line
            }
            try t.finish()
            pages.append(names.map { $0.lowercased() })
        }
        guard pages.count <= Action.maxIndex else {
            throw tables[Action.maxIndex].error("panes", "at most \(Action.maxIndex) pages (one key each)")
        }
        return pages
    }

    /// A reading's or chart series' expression, checked.
    private static func expression(_ r: inout TableReader, _ key: String) throws(ConfigError) -> String {
        guard let text = try r.string(key) else { throw r.error(key, "missing (a METRICS.md expression, e.g. ZN)") }
        do {
            try Evaluator.check(text)
        } catch {
            throw r.error(key, "\(quoted(text)): \(error)")
        }
        return text
    }

    /// An expression as an error message quotes it: control characters escaped, a
    /// long one shortened.
    static func quoted(_ text: String) -> String {
        let escaped = text.escapingControlCharacters
        return escaped.count > 60 ? String(escaped.prefix(57)) + "..." : escaped
    }

    /// `ZN 10Y note` -> `zn-10y-note`.
    static func defaultName(_ title: String) -> String {
        var out = ""
        for scalar in title.lowercased().unicodeScalars {
            if isNameScalar(scalar), scalar != "-" { out.unicodeScalars.append(scalar) } else if !out.hasSuffix("-") { out += "-" }
        }
        return String(out.drop { $0 == "-" }.reversed().drop { $0 == "-" }.reversed())
    }

    private static func isNameScalar(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("0"..."9").contains(s) || s == "-" || s == "_"
    }
}
