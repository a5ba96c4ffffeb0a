import RotorCore
import Testing
@testable import RotorUI

/// The status bar's next event, counted in calendar days from the date on screen.
@Suite struct StatusEventTests {
    func day(_ text: String) -> Day { Day(parsing: text)! }
    let calendar = EventCalendar([
        MarketEvent(date: Day(parsing: "2024-07-11")!, kind: .cpi, label: "CPI (June)"),
        MarketEvent(date: Day(parsing: "2024-07-31")!, kind: .fomc, label: "FOMC rate decision"),
        MarketEvent(date: Day(parsing: "2024-06-12")!, kind: .fomc, label: "FOMC rate decision"),
        MarketEvent(date: Day(parsing: "2024-06-12")!, kind: .cpi, label: "CPI (May)"),
    ])

    func forms(_ date: String) -> [String] {
        StatusLine.eventForms(day(date), calendar).map { $0.spans.map(\.text).joined() }
    }

    @Test func countsDownAndNamesTheDay() {
        #expect(forms("2024-07-09") == ["CPI in 2d"])
        #expect(forms("2024-07-11") == ["CPI (June)", "CPI today"])
        #expect(forms("2024-07-12") == ["FOMC in 19d"])
        #expect(forms("2024-06-10") == ["CPI+FOMC in 2d"])
        #expect(forms("2024-06-12") == ["CPI (May) · FOMC rate decision", "CPI+FOMC today"])
        #expect(forms("2024-08-01").isEmpty)
        #expect(StatusLine.eventForms(day("2024-07-09"), calendar).first?.spans.first?.style == .role(.series5))
    }

    func bar(_ width: Int, _ date: String) -> String {
        var line = StatusLine(mode: "REPLAY", asOf: day(date), strip: AlertStrip([]),
                              feeds: FeedReport(summary: "replay 26 symbols, @universe"))
        line.events = calendar
        return Canvas.rendering(line.bar(AppState(width: width, height: 24)), width: width, height: 1).lines()[0]
    }

    /// After the date; at 80 columns it stays in place of the feeds summary, and it
    /// goes before the focus and the lookback when the bar is narrow. (The built-ins
    /// fill two pages, so the page shows beside the focus where there is room.)
    @Test func sitsAfterTheDateAndGivesWayEarly() {
        #expect(bar(120, "2024-07-09").hasPrefix(" REPLAY  2024-07-09  CPI in 2d  page 1/2 · 1:RTY/ES  1Y  replay 26 symbols, @universe"))
        #expect(bar(80, "2024-07-11") == " REPLAY  2024-07-11  CPI (June)  page 1/2 · 1:RTY/ES  1Y" + String(repeating: " ", count: 17) + "? help")
        #expect(bar(36, "2024-07-11") == " REPLAY  2024-07-11  1:RTY/ES  1Y")
        // No event: nothing between the date and the page; the feeds summary still
        // goes first at 80.
        #expect(bar(80, "2024-08-01") == " REPLAY  2024-08-01  page 1/2 · 1:RTY/ES  1Y" + String(repeating: " ", count: 29) + "? help")
        #expect(bar(120, "2024-08-01").hasPrefix(" REPLAY  2024-08-01  page 1/2 · 1:RTY/ES  1Y  replay"))
    }
}
