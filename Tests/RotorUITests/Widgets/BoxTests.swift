import Testing
@testable import RotorUI

@Suite struct BoxTests {
    @Test func plainBoxWithTitleAndNote() {
        let canvas = Canvas.rendering(Box(title: "1 RTY/ES", note: "3M"), width: 20, height: 3)
        #expect(canvas.lines() == [
            "┌ 1 RTY/ES ──── 3M ┐",
            "│                  │",
            "└──────────────────┘",
        ])
        #expect(canvas.style(of: span(x: 11, y: 0, width: 4)) == .role(.border))
        #expect(canvas.style(of: Rect(x: 0, y: 1, width: 1, height: 2)) == .role(.border))
        #expect(canvas.style(of: span(x: 1, y: 0, width: 10)) == .role(.title))
        #expect(canvas.style(of: span(x: 15, y: 0, width: 4)) == .role(.dim))
        #expect(canvas.style(of: span(x: 1, y: 1, width: 18)) == .plain)
    }

    @Test func innerRectIsInsideTheBorder() {
        let box = Box(title: "x")
        #expect(box.inner(of: Rect(x: 2, y: 3, width: 20, height: 5)) == Rect(x: 3, y: 4, width: 18, height: 3))
        #expect(Box.inner(of: Rect(x: 0, y: 0, width: 2, height: 2)).isEmpty)
    }

    @Test func focusedBoxIsHeavyWithAMarker() {
        let canvas = Canvas.rendering(Box(title: "1 RTY/ES", note: "3M", isFocused: true), width: 20, height: 3)
        #expect(canvas.lines() == [
            "┏ ▶ 1 RTY/ES ━━ 3M ┓",
            "┃                  ┃",
            "┗━━━━━━━━━━━━━━━━━━┛",
        ])
        #expect(canvas.style(of: span(x: 0, y: 2, width: 20)) == .role(.focusBorder))
        #expect(canvas.style(of: span(x: 1, y: 0, width: 12)) == .role(.title))
    }

    @Test func focusedBoxCanUseADoubleBorder() {
        let box = Box(title: "5 RATES", isFocused: true, focusedBorder: .double, focusMarker: "»")
        #expect(Canvas.rendering(box, width: 14, height: 3).lines() == [
            "╔ » 5 RATES ═╗",
            "║            ║",
            "╚════════════╝",
        ])
    }

    @Test func warningBoxUsesTheWarnRole() {
        let canvas = Canvas.rendering(Box(title: "4 BREADTH", note: "stale 3d", isWarning: true), width: 26, height: 3)
        #expect(canvas.lines() == [
            "┌ 4 BREADTH ─── stale 3d ┐",
            "│                        │",
            "└────────────────────────┘",
        ])
        #expect(canvas.style(of: Rect(x: 0, y: 1, width: 1, height: 2)) == .role(.warn))
        #expect(canvas.style(of: span(x: 1, y: 0, width: 11)) == Style.role(.warn).bold())
        #expect(canvas.style(of: span(x: 15, y: 0, width: 10)) == .role(.warn))
    }

    @Test func focusedWarningKeepsTheShapeAndTakesTheWarnColour() {
        let canvas = Canvas.rendering(Box(title: "2 MAG7", isFocused: true, isWarning: true), width: 14, height: 2)
        #expect(canvas.lines() == ["┏ ▶ 2 MAG7 ━━┓", "┗━━━━━━━━━━━━┛"])
        #expect(canvas.style(of: span(x: 0, y: 1, width: 14)) == .role(.warn))
        #expect(canvas.style(of: span(x: 1, y: 0, width: 10)) == Style.role(.warn).bold())
    }

    @Test func longTitleIsClippedAndTheNoteDropped() {
        let box = Box(title: "2 MAG7 vs SPX relative", note: "3M")
        #expect(Canvas.rendering(box, width: 16, height: 2).lines() == [
            "┌ 2 MAG7 vs S… ┐",
            "└──────────────┘",
        ])
    }

    @Test func theNoteGoesBeforeTheTitleIsClipped() {
        let box = Box(title: "3 VOL PREMIUM", note: "1Y")
        #expect(Canvas.rendering(box, width: 22, height: 2).lines()[0] == "┌ 3 VOL PREMIUM ─ 1Y ┐")
        #expect(Canvas.rendering(box, width: 21, height: 2).lines()[0] == "┌ 3 VOL PREMIUM ────┐")
        #expect(Canvas.rendering(box, width: 12, height: 2).lines()[0] == "┌ 3 VOL P… ┐")
    }

    @Test func tinyBoxes() {
        #expect(Canvas.rendering(Box(title: "1 RTY/ES"), width: 2, height: 2).lines() == ["┌┐", "└┘"])
        #expect(Canvas.rendering(Box(title: "1 RTY/ES"), width: 6, height: 2).lines() == ["┌ 1… ┐", "└────┘"])
        #expect(Canvas.rendering(Box(title: "1 RTY/ES"), width: 5, height: 2).lines() == ["┌───┐", "└───┘"])
        #expect(Canvas.rendering(Box(title: "1 RTY/ES"), width: 4, height: 2).lines() == ["┌──┐", "└──┘"])
        #expect(Canvas.rendering(Box(title: "1 RTY/ES"), width: 1, height: 5).lines().allSatisfy { $0.isEmpty })
        var canvas = Canvas(width: 0, height: 0)
        canvas.render(Box(title: "x"))
        #expect(canvas.lines() == [])
    }

    @Test func boxPartlyOffTheCanvasIsClippedNotMoved() {
        var canvas = Canvas(width: 6, height: 3)
        canvas.render(Box(title: ""), area: Rect(x: 2, y: 1, width: 10, height: 4))
        #expect(canvas.lines() == ["", "  ┌───", "  │"])
    }
}
