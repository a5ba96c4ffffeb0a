import Foundation

/// Why the shared store could not be reached, read or written: one line naming the
/// server by its redacted URL (`postgres://rotor:(hidden)@db.desk:5432/rotor`), in
/// PostgreSQL's or the network's own words. A password never appears in one: every
/// text is built without it and, as a second guard, has it blanked if a server or a
/// library echoes it.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description.escapingControls
    }
}

extension String {
    /// The text with control characters written out (`\u{1B}`), so a message from a
    /// server cannot act on a terminal or a log.
    var escapingControls: String {
        var out = ""
        for scalar in unicodeScalars {
            if scalar.properties.generalCategory == .control {
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The text with `secret` (as is, and percent-encoded) replaced by `(hidden)`.
    func hiding(_ secret: String?) -> String {
        guard let secret, !secret.isEmpty else { return self }
        var out = replacingOccurrences(of: secret, with: StoreURL.hidden)
        if let encoded = secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics), encoded != secret {
            out = out.replacingOccurrences(of: encoded, with: StoreURL.hidden)
        }
        return out
    }
}
