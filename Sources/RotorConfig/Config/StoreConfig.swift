extension RotorConfig {
    /// `[store]`: the desk's shared PostgreSQL store (`rotor collect` writes it).
    /// The values as written, each with its line, so the command that connects names
    /// `file:line` in any error it finds (RotorStore's `StoreSettings` reads the URL;
    /// its password is never in the URL, see README "Shared collector").
    public struct Store: Sendable, Equatable {
        public var url: String
        /// The name of the environment variable holding the password.
        public var passwordEnv: String?
        /// A file holding the password (its first line), as written (relative to the
        /// config file).
        public var passwordFile: String?
        /// "require" or "disable"; nil: required unless the host is this machine
        /// (or a `ca_file` is named).
        public var tls: String?
        /// A PEM file of the certificate authorities the server's certificate is
        /// checked against instead of the system's (a desk's private CA), as written
        /// (relative to the config file).
        public var caFile: String?
        /// The PostgreSQL schema of rotor's tables (default `rotor`).
        public var schema: String?
        /// `file:line: store.KEY` for each key, for messages.
        public var places: [String: String]
    }

    static func readStore(_ r: inout TableReader) throws(ConfigError) -> Store {
        guard let url = try r.string("url") else {
            throw r.error("url", "missing (postgres://USER@HOST:PORT/DATABASE)")
        }
        guard url.lowercased().hasPrefix("postgres://") || url.lowercased().hasPrefix("postgresql://") else {
            // Not repeated: it may hold a password.
            throw r.error("url", "must start with postgres:// (postgres://USER@HOST:PORT/DATABASE)")
        }
        let passwordEnv = try r.string("password_env")
        if let name = passwordEnv {
            guard let first = name.unicodeScalars.first, !("0"..."9").contains(first), name.unicodeScalars.allSatisfy({
                ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }) else {
                throw r.error("password_env", "'\(quoted(name))' is not an environment variable's name (letters, digits, _)")
            }
        }
        let passwordFile = try r.string("password_file")
        if passwordEnv != nil, passwordFile != nil {
            throw r.error("password_file", "name one password source: password_env or password_file")
        }
        let tls = try r.string("tls")
        if let tls, tls != "require", tls != "disable" {
            throw r.error("tls", "must be \"require\" or \"disable\", got '\(quoted(tls))'")
        }
        let caFile = try r.string("ca_file")
        if caFile != nil, tls == "disable" {
            throw r.error("ca_file", "names the authorities TLS checks the server against, but tls = \"disable\": drop one")
        }
        let schema = try r.string("schema")
        var places: [String: String] = [:]
        for key in ["url", "password_env", "password_file", "tls", "ca_file", "schema"] {
            places[key] = "\(r.file):\(r.table[key]?.line ?? r.table.line): store.\(key)"
        }
        try r.finish()
        return Store(url: url, passwordEnv: passwordEnv, passwordFile: passwordFile, tls: tls, caFile: caFile, schema: schema,
                     places: places)
    }
}
