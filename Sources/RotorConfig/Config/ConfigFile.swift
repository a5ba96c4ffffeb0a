import RotorCore

/// Reads config and theme files: regular files only (a FIFO or `/dev/zero` would
/// block or never end), at most `TOMLParser.maxBytes` (1 MB), every failure a
/// `ConfigError` naming the file.
public enum ConfigFile {
    public static func text(_ path: String) throws(ConfigError) -> String {
        do {
            return String(decoding: try RegularFile.read(path, limit: TOMLParser.maxBytes), as: UTF8.self)
        } catch {
            throw ConfigError(file: path, line: 0, message: error.reason)
        }
    }
}

extension RotorConfig {
    /// Reads and parses the config file at `path` (ConfigFile's limits, then `parse`).
    public static func load(_ path: String) throws(ConfigError) -> RotorConfig {
        try parse(ConfigFile.text(path), file: path)
    }
}
