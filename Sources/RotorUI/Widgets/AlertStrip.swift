/// The status bar's alert strip: every flag up on any pane of any page, most severe
/// first (alerts, then warnings, each in pane order), in its severity's colour:
/// `⚑ RTY/ES EXTREME leading · BREADTH EXTREME LOW · VIX IV<RV`. Short of room it
/// shortens each flag (`RTY/ES EXTREME`), then names fewer and counts the rest (`+2`),
/// and at the least is the count alone (`⚑ 3`). Flags of one pane with the same
/// word are one entry naming each subject (`VIX,RVX IV<RV`).
public struct AlertStrip: Sendable, Equatable {
    /// The entries: raised flags, most severe first, alike ones merged.
    public let flags: [ActiveFlag]

    public static let marker = "⚑"

    public init(_ flags: [ActiveFlag]) {
        var merged: [ActiveFlag] = []
        for flag in flags where flag.isRaised {
            if let i = merged.firstIndex(where: { $0.pane == flag.pane && $0.word == flag.word && $0.severity == flag.severity }) {
                merged[i].subject += "," + flag.subject
            } else {
                merged.append(flag)
            }
        }
        // Stable: an alert before a warning, else the panes' order.
        self.flags = merged.enumerated()
            .sorted { $0.element.severity != $1.element.severity ? $0.element.severity > $1.element.severity : $0.offset < $1.offset }
            .map(\.element)
    }

    public var isEmpty: Bool { flags.isEmpty }

    /// The strip in at most `width` columns, nil when there is no flag or not even
    /// the count fits. As many flags as fit, all shortened before any is left out;
    /// then, most severe first, each one lengthened while the whole still fits.
    public func line(width: Int) -> TextLine? {
        let n = flags.count
        guard n > 0 else { return nil }
        for shown in stride(from: n, through: 1, by: -1) {
            var forms = Array(repeating: ActiveFlag.StripForm.withoutBrief, count: shown)
            guard line(forms).width <= width else { continue }
            for i in forms.indices {
                forms[i] = .full
                if line(forms).width > width { forms[i] = .withoutBrief }
            }
            return line(forms)
        }
        let one = line([.wordOnly])
        if one.width <= width { return one }
        let count = minimal
        return count.width <= width ? count : nil
    }

    /// The narrowest strip: the marker and how many flags are up (`⚑ 3`).
    public var minimal: TextLine {
        TextLine([Span(Self.marker + " \(flags.count)", style: Style.role(role(of: flags)).bold())])
    }

    /// The first `forms.count` flags in those forms, then `+N` for the rest.
    private func line(_ forms: [ActiveFlag.StripForm]) -> TextLine {
        var spans = [Span(Self.marker + " ", style: Style.role(role(of: flags)).bold())]
        for (i, form) in forms.enumerated() {
            if i > 0 { spans.append(Span(" · ", style: .role(.dim))) }
            spans += flags[i].strip(form)
        }
        let hidden = flags.dropFirst(forms.count)
        if !hidden.isEmpty { spans.append(Span(" +\(hidden.count)", style: Style.role(role(of: Array(hidden))).bold())) }
        return TextLine(spans)
    }

    /// The colour of the most severe of `flags`.
    private func role(of flags: [ActiveFlag]) -> StyleRole {
        (flags.map(\.severity).max() ?? .warn).role
    }
}
