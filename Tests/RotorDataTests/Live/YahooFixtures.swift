import Foundation

/// Responses of the shapes PROVIDERS.md records for Yahoo's chart API.
enum YahooFixtures {
    /// Two daily bars of a future, the second close null (PROVIDERS.md's sample).
    static let future = """
    {"chart":{"result":[{"meta":{"currency":"USD","symbol":"ES=F","exchangeName":"CME",
      "instrumentType":"FUTURE","gmtoffset":-18000,"timezone":"EST",
      "exchangeTimezoneName":"America/New_York","regularMarketPrice":5712.25,
      "regularMarketTime":1732136400,"chartPreviousClose":5690.5,"dataGranularity":"1d",
      "range":"2y","validRanges":["1d","5d","1mo","3mo","6mo","1y","2y","5y","10y","ytd","max"],
      "someNewField":{"nested":[1,2,3]}},
     "timestamp":[1731992400,1732078800],
     "indicators":{"quote":[{"open":[5701.0,5705.5],"high":[5720.25,5718.0],
       "low":[5688.75,5699.25],"close":[5704.5,null],"volume":[1203344,987221]}],
       "adjclose":[{"adjclose":[5704.5,null]}]}}],"error":null}}
    """

    /// Equity bars stamped at the 09:30 New York open, with a trading period.
    static func equity(closes: [Double?], firstStamp: Int = 1_732_026_600, regular: (Int, Int)? = nil) -> String {
        let stamps = closes.indices.map { String(firstStamp + 86_400 * $0) }.joined(separator: ",")
        let values = closes.map { $0.map { String($0) } ?? "null" }.joined(separator: ",")
        let period = regular.map { #","currentTradingPeriod":{"regular":{"start":\#($0.0),"end":\#($0.1),"gmtoffset":-18000,"timezone":"EST"}}"# } ?? ""
        return #"{"chart":{"result":[{"meta":{"symbol":"AAPL","exchangeTimezoneName":"America/New_York"\#(period)},"timestamp":[\#(stamps)],"indicators":{"quote":[{"close":[\#(values)]}],"adjclose":[{"adjclose":[\#(values)]}]}}],"error":null}}"#
    }

    static let notFound = #"{"chart":{"result":null,"error":{"code":"Not Found","description":"No data found, symbol may be delisted"}}}"#
    static let emptyResult = #"{"chart":{"result":[],"error":null}}"#
    static let nullEverywhere = #"{"chart":{"result":[{"meta":{},"timestamp":[1732026600,1732113000],"indicators":{"quote":[{"open":[null,null],"close":[null,null]}]}}],"error":null}}"#
    static let wrongShape = #"{"quoteResponse":{"result":[]}}"#
    static let html500 = "<!DOCTYPE html><html><body><h1>Internal Server Error</h1></body></html>"
}
