import RotorConfig
import RotorCore

/// The config's `[[episodes]]` as the command line meets them: `--list-episodes`
/// prints them, `--episode NAME` finds one and checks it against the data, and
/// `rotor check` counts them.
enum EpisodeList {
    /// One line per episode under a header, in columns: name, from, to, note.
    static func text(_ episodes: [Episode], configPath: String?) -> String {
        guard !episodes.isEmpty else { return "no [[episodes]] in \(configPath ?? "the config (none: built-in defaults)")\n" }
        let width = max(4, episodes.map(\.name.count).max() ?? 0)
        func pad(_ s: String) -> String { s + String(repeating: " ", count: width - s.count) }
        let rows = [pad("name") + "  from        to          note"]
            + episodes.map { e in "\(pad(e.name))  \(e.from.iso)  \(e.to.iso)  \(e.note ?? "")" }
        return rows.map { $0.trimmingTrailingSpaces }.joined(separator: "\n") + "\n"
    }

    /// The episode `--episode` names, checked against the sessions of the data: an
    /// unknown name, or an episode with no session in the data, is a usage error; one
    /// that reaches past either end of the data is replayed over the part there is,
    /// with a warning.
    static func episode(_ name: String, _ config: RotorConfig, _ path: String?, data dates: [Day]) throws -> Episode {
        let episode: Episode
        do {
            episode = try config.episode(named: name)
        } catch {
            throw CommandFailure.usage("\(error)\(path.map { " (in \($0))" } ?? "")")
        }
        for warning in try coverage(episode, dates: dates, path: path) { writeError("rotor: warning: \(warning)") }
        return episode
    }

    /// What the data says of an episode's dates: warnings when it reaches past an end
    /// of the data; an error (thrown) when none of its dates is a session there.
    static func coverage(_ e: Episode, dates: [Day], path: String?) throws -> [String] {
        let place = "\(path ?? "config"):\(e.line): episode \(e.name)"
        guard let first = dates.first, let last = dates.last else {
            throw CommandFailure.usage("\(place): there is no data to replay")
        }
        guard e.from <= last, e.to >= first, dates.contains(where: { $0 >= e.from && $0 <= e.to }) else {
            throw CommandFailure.usage("\(place) (\(e.from.iso) to \(e.to.iso)) has no session in the data (\(first.iso) to \(last.iso))")
        }
        var out: [String] = []
        if e.from < first { out.append("\(place) starts \(e.from.iso), before the data (\(first.iso)): replayed from \(first.iso)") }
        if e.to > last { out.append("\(place) ends \(e.to.iso), after the data (\(last.iso)): replayed to \(last.iso)") }
        return out
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
