/// What kind of day an event is: the two macro releases the research reads
/// (`FOMC` rate decisions, `CPI` releases) and any kind a user names in an events
/// file (`EARNINGS`, `NFP`). Kinds are upper-case words; the known two get their own
/// glyph and colour on the charts, the others a shared one.
public struct EventKind: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Upper-case: letters, digits, `_` and `-`, starting with a letter.
    public let name: String

    /// The longest kind name: it is written in the status bar (`EARNINGS in 2d`).
    public static let maxLength = 16

    public static let fomc = EventKind(checked: "FOMC")
    public static let cpi = EventKind(checked: "CPI")
    /// The kinds rotor draws with their own glyph and colour.
    public static let known: [EventKind] = [.fomc, .cpi]

    private init(checked name: String) { self.name = name }

    /// The kind named `text` in any letter case, or nil when it is not a kind name
    /// (empty, too long, or with other characters than letters, digits, `_`, `-`).
    public init?(_ text: String) {
        let upper = text.uppercased()
        guard let first = upper.unicodeScalars.first, ("A"..."Z").contains(first), upper.count <= Self.maxLength,
              upper.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" })
        else { return nil }
        name = upper
    }

    public var isKnown: Bool { Self.known.contains(self) }
    public var description: String { name }
    public static func < (a: EventKind, b: EventKind) -> Bool { a.name < b.name }
}

/// One dated event: an FOMC decision day, a CPI release, a user's earnings date.
public struct MarketEvent: Hashable, Sendable, CustomStringConvertible {
    public var date: Day
    public var kind: EventKind
    /// What the day is, for the status bar on that day (`FOMC rate decision`).
    public var label: String
    /// A date announced ahead and not yet confirmed (a published schedule).
    public var isScheduled: Bool

    public init(date: Day, kind: EventKind, label: String, isScheduled: Bool = false) {
        self.date = date
        self.kind = kind
        self.label = label
        self.isScheduled = isScheduled
    }

    public var description: String { "\(date.iso) \(kind) \(label)\(isScheduled ? " (scheduled)" : "")" }
}

/// Every event the dashboard knows, by date: what a chart marks on its time axis
/// and what the status bar counts down to. One event per (date, kind): a second
/// one for the same pair (a user's file repeating the bundled calendar) is dropped.
public struct EventCalendar: Sendable, Equatable {
    /// Ascending by date, then kind.
    public let events: [MarketEvent]

    public init(_ events: [MarketEvent] = []) {
        var seen = Set<Pair>()
        // Stable: of two events for one (date, kind) the first given is kept.
        let unique = events.filter { seen.insert(Pair(date: $0.date, kind: $0.kind)).inserted }
        self.events = unique.enumerated().sorted {
            ($0.element.date, $0.element.kind, $0.offset) < ($1.element.date, $1.element.kind, $1.offset)
        }.map(\.element)
    }

    private struct Pair: Hashable {
        var date: Day
        var kind: EventKind
    }

    public var isEmpty: Bool { events.isEmpty }
    public var count: Int { events.count }

    /// The index of the first event on or after `day` (binary search).
    private func firstIndex(onOrAfter day: Day) -> Int {
        var low = 0, high = events.count
        while low < high {
            let mid = (low + high) / 2
            if events[mid].date < day { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The events of the first date on or after `day` that has any (several when
    /// an FOMC decision and a CPI release share a day); empty when none is left.
    public func next(onOrAfter day: Day) -> [MarketEvent] {
        let start = firstIndex(onOrAfter: day)
        guard start < events.count else { return [] }
        return on(events[start].date)
    }

    /// The events on `day`.
    public func on(_ day: Day) -> [MarketEvent] {
        between(day, day)
    }

    /// The events from `first` through `last`, both included, in order.
    public func between(_ first: Day, _ last: Day) -> [MarketEvent] {
        guard first <= last else { return [] }
        let start = firstIndex(onOrAfter: first), end = firstIndex(onOrAfter: last.adding(days: 1))
        return Array(events[start..<end])
    }

    /// The kinds present, known ones first (FOMC, CPI), then users' in name order.
    public var kinds: [EventKind] {
        let present = Set(events.map(\.kind))
        return EventKind.known.filter(present.contains) + present.filter { !$0.isKnown }.sorted()
    }
}
