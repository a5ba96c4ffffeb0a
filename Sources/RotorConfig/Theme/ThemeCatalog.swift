import Foundation

/// The themes a user can choose from: the bundled `Themes/*.toml`, then their own
/// in `$XDG_CONFIG_HOME/rotor/themes/` (a user theme of the same name wins). The
/// default theme comes first, the rest by name, which is the order `t` cycles.
public struct ThemeCatalog: Sendable {
    public private(set) var themes: [Theme] = []
    /// Keys a theme file has that this rotor does not know, as `file:line: ...`.
    public private(set) var warnings: [ConfigError] = []
    /// Theme files that cannot be read (missing, not a regular file, over 1 MB,
    /// nested too deep, not valid TOML); their themes are left out.
    public private(set) var errors: [ConfigError] = []

    public init(folders: [String]) {
        var byName: [String: Theme] = ["default": .standard]
        for folder in folders {
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
                .filter { $0.hasSuffix(".toml") }.sorted()
            for file in files {
                let path = (folder as NSString).appendingPathComponent(file)
                let name = String(file.dropLast(5))
                // A file that cannot be read (a FIFO, too big, nested too deep) is left
                // out with its error; it never stops the others or the start.
                do {
                    let (theme, w) = try Theme.parse(try ConfigFile.text(path), name: name, file: path)
                    byName[name] = theme
                    warnings += w
                } catch {
                    errors.append(error)
                }
            }
        }
        themes = byName.values.sorted { a, b in
            a.name == "default" ? b.name != "default" : (b.name == "default" ? false : a.name < b.name)
        }
    }

    /// The user's own theme folder.
    public static func userFolder(environment: [String: String]? = nil) -> String {
        configFolder(environment: environment) + "/themes"
    }

    /// `$XDG_CONFIG_HOME/rotor`, else `~/.config/rotor`.
    public static func configFolder(environment: [String: String]? = nil) -> String {
        let env = environment ?? ProcessInfo.processInfo.environment
        let base = env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((env["HOME"] ?? NSHomeDirectory()) + "/.config")
        return base + "/rotor"
    }

    public var names: [String] { themes.map(\.name) }

    /// The theme called `name`, or an error listing the names there are.
    public func theme(named name: String) throws(ConfigError) -> Theme {
        if let t = themes.first(where: { $0.name == name }) { return t }
        if let broken = errors.first(where: { ($0.file as NSString).lastPathComponent == name + ".toml" }) { throw broken }
        let hint = suggestion(for: name, among: names).map { " (did you mean \($0)?)" } ?? ""
        throw ConfigError(file: "--theme", line: 0,
                          message: "unknown theme '\(name)'\(hint); themes: \(names.joined(separator: ", "))")
    }

    /// The position of `name` in the cycle, for `t`.
    public func index(of name: String) -> Int { themes.firstIndex { $0.name == name } ?? 0 }
}
