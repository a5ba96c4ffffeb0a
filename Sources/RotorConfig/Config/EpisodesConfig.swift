public import RotorCore

/// A stretch of history worth replaying by name (`[[episodes]]`): `rotor --episode
/// NAME` starts the replay at `from` and ends it at `to`.
public struct Episode: Sendable, Equatable {
    /// What `--episode` takes: letters, digits, `-`, `_` and `.`.
    public var name: String
    public var from: Day
    public var to: Day
    /// A line about what to look at, control characters escaped.
    public var note: String?
    /// The line of its `[[episodes]]` header.
    public var line: Int

    public init(name: String, from: Day, to: Day, note: String? = nil, line: Int = 0) {
        self.name = name
        self.from = from
        self.to = to
        self.note = note
        self.line = line
    }
}

extension RotorConfig {
    /// The longest episode name (it is typed on the command line and listed in columns).
    static let maxEpisodeNameLength = 40
    /// The longest note: one line of `--list-episodes`.
    static let maxEpisodeNoteLength = 200

    /// `[[episodes]]`: name, from, to (`YYYY-MM-DD`) and an optional note. A missing
    /// key, a name that is not one, a date that is not one, `from` after `to`, and a
    /// name already declared (letter case ignored: `--episode` finds either) are
    /// errors at their file and line. Whether the dates are inside the data is known
    /// only with the data: `rotor check` and `--episode` say so.
    static func readEpisodes(_ tables: [TableReader]) throws(ConfigError) -> [Episode] {
        var declared: [String: Int] = [:] // lower-cased name -> line of its [[episodes]]
        var out: [Episode] = []
        for var t in tables {
            guard let name = try t.string("name") else {
                throw t.error("name", "missing (what --episode takes, e.g. \"rotation-squeeze\")")
            }
            guard !name.isEmpty, name.unicodeScalars.allSatisfy(isEpisodeNameScalar) else {
                throw t.error("name", "'\(quoted(name))' is not an episode name (letters, digits, - _ .)")
            }
            guard name.count <= maxEpisodeNameLength else {
                throw t.error("name", "'\(quoted(name))' is longer than \(maxEpisodeNameLength) characters")
            }
            if let earlier = declared[name.lowercased()] {
                throw t.error("name", "an episode named '\(name)' is already declared (line \(earlier)); give each [[episodes]] its own name")
            }
            declared[name.lowercased()] = t.table.line
            let from = try date(&t, "from"), to = try date(&t, "to")
            guard from <= to else { throw t.error("to", "\(to.iso) is before from (\(from.iso)); an episode runs from its first date to its last") }
            var note = try t.string("note")
            if let text = note {
                guard text.count <= maxEpisodeNoteLength else {
                    throw t.error("note", "longer than \(maxEpisodeNoteLength) characters")
                }
                note = text.escapingControlCharacters
            }
            try t.finish()
            out.append(Episode(name: name, from: from, to: to, note: note, line: t.table.line))
        }
        return out
    }

    private static func date(_ t: inout TableReader, _ key: String) throws(ConfigError) -> Day {
        guard let text = try t.string(key) else { throw t.error(key, "missing (a date, YYYY-MM-DD)") }
        guard let day = Day(parsing: text) else { throw t.error(key, "cannot read '\(quoted(text))' as a date (YYYY-MM-DD)") }
        return day
    }

    private static func isEpisodeNameScalar(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || "-_.".unicodeScalars.contains(s)
    }

    /// Why `--episode NAME` names no episode, in words: the episodes there are, with
    /// the nearest suggested.
    public struct UnknownEpisode: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// The episode `--episode` names: its exact name, else the one name that matches
    /// ignoring letter case.
    public func episode(named name: String) throws(UnknownEpisode) -> Episode {
        if let exact = episodes.first(where: { $0.name == name }) { return exact }
        if let folded = episodes.first(where: { $0.name.lowercased() == name.lowercased() }) { return folded }
        let shown = name.escapingControlCharacters
        guard !episodes.isEmpty else {
            throw UnknownEpisode(description: "--episode: no episode '\(shown)': the config declares no [[episodes]]")
        }
        let names = episodes.map(\.name)
        let hint = suggestion(for: name, among: names).map { " (did you mean \($0)?)" } ?? ""
        throw UnknownEpisode(description: "--episode: no episode '\(shown)'\(hint); the episodes are \(names.joined(separator: ", "))")
    }
}
