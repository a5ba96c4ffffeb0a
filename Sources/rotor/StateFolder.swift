import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder where a dashboard keeps what outlives it: `$XDG_STATE_HOME/rotor`,
/// or `~/.local/state/rotor` when `XDG_STATE_HOME` is unset or empty: `rotor.log`,
/// `alerts.jsonl` and `alert-state.json` all live here.
enum StateFolder {
    /// The folder's path; nothing is created.
    static func path(environment: [String: String]) -> String {
        let base = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        return base + "/rotor"
    }

    /// Creates the folder and any missing parents, readable by the user alone (0700:
    /// the logs and the alert files say what a trader watches). An existing folder is left as it
    /// is. Returns why it cannot be made, or nil.
    static func create(_ path: String) -> String? {
        var info = stat()
        if stat(path, &info) == 0 {
            return (info.st_mode & S_IFMT) == S_IFDIR ? nil : "cannot create \(path) (a file is in the way)"
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path, let failure = create(parent) { return failure }
        // EEXIST: another rotor made it in the meantime.
        if mkdir(path, 0o700) == 0 || errno == EEXIST { return nil }
        return "cannot create \(path) (\(String(cString: strerror(errno))))"
    }
}
