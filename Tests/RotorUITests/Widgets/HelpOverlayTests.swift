import Testing
@testable import RotorUI

@Suite struct HelpOverlayTests {
    static let keys = HelpSection(title: "keys", entries: [.init("q", "quit"), .init("?", "this help")], termWidth: 4)
    static let terms = HelpSection(title: "terms", entries: [
        .init("bp", "basis point: 0.01 percentage point"),
        .init("pct", "percentile rank of the last 252 sessions"),
    ], termWidth: 5)
    static let footer = [TextLine("Esc close   q quit"), TextLine("j k scroll")]

    @Test func entriesWrapUnderTheirTermAndTheFooterStays() {
        let help = HelpOverlay(title: "help", sections: [Self.keys, Self.terms], footer: Self.footer)
        #expect(Canvas.rendering(help, width: 36, height: 14).lines() == [
            "",
            "┏ help ━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓",
            "┃ keys                             ┃",
            "┃ q   quit                         ┃",
            "┃ ?   this help                    ┃",
            "┃                                  ┃",
            "┃ terms                            ┃",
            "┃ bp   basis point: 0.01           ┃",
            "┃      percentage point            ┃",
            "┃ pct  percentile rank of the last ┃",
            "┃      252 sessions                ┃",
            "┃ Esc close   q quit   j k scroll  ┃",
            "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛",
            "",
        ])
        #expect(Canvas.rendering(help, width: 36, height: 14).style(of: span(x: 2, y: 2, width: 4)) == Style.role(.title).bold())
    }

    /// Short of rows it scrolls: the hint says how much is below and above, the
    /// footer keeps its row, and the close and quit segments outlast the rest.
    @Test func scrollsWithAHintAndNeverPastTheEnd() {
        var help = HelpOverlay(title: "help", sections: [Self.keys, Self.terms], footer: Self.footer)
        let area = Rect(x: 0, y: 0, width: 36, height: 7)
        let layout = help.layout(in: area)
        #expect(layout.rows == 4 && layout.lines.count == 9 && layout.maxScroll == 5)
        var lines = Canvas.rendering(help, width: 36, height: 7).lines()
        #expect(lines[1] == "┃ keys                             ┃")
        // No room for the scroll keys beside the hint: they go, close and quit stay.
        #expect(lines[5] == "┃ Esc close   q quit      ↓ 5 more ┃")
        help.scroll = 4
        lines = Canvas.rendering(help, width: 36, height: 7).lines()
        #expect(lines[1] == "┃ terms                            ┃")
        #expect(lines[5] == "┃ Esc close   q quit      ↓ 1 more ┃")
        help.scroll = 99
        lines = Canvas.rendering(help, width: 36, height: 7).lines()
        #expect(lines[4] == "┃      252 sessions                ┃")
        #expect(lines[5] == "┃ Esc close   q quit     ↑ 5 above ┃")
        // With room, both directions and the scroll keys.
        help.scroll = 2
        #expect(Canvas.rendering(help, width: 60, height: 6).lines()[4]
            == "┃ Esc close   q quit   j k scroll      ↑ 2 above  ↓ 2 more ┃")
    }

    /// Wide enough for two readable columns, a text that needs them is split
    /// between sections, and the frame is as tall as the taller column.
    @Test func twoColumnsSplitBetweenSections() {
        let long = HelpSection(title: "more", entries: (1...6).map { .init("t\($0)", "entry \($0)") }, termWidth: 4)
        let help = HelpOverlay(title: "help", sections: [Self.keys, long], footer: Self.footer)
        let area = Rect(x: 0, y: 0, width: 2 * HelpOverlay.minimumColumn + HelpOverlay.gap + 4, height: 10)
        let layout = help.layout(in: area)
        #expect(layout.columns == 2 && layout.maxScroll == 0)
        #expect(layout.starts(scroll: 0) == [0, 4])
        #expect(layout.frame.height == 7 + 3)
        let canvas = Canvas.rendering(help, width: area.width, height: area.height)
        let right = 2 + HelpOverlay.minimumColumn + HelpOverlay.gap
        #expect(canvas.text(x: 2, y: 1, width: 4) == "keys" && canvas.text(x: right, y: 1, width: 4) == "more")
        #expect(canvas.text(x: right, y: 7, width: 10) == "t6  entry ")
        // When it fits in one column, one column it is.
        #expect(HelpOverlay(title: "help", sections: [Self.keys], footer: Self.footer).layout(in: area).columns == 1)
    }

    @Test func anyAreaIsSafe() {
        let help = HelpOverlay(title: "help", sections: [Self.keys, Self.terms], scroll: 3, footer: Self.footer)
        for width in 0...12 {
            for height in 0...8 {
                let canvas = Canvas.rendering(help, width: width, height: height)
                #expect(canvas.lines().count == height)
            }
        }
    }

    @Test func wordWrap() {
        #expect(WordWrap.lines("a bb ccc dddd", width: 6) == ["a bb", "ccc", "dddd"])
        #expect(WordWrap.lines("abcdefgh", width: 3) == ["abc", "def", "gh"])
        #expect(WordWrap.lines("", width: 5) == [""])
        #expect(WordWrap.lines("  two   spaces ", width: 20) == ["two spaces"])
        #expect(WordWrap.lines("日本語", width: 4) == ["日本", "語"])
        #expect(WordWrap.lines("x y", width: 0) == ["x", "y"])
    }
}
