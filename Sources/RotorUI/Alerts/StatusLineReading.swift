public import RotorCore

/// What `rotor line` reads and how: the headline expressions from the config's roles,
/// the panes' flags, the users' alert rules, and a model of only those, so the line
/// costs a fraction of the dashboard's model (no table, chart or detail reading is
/// evaluated: the breadth table alone is 25 expressions over the whole universe).
public struct StatusLineReading: Sendable {
    public let roles: Roles
    /// The panes whose flags are the line's built-in alerts (the config's, all of them).
    public let panes: [PaneSpec]
    /// The config's `[[alerts]]`: overrides of built-ins and users' alerts.
    public let rules: [AlertRule]

    public init(panes: [PaneSpec], roles: Roles, rules: [AlertRule] = []) {
        self.panes = panes
        self.roles = roles
        self.rules = rules
    }

    /// The headlines: label, expression, format, scale, coloured by sign.
    struct HeadlineSpec {
        let label: String
        let expression: String
        let format: NumberFormatKind
        var scale = 1.0
        var coloursBySign = true
    }

    /// The RTY/ES spread z, the first vol pair's premium, % above the 50-day average of
    /// the universe and the 2s10s curve in bp: the same expressions and formats as the
    /// rotation, vol, breadth and rates panes.
    var headlineSpecs: [HeadlineSpec] {
        let r = roles
        var out = [HeadlineSpec(label: "\(r.small)/\(r.large) z", expression: "zscore(spread(\(r.small),\(r.large),10),252)",
                                format: .signed(2))]
        if let pair = r.volPairs.first {
            out.append(HeadlineSpec(label: "\(pair.implied) prem", expression: "sub(\(pair.implied),rvol(\(pair.underlying),20))",
                                    format: .points))
        }
        out.append(HeadlineSpec(label: "% > 50d", expression: "above(@\(r.universe),50)", format: .percentLevel(decimals: 1),
                                coloursBySign: false))
        out.append(HeadlineSpec(label: "2s10s", expression: "sub(\(r.tenYear),\(r.twoYear))", format: .basisPoints, scale: 100))
        return out
    }

    /// The users' own alerts: rules on expressions, not overrides of a built-in.
    var userRules: [AlertRule] {
        let builtins = Set(AlertBook.builtinNames(panes))
        return rules.filter { !builtins.contains($0.name) }
    }

    /// Every expression the line reads, each once: the headlines, the curve's two
    /// yields (its regime words) and the equity trend (the macro regime), every flag's
    /// reads, the users' rules'.
    public var expressions: [String] {
        var seen = Set<String>()
        let all = headlineSpecs.map(\.expression) + [roles.twoYear, roles.tenYear, RatesPane.trend(roles)]
            + panes.flatMap { $0.flags.flatMap(\.reads) } + AlertBook.expressions(userRules)
        return all.filter { seen.insert($0).inserted }
    }

    /// The panes cut down to their flags: what the line's model evaluates for them.
    var flagPanes: [PaneSpec] {
        panes.map { PaneSpec(name: $0.name, title: $0.title, views: [], flags: $0.flags) }
    }

    /// The model of only the line's expressions over `data`.
    public func model(_ data: MarketData, thresholds: Thresholds) -> DashboardModel {
        DashboardModel(data: data, panes: flagPanes, roles: roles, thresholds: thresholds, watching: expressions)
    }

    /// The line on `day` (nil: the model's last date): the headlines as of that date,
    /// the flags up on it (less the built-ins `enabled = false` turns off) and the
    /// users' alerts fired and not cleared when the history is stepped up to it, as the
    /// dashboard steps it. `model` is `model(_:thresholds:)`'s (or any model that has
    /// the line's expressions).
    public func text(_ model: DashboardModel, at day: Day? = nil) -> StatusLineText {
        guard let asOf = day ?? model.lastDate else {
            return StatusLineText(headlines: headlineSpecs.map { .init($0.label, nil, $0.format, coloursBySign: $0.coloursBySign) })
        }
        let reader = PaneReader(model: model, asOf: asOf, lookback: .year1)
        let headlines = headlineSpecs.map { h in
            StatusLineText.Headline(h.label, reader.value(h.expression).map { $0 * h.scale }, h.format, coloursBySign: h.coloursBySign)
        }
        let disabled = AlertBook.disabled(rules)
        let flags = model.panes.flatMap { $0.activeFlags(reader) }.filter { !disabled.contains($0.alert) }
        var tracker = AlertTracker(book: AlertBook(panes: [], rules: userRules))
        _ = tracker.advance(model, dates: model.dates, to: asOf)
        let severities = Dictionary(tracker.book.entries.map { ($0.name, $0.severity ?? .alert) }, uniquingKeysWith: { a, _ in a })
        let fired = tracker.fired.map { StatusLineText.FiredAlert($0, severities[$0] ?? .alert) }
        let macro = RatesPane.macroRegime(reader, roles, model.thresholds.regimeNames)?.word
        return StatusLineText(headlines: headlines, regime: RatesPane.regime(reader, roles)?.rawValue, macroRegime: macro,
                              flags: flags, fired: fired)
    }
}
