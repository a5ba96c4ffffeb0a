/// The dashboard's panes as the app state needs them (name, title, views) and
/// their pages: the model holds the same panes' specs, in the same order.
public struct PaneSet: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public var name: String
        public var title: String
        /// How many views the pane cycles through (1: none).
        public var views: Int
        public var viewsName: String?
    }

    public private(set) var panes: [Entry]
    /// Each page: indices into `panes`, 1 to 9 of them; at least one page.
    public private(set) var pages: [[Int]]

    /// The panes on pages: `placed` lists pages of pane names (a config's
    /// `[[pages]]`, names checked by its loader); every pane on no listed page goes on
    /// pages after them: the built-ins on their registry pages (`builtinPageSizes`,
    /// page 1 the five originals), then the rest, nine to a page. So by default the
    /// built-ins fill the first pages and a config's own panes follow.
    public init(_ specs: [PaneSpec], placed: [[String]] = [],
                builtinPageSizes: [Int] = PaneRegistry.builtinPageSizes) {
        panes = specs.map { Entry(name: $0.name, title: $0.title, views: $0.views.count, viewsName: $0.viewsName) }
        let index = Dictionary(specs.enumerated().map { ($1.name.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        var pages = placed.map { $0.compactMap { index[$0.lowercased()] } }.filter { !$0.isEmpty }
        let onAPage = Set(pages.joined())
        let rest = specs.indices.filter { !onAPage.contains($0) }
        var groups: [[Int]] = []
        var start = 0
        for size in builtinPageSizes {
            groups.append(rest.filter { $0 >= start && $0 < start + size })
            start += size
        }
        groups.append(rest.filter { $0 >= start })
        for group in groups {
            pages += stride(from: 0, to: group.count, by: Action.maxIndex).map {
                Array(group[$0..<min($0 + Action.maxIndex, group.count)])
            }
        }
        self.pages = pages.isEmpty ? [[]] : pages
    }

    /// The built-in panes on their pages.
    public static let standard = PaneSet(PaneRegistry.builtins())

    /// Where the pane named `name` is: its page and its place on the page (both from 0).
    public func place(of name: String) -> (page: Int, place: Int)? {
        guard let index = panes.firstIndex(where: { $0.name.lowercased() == name.lowercased() }) else { return nil }
        for (page, members) in pages.enumerated() {
            if let place = members.firstIndex(of: index) { return (page, place) }
        }
        return nil
    }

    /// The most panes on any page: the focus keys that do something.
    public var largestPage: Int { pages.map(\.count).max() ?? 0 }

    /// The help overlay's pages, when there is more than one: each pane with its key
    /// on the page, title and name (what `export --pane` takes).
    public var helpSection: HelpSection? {
        guard pages.count > 1 else { return nil }
        let entries = pages.enumerated().map { n, page in
            HelpSection.Entry("page \(n + 1)", page.enumerated().map { place, i in
                "\(place + 1) \(panes[i].title) (\(panes[i].name))"
            }.joined(separator: " · "))
        }
        return HelpSection(title: "pages", entries: entries, termWidth: 9)
    }

    /// The help's words for the view key, from the panes that have views.
    var viewsHelp: String? {
        let cycling = panes.filter { $0.views > 1 }
        guard let first = cycling.first else { return nil }
        if cycling.count == 1 { return "next \(first.viewsName ?? "view") (\(first.title) focused)" }
        return "next view of the focused pane (" + cycling.map(\.title).joined(separator: ", ") + ")"
    }
}
