import Foundation

/// A local stand-in for Yahoo's chart API, FRED's CSV download and Cboe's index
/// history files: every ticker
/// gets a deterministic random walk of daily bars ending today, except those told
/// to fail, which answer as the real services do when they fail.
public enum FakeMarketServer {
    public enum Failure: Sendable {
        case notFound
        case rateLimited(retryAfter: Int)
        case serverError
        /// A 429 whose Retry-After is this text, as a hostile server sends it
        /// (`nan`, `1e300`, twenty digits).
        case rateLimitedSaying(String)
        /// The headers and part of the body, then nothing until the client hangs up.
        case stall
        /// The normal history plus one bar dated 3000-01-01 (Yahoo) or a row of that
        /// date (FRED).
        case barInYear3000
    }

    /// Starts the server; `failing` maps a ticker (as Yahoo or FRED names it) to how it fails.
    public static func start(failing: [String: Failure] = [:]) throws -> LocalHTTPServer {
        try LocalHTTPServer { path in
            let route = String(path.prefix { $0 != "?" })
            let query = path.drop { $0 != "?" }.dropFirst()
            if route.hasPrefix("/v8/finance/chart/") {
                let ticker = String(route.dropFirst("/v8/finance/chart/".count)).removingPercentEncoding ?? ""
                if case .barInYear3000? = failing[ticker] {
                    return LocalHTTPServer.Reply(headers: ["Content-Type": "application/json"], text: chart(ticker, year3000: true))
                }
                if let failure = failing[ticker] { return reply(failure) }
                return LocalHTTPServer.Reply(headers: ["Content-Type": "application/json"], text: chart(ticker))
            }
            if route == "/graph/fredgraph.csv" {
                let id = query.split(separator: "&").first { $0.hasPrefix("id=") }.map { String($0.dropFirst(3)) } ?? ""
                if case .barInYear3000? = failing[id] {
                    return LocalHTTPServer.Reply(headers: ["Content-Type": "text/csv"], text: fred(id) + "3000-01-01,4.5\n")
                }
                if let failure = failing[id] { return reply(failure) }
                return LocalHTTPServer.Reply(headers: ["Content-Type": "text/csv"], text: fred(id))
            }
            let cboe = (prefix: "/api/global/us_indices/daily_prices/", suffix: "_History.csv")
            if route.hasPrefix(cboe.prefix), route.hasSuffix(cboe.suffix) {
                let symbol = String(route.dropFirst(cboe.prefix.count).dropLast(cboe.suffix.count))
                if let failure = failing[symbol] { return reply(failure) }
                return LocalHTTPServer.Reply(headers: ["Content-Type": "text/csv"], text: cboeHistory(symbol))
            }
            return LocalHTTPServer.Reply(status: 404, text: "no route")
        }
    }

    static func reply(_ failure: Failure) -> LocalHTTPServer.Reply {
        switch failure {
        case .notFound:
            return .init(status: 404, text: #"{"chart":{"result":null,"error":{"code":"Not Found","description":"No data found, symbol may be delisted"}}}"#)
        case let .rateLimited(after):
            return .init(status: 429, headers: ["Retry-After": "\(after)"], text: "Too Many Requests")
        case .serverError:
            return .init(status: 500, text: "<html><body>Internal Server Error</body></html>")
        case let .rateLimitedSaying(text):
            return .init(status: 429, headers: ["Retry-After": text], text: "Too Many Requests")
        case .stall:
            return .init(headers: ["Content-Type": "application/json"], text: chart("STALL"), pacing: .stall(afterBytes: 20))
        case .barInYear3000:
            return .init(status: 500, text: "unreachable: answered by the route")
        }
    }

    /// Business days ending today, oldest first, as epoch seconds of 09:30 New York.
    static func sessions(_ count: Int) -> [Int] {
        var out: [Int] = []
        var t = (Int(Date().timeIntervalSince1970) / 86_400) * 86_400 + 14 * 3600 + 1800
        while out.count < count {
            let weekday = ((t / 86_400) + 4) % 7 // 0 = Sunday
            if weekday != 0 && weekday != 6 { out.append(t) }
            t -= 86_400
        }
        return out.reversed()
    }

    static func walk(_ name: String, count: Int, start: Double, step: Double) -> [Double] {
        var state = name.utf8.reduce(UInt64(1469598103934665603)) { ($0 ^ UInt64($1)) &* 1099511628211 }
        var x = start
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let u = Double(state >> 11) / Double(1 << 53) - 0.5
            x = max(0.01, x * (1 + step * u))
            return (x * 100).rounded() / 100
        }
    }

    public static func chart(_ ticker: String, year3000: Bool = false) -> String {
        let stamps = sessions(320) + (year3000 ? [32_503_714_200] : []) // 3000-01-01 14:30 UTC
        let closes = walk(ticker, count: stamps.count, start: ticker.hasPrefix("^V") ? 18 : 150, step: 0.04)
        return #"{"chart":{"result":[{"meta":{"symbol":"\#(ticker)","exchangeTimezoneName":"America/New_York"},"timestamp":[\#(stamps.map(String.init).joined(separator: ","))],"indicators":{"quote":[{"close":[\#(closes.map { String($0) }.joined(separator: ","))]}]}}],"error":null}}"#
    }

    /// Cboe's shape: `DATE,OPEN,HIGH,LOW,CLOSE`, dates `MM/DD/YYYY`, oldest first.
    public static func cboeHistory(_ symbol: String) -> String {
        let stamps = sessions(320)
        let closes = walk(symbol, count: stamps.count, start: 20, step: 0.05)
        let f = DateFormatter()
        f.dateFormat = "MM/dd/yyyy"
        f.timeZone = TimeZone(identifier: "UTC")
        var lines = ["DATE,OPEN,HIGH,LOW,CLOSE"]
        for (t, c) in zip(stamps, closes) {
            lines.append("\(f.string(from: Date(timeIntervalSince1970: Double(t)))),\(c),\(c),\(c),\(c)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func fred(_ id: String) -> String {
        let stamps = sessions(320)
        let values = walk(id, count: stamps.count, start: id == "DGS2" ? 4 : 4.3, step: 0.02)
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd"
        f.timeZone = TimeZone(identifier: "UTC")
        var lines = ["observation_date,\(id)"]
        for (i, (t, v)) in zip(stamps, values).enumerated() {
            lines.append("\(f.string(from: Date(timeIntervalSince1970: Double(t)))),\(i % 60 == 59 ? "" : String(v))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
