import Foundation
import RotorCore
import RotorUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `alert-state.json` in the state folder: a live dashboard's alert states
/// (`AlertTracker.Saved`), so a restart does not fire again what already fired.
///
/// Saved atomically: the JSON is written to a temporary file beside it, flushed to
/// disk and renamed over the old one, so a crash or a full disk mid-save leaves the
/// previous state whole, and two dashboards saving at once leave one of the two.
/// Loading never fails the dashboard: a missing file is no state; a damaged one
/// (not JSON, another shape, not a regular file, too big) is no state and a warning,
/// and it is left as it is until the next good save replaces it.
struct AlertStateFile: Sendable {
    let path: String

    static let fileName = "alert-state.json"
    /// A state is a few hundred bytes an alert; anything past this is not one.
    static let sizeLimit = 4 << 20

    init(folder: String) {
        self.path = folder + "/" + Self.fileName
    }

    /// The file in the state folder of `environment` (`$XDG_STATE_HOME/rotor`).
    static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> AlertStateFile {
        AlertStateFile(folder: StateFolder.path(environment: environment))
    }

    /// The saved state (nil when there is none or it cannot be read) and, when the
    /// file exists but cannot be used, a warning naming it.
    func load() -> (saved: AlertTracker.Saved?, warning: String?) {
        var info = stat()
        if lstat(path, &info) != 0, errno == ENOENT { return (nil, nil) }
        let bytes: [UInt8]
        do {
            bytes = try RegularFile.read(path, limit: Self.sizeLimit)
        } catch {
            return (nil, warning(error.reason))
        }
        do {
            return (try JSONDecoder().decode(AlertTracker.Saved.self, from: Data(bytes)), nil)
        } catch {
            return (nil, warning("not a saved alert state (\(Self.describe(error)))"))
        }
    }

    /// Writes `saved`, replacing the file whole. Returns why it could not, or nil.
    @discardableResult
    func save(_ saved: AlertTracker.Saved) -> String? {
        let data: Data
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            data = try encoder.encode(saved)
        } catch {
            return "cannot encode the alert state (\(error))"
        }
        let folder = (path as NSString).deletingLastPathComponent
        if let failure = StateFolder.create(folder) { return failure }
        // Unique per process and save, in the same folder (rename does not cross file systems).
        let temporary = "\(path).\(getpid()).\(UUID().uuidString).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return "cannot create \(temporary) (\(AlertLogFile.reason(errno)))" }
        var failure: String?
        data.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count, failure == nil {
                let n = write(fd, buffer.baseAddress! + done, buffer.count - done)
                if n > 0 { done += n } else if n < 0, errno == EINTR { continue } else {
                    failure = "cannot write \(temporary) (\(AlertLogFile.reason(n < 0 ? errno : ENOSPC)))"
                }
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = "cannot flush \(temporary) (\(AlertLogFile.reason(errno)))" }
        close(fd)
        if failure == nil, rename(temporary, path) != 0 { failure = "cannot replace \(path) (\(AlertLogFile.reason(errno)))" }
        if failure != nil { unlink(temporary) }
        return failure
    }

    private func warning(_ reason: String) -> String {
        "\(path): \(reason); alert states start afresh and the file is replaced at the next save".escapingControlCharacters
    }

    /// A decoding error in a few words: where and what, without Swift's dump.
    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case let .dataCorrupted(context): return context.underlyingError == nil ? context.debugDescription : "not valid JSON"
        case let .keyNotFound(key, context): return "\(location(context, key))missing"
        case let .typeMismatch(_, context), let .valueNotFound(_, context): return "\(location(context, nil))\(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }

    private static func location(_ context: DecodingError.Context, _ key: (any CodingKey)?) -> String {
        let path = (context.codingPath + (key.map { [$0] } ?? [])).map { $0.intValue.map(String.init) ?? $0.stringValue }
        return path.isEmpty ? "" : path.joined(separator: ".") + ": "
    }
}
