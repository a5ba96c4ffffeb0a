import Foundation

/// Where the shared store is: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`
/// (`postgresql://` too). Only TCP hosts; the password is better kept out of the URL
/// (`[store] password_env` / `password_file`, see `StoreSettings`), and its
/// `description` never shows it.
public struct StoreURL: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var user: String
    /// The password written in the URL itself, if any.
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String

    /// What stands for a password in every message.
    public static let hidden = "(hidden)"

    /// Reads `text`. An error never repeats the text (it may hold a password): it
    /// says which part is wrong.
    public init(parsing text: String) throws(StoreError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let components = URLComponents(string: trimmed) else {
            throw StoreError("the store URL cannot be read as a URL (postgres://USER@HOST:PORT/DATABASE; not shown, it may hold a password)")
        }
        guard let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql" else {
            throw StoreError("the store URL must start with postgres:// (postgres://USER@HOST:PORT/DATABASE)")
        }
        guard let host = components.host, !host.isEmpty else {
            throw StoreError("the store URL has no host (postgres://USER@HOST:PORT/DATABASE; unix sockets are not supported)")
        }
        guard let user = components.user, !user.isEmpty else {
            throw StoreError("the store URL has no user (postgres://USER@HOST:PORT/DATABASE)")
        }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw StoreError("the store URL has no database name (postgres://USER@HOST:PORT/DATABASE)")
        }
        if let items = components.queryItems, let first = items.first {
            throw StoreError("the store URL's parameter '\(first.name.prefix(40))' is not supported (TLS is set by [store] tls)")
        }
        if components.fragment != nil { throw StoreError("the store URL has a #fragment; remove it") }
        let port = components.port ?? 5432
        guard (1...65535).contains(port) else { throw StoreError("the store URL's port \(port) is not in 1...65535") }
        self.user = user
        password = components.password.flatMap { $0.isEmpty ? nil : $0 }
        // URLComponents keeps an IPv6 host's brackets; the connection wants it bare.
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        self.port = port
        self.database = database
    }

    /// The URL as messages write it: the password, if any, as `(hidden)`.
    public var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        let credentials = user + (password == nil ? "" : ":" + StoreURL.hidden)
        return "postgres://\(credentials)@\(shownHost):\(port)/\(database)".escapingControls
    }

    public var debugDescription: String { description }
    /// `dump` and the debugger show the redacted URL, not the password.
    public var customMirror: Mirror { Mirror(self, children: ["url": description]) }

    /// This machine: `localhost`, 127.0.0.0/8 or ::1. Only these may go without TLS
    /// by default.
    public var isLoopback: Bool {
        let h = host.lowercased()
        if h == "localhost" || h == "::1" || h == "0:0:0:0:0:0:0:1" { return true }
        let parts = h.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}
