public import RotorCore

/// A labelled horizontal line the user set on an expression (`[[levels]]`: ZN 114,
/// an RTY/ES level set on an FOMC day): drawn on every chart that plots that
/// expression, built-in or the user's own.
public struct LevelRule: Sendable, Equatable {
    /// As written in the config.
    public var expression: String
    public var value: Double
    public var label: String
    /// The line of its `[[levels]]` table, for messages.
    public var line: Int

    public init(expression: String, value: Double, label: String, line: Int = 0) {
        self.expression = expression
        self.value = value
        self.label = label
        self.line = line
    }

    /// The expression as charts are matched on: the parser's printed form, letter
    /// case folded (symbols and functions are read in any case), so
    /// `ratio(RTY, ES)` is the chart of `ratio(RTY,ES)`.
    public var key: String { LevelRule.key(expression) }

    public static func key(_ expression: String) -> String {
        ((try? Parser.parse(expression).canonical) ?? expression).lowercased()
    }
}

extension ChartSpec {
    /// Whether one of the chart's lines is `key` (`LevelRule.key`) in the units it
    /// is plotted in: a rebased chart (every line divided by its first value) plots
    /// none of its expressions as they are, so a level on them would lie.
    func plots(key: String) -> Bool {
        rebasedTo == nil && series.contains { LevelRule.key($0.expression) == key }
    }
}

extension PaneSpec {
    /// The pane with each rule's level on every chart (of every view) that plots
    /// the rule's expression.
    public func addingLevels(_ rules: [LevelRule]) -> PaneSpec {
        guard !rules.isEmpty else { return self }
        var pane = self
        let keyed = rules.map { ($0.key, $0) }
        for v in pane.views.indices {
            guard var chart = pane.views[v].chart else { continue }
            for (key, rule) in keyed where chart.plots(key: key) {
                chart.levels.append(ChartSpec.Level(rule.value, label: rule.label))
            }
            pane.views[v].chart = chart
        }
        return pane
    }

    /// Whether a chart of the pane (in any view) plots the rule's expression.
    public func charts(_ rule: LevelRule) -> Bool {
        let key = rule.key
        return views.contains { $0.chart?.plots(key: key) == true }
    }
}
