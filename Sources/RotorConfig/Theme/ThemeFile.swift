public import RotorUI

/// A theme: a name and the palette its file describes.
///
/// A theme file (`Themes/NAME.toml`) has a `[palette]` of named colours and a
/// `[roles]` table giving each semantic role a colour or a style:
///
/// ```toml
/// [palette]
/// accent = "#268bd2"            # "#RRGGBB", 0-255, or a colour name
/// [roles]
/// background = "default"        # the terminal's own
/// border = "accent"             # a palette name, or any colour
/// warn = { fg = "yellow", bold = true }   # fg, bg, bold, dim, reverse, underline
/// ```
/// Roles the file leaves out come from the default theme; unknown keys are warnings,
/// so an older rotor still reads a newer theme.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var palette: Palette

    public init(name: String, palette: Palette) {
        self.name = name
        self.palette = palette
    }

    /// The built-in default (the same as `Themes/default.toml`).
    public static let standard = Theme(name: "default", palette: .standard)

    /// The role names as theme files write them.
    public static let roleKeys: [(key: String, role: StyleRole)] = [
        ("text", .text), ("dim", .dim), ("border", .border), ("focus_border", .focusBorder), ("title", .title),
        ("up", .up), ("down", .down), ("warn", .warn), ("alert", .alert),
        ("series1", .series1), ("series2", .series2), ("series3", .series3),
        ("series4", .series4), ("series5", .series5), ("series6", .series6),
    ]

    /// Reads a theme file's text. Errors name `file` and the line; the warnings are
    /// the keys this rotor does not know.
    public static func parse(_ text: String, name: String, file: String) throws(ConfigError)
        -> (theme: Theme, warnings: [ConfigError])
    {
        let document: TOMLTable
        do {
            document = try TOMLParser.parse(text)
        } catch {
            throw ConfigError(file: file, line: error.line, message: error.message)
        }
        var top = TableReader(file: file, table: document)
        _ = try top.string("name")
        _ = try top.string("description")
        var named: [String: Color] = [:]
        var warnings: [ConfigError] = []
        if var palette = try top.table("palette") {
            for key in palette.table.keys {
                guard let text = try palette.string(key) else { continue }
                named[key] = try color(text, named: [:], reader: palette, key: key)
            }
        }
        var styles: [StyleRole: Style] = [:]
        var background = Color.default
        if var roles = try top.table("roles") {
            if let text = try roles.string("background") {
                background = try color(text, named: named, reader: roles, key: "background")
            }
            for (key, role) in roleKeys {
                guard let item = roles.item(key) else { continue }
                styles[role] = try style(item, named: named, reader: roles, key: key)
            }
            warnings += roles.unknownKeys(atMost: 10)
        }
        warnings += top.unknownKeys(atMost: 10)
        var palette = Palette(styles)
        palette.background = background
        return (Theme(name: name, palette: palette), warnings)
    }

    private static func style(_ item: TOMLItem, named: [String: Color], reader: TableReader, key: String)
        throws(ConfigError) -> Style
    {
        switch item.value {
        case let .string(text):
            return Style(foreground: try color(text, named: named, reader: reader, key: key))
        case let .table(table):
            var r = TableReader(file: reader.file, table: table, name: reader.name + "." + key)
            var style = Style()
            if let fg = try r.string("fg") { style.foreground = try color(fg, named: named, reader: r, key: "fg") }
            if let bg = try r.string("bg") { style.background = try color(bg, named: named, reader: r, key: "bg") }
            for (attribute, flag) in [("bold", TextAttributes.bold), ("dim", .dim), ("reverse", .reverse),
                                      ("underline", .underline)] where try r.bool(attribute) == true {
                style.attributes.insert(flag)
            }
            try r.finish()
            return style
        default:
            throw ConfigError(file: reader.file, line: item.line,
                              message: "\(reader.name).\(key): expected a colour or a table, got \(item.value.typeName)")
        }
    }

    /// `#RRGGBB`, `0`-`255`, a colour name (`red`, `bright_red`, `default`), or a name
    /// from the theme's palette.
    static func color(_ text: String, named: [String: Color], reader: TableReader, key: String)
        throws(ConfigError) -> Color
    {
        if let c = named[text] { return c }
        if let c = parseColor(text) { return c }
        let choices = Array(named.keys) + basicNames.map(\.0) + ["default"]
        let hint = suggestion(for: text, among: choices).map { " (did you mean \($0)?)" } ?? ""
        throw reader.error(key, "cannot read '\(text)' as a colour: use #RRGGBB, 0-255, a colour name or a [palette] name\(hint)")
    }

    static let basicNames: [(String, Color)] = [
        ("black", .black), ("red", .red), ("green", .green), ("yellow", .yellow),
        ("blue", .blue), ("magenta", .magenta), ("cyan", .cyan), ("white", .white),
    ]

    static func parseColor(_ text: String) -> Color? {
        let lower = text.lowercased()
        if lower == "default" { return .default }
        if let basic = basicNames.first(where: { $0.0 == lower }) { return basic.1 }
        if lower.hasPrefix("bright_"), let i = basicNames.firstIndex(where: { "bright_" + $0.0 == lower }) {
            return .indexed(UInt8(8 + i))
        }
        if let n = UInt8(text) { return .indexed(n) }
        let hex = Array(lower.utf8)
        if hex.count == 7, hex[0] == UInt8(ascii: "#"), let v = UInt32(String(lower.dropFirst()), radix: 16) {
            return .rgb(UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF))
        }
        return nil
    }
}
