public import RotorCore

/// The one line `rotor line` prints for tmux's `status-right`: a few headline numbers
/// (the RTY/ES spread z, the first vol pair's premium, % above the 50-day average, the
/// 2s10s curve and its regime words), the macro regime's name, then the alerts active
/// on the date: the flags up on every pane (as the status bar's strip names them) and
/// the users' alerts fired and not yet cleared.
///
/// `RTY/ES z +2.05 · VIX prem +3.28 pts · % > 50d 61.5% · 2s10s +45 bp bear steepener · regime Reflation · ⚑ RTY/ES EXTREME leading`
///
/// The numbers are written as the panes write them (`NumberFormatKind`), an absent one
/// as the panes' absent marker. The text is spans with roles (`line`); `plain` drops
/// the styles, `tmux` writes them as tmux's `#[...]` styles in a theme's colours.
public struct StatusLineText: Sendable, Equatable {
    /// One headline number: its label, value (already scaled) and how it is written.
    public struct Headline: Sendable, Equatable {
        public var label: String
        public var value: Double?
        public var format: NumberFormatKind
        /// Coloured up or down by its sign as shown (a spread, a premium), or not (a level).
        public var coloursBySign: Bool

        public init(_ label: String, _ value: Double?, _ format: NumberFormatKind, coloursBySign: Bool) {
            self.label = label
            self.value = value
            self.format = format
            self.coloursBySign = coloursBySign
        }
    }

    /// A user's alert fired and not yet cleared, by its name.
    public struct FiredAlert: Sendable, Equatable {
        public var name: String
        public var severity: AlertSeverity

        public init(_ name: String, _ severity: AlertSeverity) {
            self.name = name
            self.severity = severity
        }
    }

    public var headlines: [Headline]
    /// The curve regime's words (`bear steepener`), after the last headline; nil when unknown.
    public var regime: String?
    /// The macro regime's name (`Goldilocks`), a segment after the headlines; nil when unknown.
    public var macroRegime: String?
    /// The flags up, in the strip's order (alerts first, alike ones merged).
    public var flags: [ActiveFlag]
    public var fired: [FiredAlert]

    public init(headlines: [Headline], regime: String? = nil, macroRegime: String? = nil, flags: [ActiveFlag] = [],
                fired: [FiredAlert] = []) {
        self.headlines = headlines
        self.regime = regime
        self.macroRegime = macroRegime
        self.flags = AlertStrip(flags).flags
        self.fired = fired
    }

    static let separator = Span(" · ", style: .role(.dim))

    /// The line as spans with roles: labels dim, signed numbers up or down, flags and
    /// alerts in their severity's colour, the alerts after the strip's marker.
    public var line: TextLine {
        var parts: [[Span]] = headlines.map { h in
            let text = h.value.map(h.format.format) ?? NumberFormatKind.absent
            let role = h.coloursBySign ? h.value.flatMap(h.format.signRole) : nil
            return [Span(h.label + " ", style: .role(.dim)), Span(text, style: role.map(Style.role) ?? .plain)]
        }
        if let regime {
            if parts.isEmpty { parts.append([]) }
            parts[parts.count - 1].append(Span(" " + regime))
        }
        if let macroRegime {
            parts.append([Span("regime ", style: .role(.dim)), Span(macroRegime, style: Style.role(.title).bold())])
        }
        let alerts = flags.map { $0.strip(.full) } + fired.map { [Span($0.name, style: Style.role(Self.role($0.severity)).bold())] }
        if !alerts.isEmpty {
            let worst = max(flags.map { Self.role($0.severity) }.map(Self.rank).max() ?? 0,
                            fired.map { Self.rank(Self.role($0.severity)) }.max() ?? 0)
            let markerRole: StyleRole = worst >= 2 ? .alert : worst == 1 ? .warn : .title
            var first = [Span(AlertStrip.marker + " ", style: Style.role(markerRole).bold())]
            first += alerts[0]
            parts.append(first)
            parts += alerts.dropFirst()
        }
        var spans: [Span] = []
        for (i, part) in parts.enumerated() {
            if i > 0 { spans.append(Self.separator) }
            spans += part
        }
        return TextLine(spans)
    }

    /// The line without styles, control characters escaped.
    public var plain: String {
        line.spans.map(\.text.escapingControlCharacters).joined()
    }

    /// The line for tmux's `status-right`: each styled span in `#[fg=...]` styles of
    /// `palette`'s colours for its role, `#[default]` after it (and at the end), control
    /// characters escaped and every `#` of the text doubled so tmux shows it as it is.
    public func tmux(_ palette: Palette) -> String {
        // Neighbouring spans of one look share one `#[...]`.
        var runs: [(style: String?, text: String)] = []
        for span in line.spans {
            let style = Self.tmuxStyle(palette.resolve(span.style)), text = Self.tmuxEscaped(span.text)
            if let last = runs.last, last.style == style {
                runs[runs.count - 1].text += text
            } else {
                runs.append((style, text))
            }
        }
        var out = runs.map { run in run.style.map { "#[" + $0 + "]" + run.text + "#[default]" } ?? run.text }.joined()
        if !out.hasSuffix("#[default]") { out += "#[default]" }
        return out
    }

    /// Text as tmux shows it literally: control characters escaped, `#` doubled.
    public static func tmuxEscaped(_ text: String) -> String {
        text.escapingControlCharacters.replacingOccurrences(of: "#", with: "##")
    }

    /// A resolved style as the inside of tmux's `#[...]` (`fg=red,bold`), nil when it
    /// is the default look.
    static func tmuxStyle(_ style: Style) -> String? {
        var parts: [String] = []
        if let fg = tmuxColor(style.foreground) { parts.append("fg=" + fg) }
        if let bg = tmuxColor(style.background) { parts.append("bg=" + bg) }
        let attributes: [(TextAttributes, String)] = [(.bold, "bold"), (.dim, "dim"), (.underline, "underscore"), (.reverse, "reverse")]
        for (attribute, word) in attributes where style.attributes.contains(attribute) { parts.append(word) }
        return parts.isEmpty ? nil : parts.joined(separator: ",")
    }

    /// tmux's name of a concrete colour: `red`, `colour208`, `#ff8800`; nil for the default.
    static func tmuxColor(_ color: Color) -> String? {
        switch color {
        case .default, .role: nil
        case .black: "black"
        case .red: "red"
        case .green: "green"
        case .yellow: "yellow"
        case .blue: "blue"
        case .magenta: "magenta"
        case .cyan: "cyan"
        case .white: "white"
        case let .indexed(n): "colour\(n)"
        case let .rgb(r, g, b): "#" + [r, g, b].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        }
    }

    static func role(_ severity: FlagSeverity) -> StyleRole { severity.role }

    static func role(_ severity: AlertSeverity) -> StyleRole {
        switch severity {
        case .info: .title
        case .warn: .warn
        case .alert: .alert
        }
    }

    private static func rank(_ role: StyleRole) -> Int { role == .alert ? 2 : role == .warn ? 1 : 0 }
}
