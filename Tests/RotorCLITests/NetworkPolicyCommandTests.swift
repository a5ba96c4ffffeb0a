import Foundation
import RotorTestSupport
import Testing

/// The network policy and the secrets rule as a user meets them in the binary:
/// a base_url the fetcher would refuse (or that crashed NIO) is a config error with
/// file and line; a key a server echoes never reaches the output.
@Suite struct NetworkPolicyCommandTests {
    static func config(baseURL: String) throws -> (folder: String, path: String) {
        let folder = try LiveCommandTests.temporaryFolder()
        let path = folder + "/rotor.toml"
        try """
        # a feed with its own base URL

        [[feeds]]
        symbol = "ES"
        provider = "yahoo"
        ticker = "ES=F"
        base_url = "\(baseURL)"
        """.write(toFile: path, atomically: true, encoding: .utf8)
        return (folder, path)
    }

    /// `base_url = "http://127.0.0.1:99999"` passed `check` as ok and then crashed
    /// the first fetch; `http://127.0.0.1:80@10.255.255.1` passed as loopback.
    @Test(arguments: [
        ("http://127.0.0.1:99999", "port 99999 is not in 1...65535"),
        ("http://127.0.0.1:80@10.255.255.1", "a user or password in the URL is not allowed"),
    ])
    func checkReportsARefusedBaseURLWithFileAndLine(url: String, why: String) throws {
        let (folder, path) = try Self.config(baseURL: url)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let r = try RotorProcess.run(["check", "--config", path], environment: ["XDG_CACHE_HOME": folder, "XDG_STATE_HOME": folder])
        #expect(r.status == 2, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout == "config: \(path):3: base_url: refusing \(url): \(why)\n", "\(r.stdout)")
        #expect(!r.stdout.contains(": ok"))
    }

    @Test func anOverrideWithABadPortIsAUsageErrorNotACrash() throws {
        let (folder, path) = try Self.config(baseURL: "https://example.com")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let r = try RotorProcess.run(["export", "--live", "--config", path, "ES"],
                                     environment: ["XDG_CACHE_HOME": folder, "XDG_STATE_HOME": folder,
                                                   "ROTOR_YAHOO_BASE_URL": "http://127.0.0.1:99999"])
        #expect(r.status == 2)
        #expect(r.stderr == "rotor: ROTOR_YAHOO_BASE_URL: refusing http://127.0.0.1:99999: port 99999 is not in 1...65535\n")
    }

    /// A server that puts the whole query string, key included, in its error.
    @Test func aKeyTheServerEchoesIsHidden() throws {
        let key = String(repeating: "e4", count: 16)
        let server = try LocalHTTPServer { path in
            .init(status: 400, text: #"{"error_code":400,"error_message":"bad api_key \#(key) in \#(path)"}"#)
        }
        defer { server.stop() }
        let folder = try LiveCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var env = LiveCommandTests.environment(server, cache: folder)
        env["FRED_API_KEY"] = key
        let r = try RotorProcess.run(["export", "--live", "US2Y"], environment: env)
        #expect(server.requests.contains { $0.contains("api_key=\(key)") })
        #expect(r.stderr.contains("(key hidden)"), "\(r.stderr)")
        #expect(!r.stderr.contains(key) && !r.stdout.contains(key))
    }
}
