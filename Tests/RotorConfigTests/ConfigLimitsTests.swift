import Foundation
import RotorUI
import Testing
@testable import RotorConfig

/// Config and theme files cannot crash or stall rotor: TOML nesting and size are
/// bounded, parsing is linear, and only regular files are read.
@Suite struct ConfigLimitsTests {
    func tomlFailure(_ text: String) -> String? {
        do {
            _ = try TOMLParser.parse(text)
            return nil
        } catch {
            return error.description
        }
    }

    func configFailure(_ text: String) -> String? {
        do {
            _ = try RotorConfig.parse(text, file: "my.toml")
            return nil
        } catch {
            return error.description
        }
    }

    static let tooDeep = "nested more than 32 levels deep (keys, tables and arrays)"

    /// 60,000 levels used to overflow the stack (a segfault); now line-numbered errors.
    @Test func nestingIsBoundedEverywhere() throws {
        let n = 60_000
        #expect(tomlFailure("x = 1\na = " + String(repeating: "[", count: n) + String(repeating: "]", count: n) + "\n")
            == "line 2: \(Self.tooDeep)")
        #expect(tomlFailure("a = " + String(repeating: "{ b = ", count: n) + "1" + String(repeating: " }", count: n))
            == "line 1: \(Self.tooDeep)")
        #expect(tomlFailure("\n\n" + Array(repeating: "k", count: n).joined(separator: ".") + " = 1\n")
            == "line 3: \(Self.tooDeep)")
        #expect(tomlFailure("[" + Array(repeating: "k", count: n).joined(separator: ".") + "]\n")
            == "line 1: \(Self.tooDeep)")
        #expect(tomlFailure("[[" + Array(repeating: "k", count: n).joined(separator: ".") + "]]\n")
            == "line 1: \(Self.tooDeep)")
        #expect(tomlFailure("a = { " + Array(repeating: "k", count: 40).joined(separator: ".") + " = 1 }")
            == "line 1: \(Self.tooDeep)")
        // A header's depth adds to its keys'.
        #expect(tomlFailure("[" + Array(repeating: "t", count: 20).joined(separator: ".") + "]\n"
                            + Array(repeating: "k", count: 13).joined(separator: ".") + " = 1\n")
            == "line 2: \(Self.tooDeep)")
        // 32 levels are fine: a key and 31 arrays.
        let deepest = try TOMLParser.parse("a = " + String(repeating: "[", count: 31) + "1" + String(repeating: "]", count: 31))
        #expect(deepest["a"] != nil)
        #expect(tomlFailure("a = " + String(repeating: "[", count: 32) + "1" + String(repeating: "]", count: 32))
            == "line 1: \(Self.tooDeep)")
        #expect(configFailure("[roles]\nsmall = " + String(repeating: "[", count: n))
            == "my.toml:2: \(Self.tooDeep)")
    }

    @Test func documentsAreAtMostOneMegabyte() {
        let big = "# " + String(repeating: "x", count: TOMLParser.maxBytes) + "\n"
        #expect(configFailure(big) == "my.toml: the file is \(big.utf8.count) bytes; rotor reads files of at most 1 MB here")
        #expect(configFailure(String(repeating: "#\n", count: 600_000))
            == "my.toml: the file is 1.1 MB; rotor reads files of at most 1 MB here")
        let fits = "# " + String(repeating: "x", count: TOMLParser.maxBytes - 3) + "\n"
        #expect(configFailure(fits) == nil)
    }

    /// 40,000 keys in one table took minutes (each key copied the table); the
    /// answer is the same, and it now comes at once (measured outside the tests).
    @Test func manyKeysParseToTheFirstError() throws {
        let keys = (0..<40_000).map { "k\($0) = \($0)\n" }.joined()
        #expect(configFailure("[roles]\n" + keys) == "my.toml:2: unknown key k0 in [roles]")
        #expect(configFailure(keys) == "my.toml:1: unknown key k0")
        let dotted = (0..<40_000).map { "roles.k\($0) = \($0)\n" }.joined()
        #expect(configFailure(dotted) == "my.toml:1: unknown key k0 in [roles]")
        let doc = try TOMLParser.parse("[t]\n" + keys)
        guard case let .table(t)? = doc["t"]?.value else { Issue.record("no table"); return }
        #expect(t.keys.count == 40_000 && t["k39999"]?.line == 40_001)
        let feeds = (0..<10_000).map { "[[feeds]]\nsymbol = \"S\($0)\"\nprovider = \"yahoo\"\n" }.joined()
        let many = try RotorConfig.parse(feeds, file: "my.toml")
        #expect(many.feeds.count == 10_000 && many.feeds.last?.line == 29_998)
    }

    /// A theme of thousands of stray keys warns about ten and counts the rest.
    @Test func themeWarningsAreCapped() throws {
        let keys = (0..<40_000).map { "k\($0) = \"red\"\n" }.joined()
        let (_, warnings) = try Theme.parse("[roles]\n" + keys, name: "t", file: "t.toml")
        #expect(warnings.count == 11)
        #expect(warnings.first?.description == "t.toml:2: unknown key k0 in [roles]")
        #expect(warnings.last?.description == "t.toml:12: and 39990 more unknown keys in [roles]")
    }

    @Test(arguments: [
        ("[[feeds]]\nsymbol = \"ES\"\nprovider = \"yahoo\"\n[[feeds]]\nsymbol = \"NQ\"\nprovider = \"yahoo\"\n"
            + "[[feeds]]\nprovider = \"yahoo\"\nsymbol = \"es\"\nticker = \"ES=F\"\n",
         "my.toml:9: feeds[3].symbol: es already has a feed (symbol on line 2); give each symbol one [[feeds]]"),
        ("[[feeds]]\nsymbol = \"@spx\"\nprovider = \"csv\"\nmembers = \"a.txt\"\n"
            + "[[feeds]]\nsymbol = \"@spx\"\nprovider = \"csv\"\nmembers = \"b.txt\"\n",
         "my.toml:6: feeds[2].symbol: @spx already has a feed (symbol on line 2); give each symbol one [[feeds]]"),
        ("[keys]\nquit = \"t\"\nnext_theme = [\"n\", \"t\"]\n",
         "my.toml:3: keys.next_theme: 't' is already bound to quit (line 2); one key does one thing"),
        ("[keys]\nhelp = [\"?\", \"F1\"]\n\nzoom = \"f1\"\n",
         "my.toml:4: keys.zoom: 'f1' is already bound to help (line 2); one key does one thing"),
        ("[keys]\nhelp = \"ctrl-c\"\n", "my.toml:2: keys.help: 'ctrl-c' always quits; it cannot be bound to help"),
    ])
    func duplicatesAreErrorsAtTheSecond(text: String, message: String) {
        #expect(configFailure(text) == message)
    }

    /// A key bound in [keys] is taken from the action that had it by default (the
    /// documented rule), and an action may list a key twice.
    @Test func rebindingADefaultKeyIsNotADuplicate() throws {
        let c = try RotorConfig.parse("[keys]\nquit = [\"t\", \"t\"]\nhelp = \"ctrl-x\"\n", file: "my.toml")
        #expect(c.keys.action(for: .character("t")) == .quit)
        #expect(c.keys.bindings[.nextTheme] == [])
        #expect(try RotorConfig.parse("[keys]\nquit = [\"q\", \"ctrl-c\"]\n", file: "my.toml").keys.action(for: .character("q")) == .quit)
    }

    // MARK: Files

    @Test(.timeLimit(.minutes(1))) func onlyRegularFilesAreRead() throws {
        try withFolder { folder in
            let fifo = folder + "/fifo.toml", zero = folder + "/zero.toml"
            #expect(mkfifo(fifo, 0o600) == 0)
            try FileManager.default.createSymbolicLink(atPath: zero, withDestinationPath: "/dev/zero")
            #expect(loadFailure(fifo) == "\(fifo): not a regular file (a FIFO)")
            #expect(loadFailure(zero) == "\(zero): not a regular file (a character device)")
            #expect(loadFailure(folder) == "\(folder): cannot read file (Is a directory)")
            #expect(loadFailure(folder + "/none.toml") == "\(folder)/none.toml: cannot read file (No such file or directory)")
            let big = folder + "/big.toml"
            #expect(FileManager.default.createFile(atPath: big, contents: nil))
            #expect(truncate(big, 2 << 20) == 0)
            #expect(loadFailure(big) == "\(big): the file is 2 MB; rotor reads files of at most 1 MB here")
            try "[display]\nlookback = \"3M\"\n".write(toFile: folder + "/ok.toml", atomically: true, encoding: .utf8)
            #expect(try RotorConfig.load(folder + "/ok.toml").lookback == .months3)
        }
    }

    /// A theme file that is a FIFO, a link to /dev/zero, too big or nested too deep
    /// is left out with its error; the other themes load (the start goes on).
    @Test(.timeLimit(.minutes(1))) func brokenThemeFilesAreLeftOut() throws {
        try withFolder { folder in
            #expect(mkfifo(folder + "/fifo.toml", 0o600) == 0)
            try FileManager.default.createSymbolicLink(atPath: folder + "/zero.toml", withDestinationPath: "/dev/zero")
            #expect(FileManager.default.createFile(atPath: folder + "/huge.toml", contents: nil))
            #expect(truncate(folder + "/huge.toml", 8 << 20) == 0)
            try ("[roles]\nup = " + String(repeating: "{ fg = ", count: 60_000)).write(toFile: folder + "/deep.toml", atomically: true, encoding: .utf8)
            try "[roles]\nup = \"blue\"\n".write(toFile: folder + "/mine.toml", atomically: true, encoding: .utf8)
            let catalog = ThemeCatalog(folders: [folder])
            #expect(catalog.names == ["default", "mine"])
            #expect(catalog.errors.map(\.description) == [
                "\(folder)/deep.toml:2: \(Self.tooDeep)",
                "\(folder)/fifo.toml: not a regular file (a FIFO)",
                "\(folder)/huge.toml: the file is 8 MB; rotor reads files of at most 1 MB here",
                "\(folder)/zero.toml: not a regular file (a character device)",
            ])
        }
    }

    func loadFailure(_ path: String) -> String? {
        do {
            _ = try RotorConfig.load(path)
            return nil
        } catch {
            return error.description
        }
    }

    func withFolder(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rotor-config-limits-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(folder)
    }
}
