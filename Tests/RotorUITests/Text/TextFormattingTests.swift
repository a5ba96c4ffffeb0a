import Testing
import RotorCore
@testable import RotorUI

@Suite struct TextFormattingTests {
    @Test func clippingKeepsTheStartAndMarksTheCut() {
        #expect(Truncation.clip("RTY/ES", width: 6) == "RTY/ES")
        #expect(Truncation.clip("RTY/ES", width: 5) == "RTY/…")
        #expect(Truncation.clip("RTY/ES", width: 1) == "…")
        #expect(Truncation.clip("RTY/ES", width: 0) == "")
        #expect(Truncation.clip("中文字", width: 4) == "中…")
        #expect(Truncation.clip("a中文", width: 3) == "a…")
    }

    @Test func fittingPadsToTheExactWidth() {
        #expect(Truncation.fit("12.5", width: 6, alignment: .right) == "  12.5")
        #expect(Truncation.fit("AAPL", width: 6, alignment: .left) == "AAPL  ")
        #expect(Truncation.fit("-1.2%", width: 7, alignment: .automatic) == "  -1.2%")
        #expect(Truncation.fit("NVDA", width: 7, alignment: .automatic) == "NVDA   ")
        #expect(Truncation.fit("中文字", width: 4, alignment: .left) == "中… ")
    }

    @Test func compactNumbersStayShort() {
        #expect(NumberLabel.compact(5712.25) == "5712")
        #expect(NumberLabel.compact(101.37) == "101.4")
        #expect(NumberLabel.compact(1.2345) == "1.23")
        #expect(NumberLabel.compact(0.01234) == "0.012")
        #expect(NumberLabel.compact(-0.0001) == "0.000")
        #expect(NumberLabel.compact(-0.355) == "-0.355")
        #expect(NumberLabel.compact(123_456) == "123.5k")
        #expect(NumberLabel.compact(-2_500_000) == "-2.5M")
        #expect(NumberLabel.fixed(2.5, decimals: 0) == "3")
        #expect(NumberLabel.fixed(-1.005, decimals: 1) == "-1.0")
        #expect(NumberLabel.fixed(7, decimals: 2) == "7.00")
        #expect(NumberLabel.percent(0.0041) == "+0.41%")
        #expect(NumberLabel.percent(-0.021) == "-2.10%")
    }

    @Test func numericTextIsRecognised() {
        for text in ["5712.25", "-1.2", "+0.41%", "12bp", "▲0.4%", "1,201", " 3 ", "2.1σ", "1.5x"] {
            #expect(NumberLabel.looksNumeric(text), "\(text)")
        }
        for text in ["AAPL", "", "-", "%", "n/a", "1d", "2s10s"] {
            #expect(!NumberLabel.looksNumeric(text), "\(text)")
        }
    }

    @Test func dateLabels() {
        let day = Day(year: 2025, month: 3, day: 4)!
        #expect(DateLabelFormat.iso.format(day) == "2025-03-04")
        #expect(DateLabelFormat.monthYear.format(day) == "Mar 25")
        #expect(DateLabelFormat.monthDay.format(day) == "03-04")
        #expect(DateLabelFormat.monthYear.format(Day(year: 2009, month: 12, day: 31)!) == "Dec 09")
    }

    @Test func styledLinesTruncateAcrossSpans() {
        let line = TextLine([Span("ab", style: .role(.up)), Span("cdef", style: .role(.down))])
        #expect(line.width == 6)
        #expect(line.truncated(to: 6) == line)
        #expect(line.truncated(to: 4) == TextLine([Span("ab", style: .role(.up)), Span("c…", style: .role(.down))]))
        #expect(line.truncated(to: 3) == TextLine([Span("ab", style: .role(.up)), Span("…", style: .role(.down))]))
    }
}
