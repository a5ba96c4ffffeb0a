import Foundation
import Testing
@testable import RotorData

/// The network policy as functions: these URLs are parsed and judged, never
/// connected to.
@Suite struct NetworkPolicyTests {
    func allowed(_ url: String) -> Bool { NetworkPolicy.refusal(for: url) == nil }

    @Test func httpsAnywherePlainHTTPOnlyToLoopback() {
        for url in ["https://query1.finance.yahoo.com/v8/finance/chart/ES=F", "https://example.com", "HTTPS://Example.COM:8443/x",
                    "http://127.0.0.1", "http://127.0.0.1:8080/x", "http://127.9.200.3:1/", "http://localhost:9/",
                    "http://LOCALHOST/", "http://[::1]:8080/", "http://[0:0:0:0:0:0:0:1]/", "HTTP://127.0.0.1/"] {
            #expect(allowed(url), "\(url)")
        }
        for url in ["http://example.com/x", "http://127.0.0.1.example.com/x", "http://10.255.255.1/",
                    "http://128.0.0.1/", "http://0177.0.0.1/", "http://0127.0.0.1/", "http://127.1/",
                    "http://127.0.0.256/", "http://2130706433/", "http://0x7f.0.0.1/", "http://[::2]/",
                    "http://[::ffff:127.0.0.1]/", "http://localhost.example.com/", "http://localhost./",
                    "ftp://127.0.0.1/", "file:///etc/passwd", "127.0.0.1:8080", "", "not a url", "https://"] {
            #expect(!allowed(url), "\(url)")
        }
    }

    /// `http://127.0.0.1:80@10.255.255.1` connects to 10.255.255.1 as user
    /// "127.0.0.1": a prefix check let it through.
    @Test func userinfoIsRefusedEvenWhenItLooksLikeLoopback() {
        #expect(NetworkPolicy.refusal(for: "http://127.0.0.1:80@10.255.255.1")
            == "refusing http://127.0.0.1:80@10.255.255.1: a user or password in the URL is not allowed")
        #expect(!allowed("http://127.0.0.1@10.255.255.1/"))
        #expect(!allowed("https://user:secret@example.com/"))
        #expect(!allowed("http://localhost@127.0.0.1/"))
    }

    @Test func portsOutsideTheRangeAreRefusedBeforeConnecting() {
        #expect(NetworkPolicy.refusal(for: "http://127.0.0.1:99999") == "refusing http://127.0.0.1:99999: port 99999 is not in 1...65535")
        #expect(!allowed("http://127.0.0.1:0/"))
        #expect(!allowed("https://example.com:65536/"))
        #expect(!allowed("http://127.0.0.1:99999999999999999999999/"))
        #expect(allowed("http://127.0.0.1:65535/") && allowed("https://example.com:1/"))
    }

    @Test func theRefusalEscapesWhatItQuotes() {
        let reason = NetworkPolicy.refusal(for: "http://example.com/\u{1B}]0;owned\u{07}") ?? ""
        #expect(!reason.contains("\u{1B}") && !reason.contains("\u{07}"))
        #expect(reason.hasPrefix("refusing http://example.com/\\e]0;owned\\x07"))
    }

    func target(_ url: String) -> NetworkPolicy.Target {
        guard case let .success(t) = NetworkPolicy.target(url) else { fatalError("\(url) must be allowed") }
        return t
    }

    func follows(_ from: String, _ location: String, hop: Int = 1) -> String? {
        guard case let .success(next) = NetworkPolicy.redirect(from: target(from), to: location, hop: hop) else { return nil }
        return next.url.absoluteString
    }

    @Test func redirects() {
        // To https: anywhere.
        #expect(follows("https://query1.finance.yahoo.com/a", "https://query2.finance.yahoo.com/b") == "https://query2.finance.yahoo.com/b")
        #expect(follows("http://127.0.0.1:8080/a", "https://example.com/b") == "https://example.com/b")
        // Relative locations resolve against the request's URL.
        #expect(follows("https://example.com/a/b?x=1", "/c?y=2") == "https://example.com/c?y=2")
        #expect(follows("http://127.0.0.1:8080/a/b", "c") == "http://127.0.0.1:8080/a/c")
        // Plain http: only from a loopback host to the same host, any port.
        #expect(follows("http://127.0.0.1:8080/a", "http://127.0.0.1:9090/b") == "http://127.0.0.1:9090/b")
        #expect(follows("http://localhost:8080/a", "http://localhost/b") == "http://localhost/b")
        #expect(follows("http://[::1]:8080/a", "http://[::1]:8081/b") == "http://[::1]:8081/b")
        // Never across hosts over http, not even between two loopback names.
        #expect(follows("http://127.0.0.1:8080/a", "http://10.255.255.1/b") == nil)
        #expect(follows("http://127.0.0.1:8080/a", "http://localhost:8080/b") == nil)
        #expect(follows("http://127.0.0.1:8080/a", "http://127.0.0.2:8080/b") == nil)
        #expect(follows("http://127.0.0.1:8080/a", "http://example.com/b") == nil)
        // https never downgrades to http, even to this machine.
        #expect(follows("https://example.com/a", "http://example.com/b") == nil)
        #expect(follows("https://example.com/a", "http://127.0.0.1/b") == nil)
        // The URL rules hold for every hop.
        #expect(follows("http://127.0.0.1:8080/a", "http://127.0.0.1:99999/") == nil)
        #expect(follows("https://example.com/a", "https://user:pw@example.com/") == nil)
        #expect(follows("http://127.0.0.1:8080/a", "http://127.0.0.1:80@10.255.255.1/") == nil)
        #expect(follows("https://example.com/a", "ftp://example.com/") == nil)
        // At most three.
        #expect(follows("https://example.com/a", "https://example.com/b", hop: 3) != nil)
        #expect(follows("https://example.com/a", "https://example.com/b", hop: 4) == nil)
    }

    @Test func redirectRefusalsSayWhy() {
        guard case let .failure(r) = NetworkPolicy.redirect(from: target("http://127.0.0.1:8080/a"), to: "http://127.0.0.1:99999/", hop: 1)
        else { Issue.record("must be refused"); return }
        #expect(r.reason == "refusing http://127.0.0.1:99999/: redirect: port 99999 is not in 1...65535")
        guard case let .failure(across) = NetworkPolicy.redirect(from: target("http://127.0.0.1:8080/a"), to: "http://localhost:8080/", hop: 1)
        else { Issue.record("must be refused"); return }
        #expect(across.reason == "refusing http://localhost:8080/: a redirect over http must stay on the same loopback host (127.0.0.1)")
        guard case let .failure(away) = NetworkPolicy.redirect(from: target("http://127.0.0.1:8080/a"), to: "http://10.0.0.1/", hop: 1)
        else { Issue.record("must be refused"); return }
        #expect(away.reason == "refusing http://10.0.0.1/: redirect: only https, or http to this machine (127.0.0.1, ::1, localhost)")
        guard case let .failure(many) = NetworkPolicy.redirect(from: target("https://example.com/"), to: "https://example.com/", hop: 4)
        else { Issue.record("must be refused"); return }
        #expect(many.reason == "refusing https://example.com/: more than 3 redirects")
    }
}
