extension ActiveFlag {
    /// A detail part cut to fewer columns than this is dropped instead: `% >…` says nothing.
    static let shortestCut = 6

    /// The flag's row in its pane, written to fit `width` columns: the label (dim)
    /// when it fits with the word, the word (bold), never cut, then the detail parts
    /// in order, each in its longest form that fits. The first part that fits in no
    /// form is cut with `…` when it is words alone (no digits: a cut number misleads;
    /// no shorter form: that form is already all it can spare) and at least
    /// `shortestCut` columns are left; it and the rest are dropped otherwise. Only a pane narrower than the word itself clips it (at its
    /// border).
    public func row(width: Int) -> TextLine {
        let role = severity.role
        var spans: [Span] = []
        if let label, DisplayWidth.of(label) + 1 + DisplayWidth.of(word) <= width {
            spans.append(Span(label + " ", style: .role(.dim)))
        }
        spans.append(Span(word, style: Style.role(role).bold()))
        var used = TextLine(spans).width
        for part in detail {
            let room = width - used - 1
            if let form = part.forms.first(where: { DisplayWidth.of($0) <= room }) {
                spans.append(Span(" " + form, style: .role(role)))
                used += 1 + DisplayWidth.of(form)
                continue
            }
            let text = part.forms[0]
            if part.forms.count == 1, room >= Self.shortestCut,
               !text.unicodeScalars.contains(where: { $0 >= "0" && $0 <= "9" }) {
                spans.append(Span(" " + Truncation.clip(text, width: room), style: .role(role)))
            }
            break
        }
        return TextLine(spans)
    }

    /// Flags of one pane with the same word on one row: `IV<RV VIX/ES · RVX/RTY`
    /// (each one's first detail part; `IV<RV VIX · RVX` from their shorter forms),
    /// so a pane of pairs spends one row on them.
    /// A flag alone keeps its whole detail.
    static func mergingSameWord(_ flags: [ActiveFlag]) -> [ActiveFlag] {
        var out: [ActiveFlag] = []
        var groups: [String: Int] = [:]
        var members: [[ActiveFlag]] = []
        for flag in flags {
            let key = "\(flag.severity.rawValue) \(flag.word)"
            if let i = groups[key] {
                members[i].append(flag)
            } else {
                groups[key] = out.count
                out.append(flag)
                members.append([flag])
            }
        }
        for (i, group) in members.enumerated() where group.count > 1 {
            // Each one's first detail part, longest forms together, then shortest.
            let first = group.map { $0.detail.first?.forms ?? [$0.subject] }
            let long = first.map { $0[0] }.joined(separator: " · "), short = first.map { $0.last! }.joined(separator: " · ")
            out[i].detail = [short == long ? FlagDetail(long) : FlagDetail(long, or: short)]
        }
        return out
    }

    /// How the alert strip names the flag, from the longest form: `subject word brief`
    /// (`RTY/ES EXTREME leading`), `subject word`, then the word alone.
    public enum StripForm: Int, CaseIterable, Sendable {
        case full, withoutBrief, wordOnly
    }

    /// The strip's words for the flag in a form, in its severity's colour, the word bold.
    public func strip(_ form: StripForm) -> [Span] {
        let role = severity.role
        var spans: [Span] = []
        if form != .wordOnly, !subject.isEmpty, subject != word { spans.append(Span(subject + " ", style: .role(role))) }
        spans.append(Span(word, style: Style.role(role).bold()))
        if form == .full, let brief, !brief.isEmpty { spans.append(Span(" " + brief, style: .role(role))) }
        return spans
    }
}
