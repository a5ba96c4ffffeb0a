public import Foundation
public import RotorCore

/// A CSV file on disk as a live feed (a file another program keeps writing): the
/// ticker is its path.
public struct CSVFileProvider: Provider {
    public init() {}

    public func fetch(_ ticker: String, since: Day?, now: Date) async throws(FeedError) -> Bars {
        guard FileManager.default.fileExists(atPath: ticker) else { throw .connection("\(ticker): no such file") }
        do {
            guard case let .series(s) = try CSVImporter.read(path: ticker) else {
                throw FeedError.badResponse("\(ticker): a wide file, not one series")
            }
            guard !s.isEmpty else { throw FeedError.empty }
            // A file written on this machine: its dates are this machine's.
            return Bars(series: try refusingFutureBars(s, zone: .current, now: now))
        } catch let error as FeedError {
            throw error
        } catch {
            throw .badResponse("\(error)")
        }
    }
}
