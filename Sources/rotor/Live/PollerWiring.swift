import Foundation
import RotorConfig
import RotorData

/// Which provider fetches a feed: Yahoo's chart API (a main feed's first fetch takes
/// its whole history, a universe member's two years), FRED (with the API key of the
/// environment, else the config's; FRED always sends a series' whole history on a
/// first fetch), Cboe's index files, the CFTC's positioning reports or a local CSV
/// file, all sharing one HTTP client.
enum PollerWiring {
    static func providers(_ config: RotorConfig, environment: [String: String]) -> @Sendable (FeedSpec) -> any Provider {
        let apiKey = environment["FRED_API_KEY"].flatMap { $0.isEmpty ? nil : $0 } ?? config.fredAPIKey
        let fetcher = NetworkFetcher()
        return { spec in
            switch spec.kind {
            case .yahoo: YahooChart(fetcher: fetcher, baseURL: spec.baseURL, firstHistory: YahooChart.firstHistory(for: spec))
            case .fred: FRED(fetcher: fetcher, baseURL: spec.baseURL, apiKey: apiKey)
            case .csv: CSVFileProvider()
            case .cboe: Cboe(fetcher: fetcher, baseURL: spec.baseURL)
            case .cftc: CFTC(fetcher: fetcher, baseURL: spec.baseURL)
            }
        }
    }
}
