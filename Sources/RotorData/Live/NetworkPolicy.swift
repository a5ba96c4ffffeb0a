public import Foundation
import RotorCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where rotor may send a request, decided on the parsed URL (the same parse
/// AsyncHTTPClient connects with: `URL(string:)`, its scheme, host and port), never on
/// a prefix of the text:
/// - https to any host; plain http only when the host is a loopback address
///   (`127.0.0.0/8` in strict dotted-quad form, `::1`, `localhost`), for tests and
///   local proxies;
/// - no user or password in the URL (`http://127.0.0.1:80@10.255.255.1` goes to
///   10.255.255.1: refused);
/// - a port in 1...65535 (NIO traps on a larger one);
/// - redirects: at most `maximumRedirects`, each to a URL the rules above allow, and
///   over plain http only from a loopback host to the same host (any port: the hop
///   stays on this machine; hosts are compared as written, so 127.0.0.1 to localhost
///   is a different host and refused). Never across hosts over http.
public enum NetworkPolicy {
    public static let maximumRedirects = 3

    /// A URL the policy allows, as it will be connected to.
    public struct Target: Sendable, Equatable {
        public var url: URL
        /// `http` or `https`, lower-cased.
        public var scheme: String
        /// The host as it is connected to (IPv6 without brackets), lower-cased.
        public var host: String
        public var port: Int
        public var isLoopback: Bool
    }

    /// Why `url` may not be fetched, or nil when it may.
    public static func refusal(for url: String) -> String? {
        switch target(url) {
        case .success: nil
        case let .failure(refusal): refusal.reason
        }
    }

    /// A refusal, with the URL in it (escaped: it may come from a server's header).
    public struct Refusal: Error, Sendable, Equatable {
        public var url: String
        public var why: String
        init(_ url: String, _ why: String) {
            self.url = url
            self.why = why
        }

        public var reason: String { "refusing \(url.escapingControlCharacters): \(why)" }
    }

    /// The parsed URL, or why it is refused.
    public static func target(_ text: String) -> Result<Target, Refusal> {
        guard let url = URL(string: text), let rawScheme = url.scheme else {
            return .failure(Refusal(text, "not a URL"))
        }
        let scheme = rawScheme.lowercased()
        guard scheme == "https" || scheme == "http" else {
            return .failure(Refusal(text, "only https, or http to this machine"))
        }
        guard url.user == nil, url.password == nil else {
            return .failure(Refusal(text, "a user or password in the URL is not allowed"))
        }
        var host = (url.host ?? "").lowercased()
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { return .failure(Refusal(text, "no host")) }
        // URL drops a port too long for an Int (then the default port would be used):
        // the written port is read too.
        let written = writtenPort(text)
        guard written.isEmpty || url.port != nil else {
            return .failure(Refusal(text, "port \(written.prefix(20)) is not in 1...65535"))
        }
        let port = url.port ?? (scheme == "https" ? 443 : 80)
        guard (1...65_535).contains(port) else {
            return .failure(Refusal(text, "port \(port) is not in 1...65535"))
        }
        let loopback = isLoopback(host)
        guard scheme == "https" || loopback else {
            return .failure(Refusal(text, "only https, or http to this machine (127.0.0.1, ::1, localhost)"))
        }
        return .success(Target(url: url, scheme: scheme, host: host, port: port, isLoopback: loopback))
    }

    /// Whether the response from `from` may be followed to `location` (its Location
    /// header, resolved against `from`), as redirect number `hop` (1 for the first).
    /// Returns the target to fetch next, or why not.
    public static func redirect(from: Target, to location: String, hop: Int) -> Result<Target, Refusal> {
        guard hop <= maximumRedirects else {
            return .failure(Refusal(location, "more than \(maximumRedirects) redirects"))
        }
        let resolved = URL(string: location, relativeTo: from.url)?.absoluteString ?? location
        let next: Target
        switch target(resolved) {
        case let .success(t): next = t
        case let .failure(refusal): return .failure(Refusal(resolved, "redirect: " + refusal.why))
        }
        if next.scheme == "https" { return .success(next) }
        guard from.scheme == "http", from.isLoopback, next.host == from.host else {
            return .failure(Refusal(resolved, "a redirect over http must stay on the same loopback host (\(from.host))"))
        }
        return .success(next)
    }

    /// The port as written in the authority (`http://host:PORT/`), or "".
    static func writtenPort(_ text: String) -> Substring {
        guard let start = text.range(of: "://")?.upperBound else { return "" }
        var authority = text[start...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if let bracket = authority.lastIndex(of: "]") { authority = authority[authority.index(after: bracket)...] }
        guard let colon = authority.lastIndex(of: ":") else { return "" }
        return authority[authority.index(after: colon)...]
    }

    /// `127.x.y.z` (four decimal parts without leading zeros: `0177.0.0.1` would be
    /// octal to some resolvers), `::1` in any spelling, or `localhost`.
    static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" { return true }
        if host.contains(":") {
            var address = in6_addr()
            guard inet_pton(AF_INET6, host, &address) == 1 else { return false }
            return withUnsafeBytes(of: &address) { bytes in bytes.dropLast().allSatisfy { $0 == 0 } && bytes.last == 1 }
        }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }),
                  part == "0" || part.first != "0", let n = Int(part), n <= 255 else { return false }
        }
        return parts[0] == "127"
    }
}
