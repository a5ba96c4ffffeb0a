public import Foundation
import PostgresNIO // NIOSSLCertificate (PostgresNIO re-exports NIOSSL)

/// Everything needed to reach the shared store, resolved from `[store]` (or
/// `--db URL`) and the environment: the URL, the password, the TLS rule and the
/// schema the tables live in.
///
/// The password comes from exactly one place: `password_env` (the name of an
/// environment variable), `password_file` (a file only its owner can read, its first
/// line), else `PGPASSWORD` as libpq reads it, else none (trust auth). Never from
/// the URL: a config file is read by whoever reads it, a `--db` argument by every
/// user (`ps`), so a URL with a password is refused. It is kept here only to connect: `description` shows the redacted URL.
///
/// TLS: required (certificates verified against the system's roots, or against the
/// authorities of `ca_file` when one is named) for every host that is not this
/// machine, unless `tls = "disable"` says otherwise; a loopback host goes without it
/// unless `tls = "require"` or a `ca_file` asks for it.
public struct StoreSettings: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public enum TLSMode: String, Sendable, CaseIterable {
        case require, disable
    }

    public let url: StoreURL
    let password: String?
    public let tls: TLSMode
    /// The authorities of `ca_file`, read and checked when the settings are made (a
    /// bad file is a config error at start, not a failed connection later); nil:
    /// the system's trust store.
    let authorities: [NIOSSLCertificate]?
    /// Where they came from, for `debugDescription`.
    public let caFile: String?
    /// The PostgreSQL schema of rotor's tables (several desks can share a database).
    public let schema: String

    public static let defaultSchema = "rotor"
    /// The environment variable read when no other password source is named.
    public static let standardPasswordVariable = "PGPASSWORD"

    /// Where each value came from, for messages (`rotor.toml:12: password_file`).
    public struct Sources: Sendable {
        public var url: String
        public var passwordEnv: String
        public var passwordFile: String
        public var tls: String
        public var caFile: String
        public var schema: String

        public init(url: String = "--db", passwordEnv: String = "password_env", passwordFile: String = "password_file",
                    tls: String = "tls", caFile: String = "ca_file", schema: String = "schema") {
            self.url = url
            self.passwordEnv = passwordEnv
            self.passwordFile = passwordFile
            self.tls = tls
            self.caFile = caFile
            self.schema = schema
        }
    }

    /// Resolves the settings; every error names its source and never the password.
    public init(url urlText: String, passwordEnv: String? = nil,
                passwordFile: String? = nil, tls tlsText: String? = nil, caFile: String? = nil, schema schemaText: String? = nil,
                sources: Sources = Sources(), environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(StoreError)
    {
        let url: StoreURL
        do {
            url = try StoreURL(parsing: urlText)
        } catch {
            throw StoreError("\(sources.url): \(error.description)")
        }
        if url.password != nil {
            // In a config it would be read by whoever reads the file, on a command
            // line by every user (ps): the password has places of its own.
            throw StoreError("\(sources.url): \(url): a password in the URL is refused; "
                             + "use [store] password_env or password_file, or PGPASSWORD")
        }
        guard passwordEnv == nil || passwordFile == nil else {
            throw StoreError("\(sources.passwordFile): name one password source: password_env or password_file")
        }
        if let passwordEnv {
            guard let value = environment[passwordEnv], !value.isEmpty else {
                throw StoreError("\(sources.passwordEnv): the environment variable \(passwordEnv.escapingControls) is not set")
            }
            password = value
        } else if let passwordFile {
            password = try Self.readPasswordFile(passwordFile, source: sources.passwordFile)
        } else {
            password = environment[Self.standardPasswordVariable].flatMap { $0.isEmpty ? nil : $0 }
        }
        if let tlsText {
            guard let mode = TLSMode(rawValue: tlsText.lowercased()) else {
                throw StoreError("\(sources.tls): must be \"require\" or \"disable\", got '\(tlsText.prefix(40))'")
            }
            tls = mode
        } else {
            tls = url.isLoopback && caFile == nil ? .disable : .require
        }
        if let caFile {
            guard tls == .require else {
                throw StoreError("\(sources.caFile): names the authorities TLS checks the server against, but tls = \"disable\": drop one")
            }
            authorities = try Self.readAuthorities(caFile, source: sources.caFile)
        } else {
            authorities = nil
        }
        self.caFile = caFile
        let schema = schemaText ?? Self.defaultSchema
        guard Self.isIdentifier(schema) else {
            throw StoreError("\(sources.schema): '\(schema.prefix(70))' is not a schema name (a-z, 0-9, _; a letter first; at most 40)")
        }
        self.schema = schema
        self.url = url
    }

    public var description: String { url.description }
    /// `String(reflecting:)`, `dump` and the debugger's view: the password left out
    /// there too.
    public var debugDescription: String {
        "StoreSettings(\(url), tls: \(tls.rawValue)\(caFile.map { ", ca_file: \($0.escapingControls)" } ?? ""), schema: \(schema))"
    }
    public var customMirror: Mirror { Mirror(self, children: ["url": url, "tls": tls, "caFile": caFile as Any, "schema": schema]) }

    /// A name safe to write into SQL unquoted and as a NOTIFY channel.
    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, ("a"..."z").contains(first), s.unicodeScalars.count <= 40 else { return false }
        return s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// The first line of a file that only its owner may read (as libpq asks of
    /// `.pgpass`): a password file others can read is refused, not used.
    static func readPasswordFile(_ path: String, source: String) throws(StoreError) -> String {
        let shown = path.escapingControls
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            throw StoreError("\(source): \(shown): cannot read the password file")
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            throw StoreError("\(source): \(shown): the password file is not a regular file")
        }
        if let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue, mode & 0o077 != 0 {
            throw StoreError("\(source): \(shown): the password file can be read by other users (chmod 600 it)")
        }
        guard let data = FileManager.default.contents(atPath: path), data.count <= 4096 else {
            throw StoreError("\(source): \(shown): cannot read the password file (or it is over 4 KiB)")
        }
        let line = String(decoding: data, as: UTF8.self).split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
            .first.map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) } ?? ""
        guard !line.isEmpty else { throw StoreError("\(source): \(shown): the password file's first line is empty") }
        return line
    }

    /// The certificates of a PEM file of authorities (one or more `BEGIN
    /// CERTIFICATE` blocks); a file that is missing, not PEM or holds none is refused.
    static func readAuthorities(_ path: String, source: String) throws(StoreError) -> [NIOSSLCertificate] {
        let shown = path.escapingControls
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StoreError("\(source): \(shown): cannot read the CA file")
        }
        guard data.count <= 1 << 20 else { throw StoreError("\(source): \(shown): the CA file is over 1 MiB") }
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMBytes(Array(data))
        } catch {
            throw StoreError("\(source): \(shown): not a PEM file of certificates (-----BEGIN CERTIFICATE-----)")
        }
        guard !certificates.isEmpty else {
            throw StoreError("\(source): \(shown): no certificate in the CA file (-----BEGIN CERTIFICATE-----)")
        }
        return certificates
    }

    /// `text` with this store's password blanked: the last guard on every message.
    public func redacting(_ text: String) -> String { text.hiding(password) }
}
