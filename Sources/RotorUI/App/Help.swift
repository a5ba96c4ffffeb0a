/// The help overlay for a state: the keys of its key map, the mouse when it is on,
/// the pages, the glossary; where it goes; and how it scrolls. `view` draws it and
/// `update` scrolls it with the same layout, so a scroll position is never past the end.
extension AppState {
    /// The screen above the status bar: the help leaves the status bar (and its
    /// alerts) in sight.
    public var helpArea: Rect { Rect(x: 0, y: 0, width: width, height: max(0, height - 1)) }

    public var help: HelpOverlay {
        var sections = [HelpSection(title: "keys",
                                    entries: keys.helpEntries(for: panes).map { HelpSection.Entry($0.keys, $0.help) },
                                    termWidth: 18)]
        if mouse { sections.append(Self.mouseSection) }
        if let pages = panes.helpSection { sections.append(pages) }
        sections.append(Glossary.section(thresholds))
        return HelpOverlay(title: "help", sections: sections, scroll: helpScroll, footer: helpFooter)
    }

    static let mouseSection = HelpSection(title: "mouse ([display] mouse = false turns it off)", entries: [
        .init("click", "focus the pane"),
        .init("double click", "zoom the pane; again to return"),
        .init("wheel", "over a pane: up for a shorter lookback, down for a longer one"),
    ], termWidth: 18)

    /// How to close and quit first (they must always show), then how to scroll.
    private var helpFooter: [TextLine] {
        func names(_ list: [Key]) -> String { list.map(\.description).joined(separator: " ") }
        func segment(_ keyNames: String, _ what: String) -> TextLine {
            TextLine([Span(keyNames, style: Style.plain.bold()), Span(" " + what, style: .role(.dim))])
        }
        let close = [Key.escape] + (keys.bindings[.help] ?? []).filter { $0 != .escape }
        let quit = keys.bindings[.quit] ?? []
        let closeAndQuit = segment(names(close), "close").spans + [Span("   ")]
            + segment(names(quit.isEmpty ? [.control("c")] : quit), "quit").spans
        // The arrows scroll too; j and k stand for them, to keep the row short.
        return [TextLine(closeAndQuit),
                segment(names([.character("j"), .character("k"), .pageDown, .pageUp, .home, .end]), "scroll")]
    }

    /// The keys that scroll the help by a line, whatever the map says (the arrows and
    /// j k, as in a pager), besides the map's own up and down keys.
    static let lineDown: [Key] = [.character("j"), .down]
    static let lineUp: [Key] = [.character("k"), .up]
    /// Lines the wheel scrolls per notch.
    static let wheelLines = 3

    /// Scrolls the open help for a key; other keys do nothing (the overlay keeps the
    /// keyboard until it is closed).
    mutating func scrollHelp(for key: Key, action: Action?) {
        let layout = help.layout(in: helpArea)
        let page = max(1, layout.rows * layout.columns - 1)
        switch key {
        case _ where Self.lineDown.contains(key) || action == .down: scrollHelp(by: 1, layout)
        case _ where Self.lineUp.contains(key) || action == .up: scrollHelp(by: -1, layout)
        case .pageDown: scrollHelp(by: page, layout)
        case .pageUp: scrollHelp(by: -page, layout)
        case .home: helpScroll = 0
        case .end: helpScroll = layout.maxScroll
        default:
            if action == .nextPage { scrollHelp(by: page, layout) }
            if action == .previousPage { scrollHelp(by: -page, layout) }
        }
    }

    mutating func scrollHelp(by lines: Int, _ layout: HelpOverlay.Layout? = nil) {
        let maxScroll = (layout ?? help.layout(in: helpArea)).maxScroll
        // From where it shows: after a resize the stored position may be past the end.
        helpScroll = max(0, min(maxScroll, min(helpScroll, maxScroll) + lines))
    }
}
