import Foundation
import RotorConfig
import RotorData

/// The feeds a config's `[[feeds]]` ask for: one `FeedSpec` per symbol, a universe
/// (`symbol = "@name"` with `members = FILE`) expanded to one per member, paths made
/// relative to the config's folder, base URLs checked by the network policy.
enum FeedList {
    static func specs(_ config: RotorConfig, configPath: String?, environment: [String: String]) throws -> [FeedSpec] {
        let base = configPath.map { ($0 as NSString).deletingLastPathComponent } ?? "."
        var specs: [FeedSpec] = []
        for feed in config.feeds {
            let kind = FeedSpec.Kind(rawValue: feed.provider.rawValue)!
            let override = baseURLOverride(kind, environment: environment)
            let url = override ?? feed.baseURL
            if let url, let refused = NetworkPolicy.refusal(for: url) {
                let place = override != nil ? "ROTOR_\(kind.rawValue.uppercased())_BASE_URL"
                    : "\(configPath ?? "config"):\(feed.line): base_url"
                throw CommandFailure.usage("\(place): \(refused)")
            }
            if feed.symbol.hasPrefix("@"), let file = feed.members {
                let path = file.hasPrefix("/") ? file : (base as NSString).appendingPathComponent(file)
                let members = try readMembers(path)
                specs += members.map { FeedSpec(symbol: $0, kind: kind, interval: feed.interval, baseURL: url,
                                                universe: String(feed.symbol.dropFirst())) }
            } else {
                let ticker = kind == .csv && !feed.ticker.hasPrefix("/") ? (base as NSString).appendingPathComponent(feed.ticker) : feed.ticker
                specs.append(FeedSpec(symbol: feed.symbol, kind: kind, ticker: ticker, interval: feed.interval, baseURL: url))
            }
        }
        return specs
    }

    /// Base URLs from the environment win over the config's, so a test or a proxy can
    /// redirect every feed of a provider: `ROTOR_YAHOO_BASE_URL`, `ROTOR_FRED_BASE_URL`,
    /// `ROTOR_CBOE_BASE_URL`, `ROTOR_CFTC_BASE_URL` (a CSV file has none).
    static func baseURLOverride(_ kind: FeedSpec.Kind, environment: [String: String]) -> String? {
        guard kind != .csv else { return nil }
        return environment["ROTOR_\(kind.rawValue.uppercased())_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Tickers one a line; blank lines and `#` comments are skipped.
    static func readMembers(_ path: String) throws -> [String] {
        let data = try UserFile.read(path, what: "the universe's member file", limit: 16 << 20)
        var out: [String] = []
        for (n, raw) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map {
                $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard !line.isEmpty else { continue }
            guard line.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }) else {
                throw CommandFailure.usage("\(path):\(n + 1): '\(line)' is not a ticker")
            }
            out.append(line)
        }
        guard !out.isEmpty else { throw CommandFailure.usage("\(path): no member tickers") }
        return out
    }
}
