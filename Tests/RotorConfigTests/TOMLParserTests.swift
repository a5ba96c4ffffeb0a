import Testing
@testable import RotorConfig

@Suite struct TOMLParserTests {
    @Test func valuesTablesAndLines() throws {
        let doc = try TOMLParser.parse("""
        # a comment
        title = "a \\"quoted\\" \\u00e9 word"   # trailing comment
        path = 'C:\\raw'
        n = 1_000
        x = -2.5e-1
        on = true
        list = [
          "a",   # inside
          "b",
        ]
        point = { x = 1, y = 2 }
        dotted.key = "d"
        "quoted key" = 3

        [server.http]
        port = 8080

        [[pairs]]
        a = 1
        [[pairs]]
        a = 2
        """)
        #expect(doc["title"] == TOMLItem(.string("a \"quoted\" é word"), line: 2))
        #expect(doc["path"]?.value == .string("C:\\raw"))
        #expect(doc["n"]?.value == .integer(1000))
        #expect(doc["x"]?.value == .float(-0.25))
        #expect(doc["on"]?.value == .bool(true))
        guard case let .array(list)? = doc["list"]?.value else { Issue.record("list"); return }
        #expect(list.map(\.value) == [.string("a"), .string("b")] && list.map(\.line) == [8, 9])
        guard case let .table(point)? = doc["point"]?.value else { Issue.record("point"); return }
        #expect(point["y"]?.value == .integer(2))
        guard case let .table(dotted)? = doc["dotted"]?.value else { Issue.record("dotted"); return }
        #expect(dotted["key"]?.value == .string("d"))
        #expect(doc["quoted key"]?.value == .integer(3))
        guard case let .table(server)? = doc["server"]?.value, case let .table(http)? = server["http"]?.value else {
            Issue.record("server.http"); return
        }
        #expect(http["port"] == TOMLItem(.integer(8080), line: 16))
        guard case let .array(pairs)? = doc["pairs"]?.value else { Issue.record("pairs"); return }
        #expect(pairs.count == 2 && pairs.map(\.line) == [18, 20])
        if case let .table(second) = pairs[1].value { #expect(second["a"] == TOMLItem(.integer(2), line: 21)) }
        #expect(doc.keys == ["title", "path", "n", "x", "on", "list", "point", "dotted", "quoted key", "server", "pairs"])
    }

    @Test func crlfAndByteOrderMark() throws {
        let doc = try TOMLParser.parse("\u{FEFF}a = 1\r\nb = \"two\"\r\n")
        #expect(doc["b"] == TOMLItem(.string("two"), line: 2))
    }

    @Test(arguments: [
        ("a = \"open\n", 1, "unterminated string"),
        ("a = 1\na = 2\n", 2, "duplicate key a (first on line 1)"),
        ("[t]\nx = 1\n[t]\n", 3, "table [t] is defined twice"),
        ("a = \"\"\"long\"\"\"\n", 1, "multi-line strings are not supported here"),
        ("\nday = 2024-01-02\n", 2, "dates are not supported here; write 2024-01-02 as a string: \"2024-01-02\""),
        ("a 1\n", 1, "expected =, found '1'"),
        ("a = 1 2\n", 1, "unexpected '2' after the value"),
        ("a = [1, 2\n", 2, "unterminated array"),
        ("a = fast\n", 1, "cannot read fast as a value (strings need quotes)"),
        ("a = 1\na.b = 2\n", 2, "a is already a value (line 1), not a table"),
        ("[display\n", 1, "expected ], found a line end"),
    ])
    func errorsNameTheLine(text: String, line: Int, message: String) {
        #expect(throws: TOMLParser.SyntaxError(line: line, message: message)) { try TOMLParser.parse(text) }
    }
}
