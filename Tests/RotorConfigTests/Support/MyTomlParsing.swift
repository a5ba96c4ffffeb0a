@testable import RotorConfig

/// The config suites' way in: a text parsed as the file `my.toml`, and the error it
/// gives as printed (`my.toml:4: key: message`), or nil when it loads.
protocol MyTomlParsing {}

extension MyTomlParsing {
    func parse(_ text: String) throws(ConfigError) -> RotorConfig { try RotorConfig.parse(text, file: "my.toml") }

    func failure(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error.description
        }
    }
}
