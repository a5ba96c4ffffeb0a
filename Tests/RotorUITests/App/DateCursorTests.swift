import RotorCore
import Testing
@testable import RotorUI

/// The date cursor through `update`: `c` shows it on now, left/right step a session,
/// H/L and the shifted arrows 20, Home/End the ends, Esc and `c` leave; never before
/// the data or past now; it stays on its date while the replay moves on.
@Suite struct DateCursorTests {
    static let days = (0..<400).map { Day(year: 2025, month: 1, day: 2)!.adding(days: $0) }
    /// A model whose dates are `days` (ES on each).
    static let model = DashboardModel(data: MarketData(symbols: [
        "ES": Series(dates: days, values: days.indices.map { 5000 + Double($0) }),
    ]))

    static func replay() -> DashboardState {
        DashboardState(app: AppState(width: 120, height: 40), model: model, report: FeedReport(summary: "replay"),
                       feed: .replay(ReplayCursor(model: model, speed: 1)))
    }

    func press(_ keys: [Key], _ state: inout DashboardState) -> [Effect] {
        keys.flatMap { update(&state, .key($0)) }
    }

    @Test func movesOverTheSessionsUpToNow() {
        let d = Self.days, now = d[300]
        func moved(_ from: Day?, _ move: CursorMove) -> Day? { DateCursor.moved(from, move, dates: d, now: now) }
        #expect(moved(nil, .show) == now)
        #expect(moved(nil, .step(-1)) == d[299])
        #expect(moved(d[10], .step(-20)) == d[0])
        #expect(moved(d[290], .step(20)) == now) // never past now
        #expect(moved(d[5], .last) == now && moved(d[5], .first) == d[0])
        // A cursor past now (the data went back) is read as now; one between sessions as the one before.
        #expect(moved(d[350], .step(0)) == now)
        let sparse = [d[0], d[7], d[14]]
        #expect(DateCursor.moved(d[9], .step(1), dates: sparse, now: d[14]) == d[14])
        #expect(DateCursor.moved(d[9], .show, dates: sparse, now: d[14]) == d[7])
        #expect(DateCursor.moved(nil, .show, dates: [], now: now) == nil)
        #expect(DateCursor.moved(nil, .show, dates: [d[5]], now: d[1]) == nil)
    }

    @Test func screenKeysAskForMovesAndLeave() {
        var s = AppState(width: 120, height: 40)
        #expect(update(&s, .key(.character("c"))) == [.moveCursor(.show)])
        #expect(update(&s, .key(.left)) == [] && s.focus == 0) // hidden: focus keys as ever
        #expect(update(&s, .key(.character("H"))) == [.moveCursor(.step(-20))])
        s.cursor = Self.days[3]
        #expect(update(&s, .key(.left)) == [.moveCursor(.step(-1))])
        #expect(update(&s, .key(.character("h"))) == [.moveCursor(.step(-1))])
        #expect(update(&s, .key(.right)) == [.moveCursor(.step(1))] && s.focus == 0)
        #expect(update(&s, .key(.shiftLeft)) == [.moveCursor(.step(-20))])
        #expect(update(&s, .key(.shiftRight)) == [.moveCursor(.step(20))])
        #expect(update(&s, .key(.character("L"))) == [.moveCursor(.step(20))])
        #expect(update(&s, .key(.home)) == [.moveCursor(.first)])
        #expect(update(&s, .key(.end)) == [.moveCursor(.last)])
        // Up and down still move the focus under the cursor.
        _ = update(&s, .key(.down))
        #expect(s.focus != 0 && s.cursor == Self.days[3])
        // Esc leaves the cursor first, then the zoom; `c` leaves it too.
        _ = update(&s, .key(.enter))
        _ = update(&s, .key(.escape))
        #expect(s.cursor == nil && s.zoomed)
        _ = update(&s, .key(.escape))
        #expect(!s.zoomed)
        s.cursor = Self.days[3]
        #expect(update(&s, .key(.character("c"))) == [] && s.cursor == nil)
    }

    @Test func keysOnTheReplay() throws {
        var s = Self.replay()
        let d = Self.days, now = 400 - 1 - 252
        #expect(s.asOf == d[now] && s.screenDate == d[now])
        // The moves never reach the shell.
        #expect(press([.character("c")], &s).isEmpty)
        #expect(s.app.cursor == d[now])
        _ = press([.left, .left, .left], &s)
        #expect(s.app.cursor == d[now - 3] && s.screenDate == d[now - 3] && s.asOf == d[now])
        _ = press([.character("H")], &s)
        #expect(s.app.cursor == d[now - 23])
        _ = press([.shiftRight], &s)
        #expect(s.app.cursor == d[now - 3])
        _ = press([.character("L")], &s)
        #expect(s.app.cursor == d[now]) // stops at now
        _ = press([.home], &s)
        #expect(s.app.cursor == d[0])
        _ = press([.left], &s)
        #expect(s.app.cursor == d[0])
        _ = press([.end], &s)
        #expect(s.app.cursor == d[now])
        _ = press([.escape], &s)
        #expect(s.app.cursor == nil && s.screenDate == d[now])
    }

    @Test func theCursorStaysOnItsDateWhileTheReplayMovesOn() {
        var s = Self.replay()
        let d = Self.days, now = 400 - 1 - 252
        _ = press([.character("c"), .left], &s)
        for t in 1...5 { _ = update(&s, .tick(at: .seconds(t), clock: "")) }
        #expect(s.asOf == d[now + 5] && s.app.cursor == d[now - 1] && s.screenDate == d[now - 1])
        // It can now go where the replay has been, and no further.
        _ = press(Array(repeating: .right, count: 9), &s)
        #expect(s.app.cursor == d[now + 5])
        // The status bar says both dates.
        let bar = view(s).lines().last ?? ""
        #expect(bar.contains("REPLAY  1x  \(d[now + 5].iso) · CURSOR \(d[now + 5].iso)"))
    }

    @Test func liveUpToTheLastDate() {
        var s = DashboardState(app: AppState(width: 80, height: 24), model: Self.model,
                               report: FeedReport(summary: "feeds ok 1/1"), feed: .live(LiveCursor(version: 1)))
        _ = press([.character("c"), .right], &s)
        #expect(s.app.cursor == Self.days.last)
        _ = press([.shiftLeft, .left], &s)
        #expect(s.app.cursor == Self.days[399 - 21])
        #expect(view(s).lines().last?.contains("\(Self.days[399].iso) · CURSOR \(Self.days[378].iso)") == true)
    }

    @Test func withoutDataThereIsNoCursor() {
        var s = DashboardState(app: AppState(width: 80, height: 24), model: DashboardModel(data: MarketData()),
                               report: FeedReport(summary: ""), feed: .live(LiveCursor(version: 0)))
        _ = press([.character("c"), .home], &s)
        #expect(s.app.cursor == nil && s.screenDate == nil)
    }

    @Test func theHelpSaysWhatTheKeysDoWithTheCursor() {
        let lines = KeyMap.standard.helpLines(for: .standard)
        #expect(lines.contains { $0.hasPrefix("c ") && $0.contains("date cursor") })
        #expect(lines.contains { $0.hasPrefix("h Left ") && $0.contains("or cursor a session back") })
        #expect(lines.contains { $0.hasPrefix("H Shift-Left ") && $0.contains("20 sessions back") })
        #expect(lines.contains { $0.hasPrefix("Home ") } && lines.contains { $0.hasPrefix("End ") })
        #expect(lines.contains { $0.hasPrefix("Esc ") && $0.contains("leave the cursor") })
        #expect(Action(rawValue: "cursor") == .cursor && Action(rawValue: "cursor_back_20") == .cursorJumpBack)
        #expect(KeyMap.parseKey("shift-left") == .shiftLeft && KeyMap.parseKey("Shift-Right") == .shiftRight)
        // Remapped, the new key moves it.
        var s = AppState(width: 120, height: 40)
        s.keys = KeyMap.standard.rebinding([.cursor: [.character("x")]])
        #expect(update(&s, .key(.character("x"))) == [.moveCursor(.show)])
        #expect(update(&s, .key(.character("c"))) == [])
    }
}
