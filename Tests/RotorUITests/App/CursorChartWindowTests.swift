import RotorCore
import Testing
@testable import RotorUI

/// Where a chart's window is with the date cursor shown: on now while the cursor is
/// in it; centred on the cursor once it is before it, whole at the data's start and
/// never past now; the values of the cursor's date.
@Suite struct CursorChartWindowTests {
    let d = DateCursorTests.days
    var model: DashboardModel { DateCursorTests.model }

    func reader(cursor: Int?, now: Int = 399, lookback: Lookback = .month1) -> PaneReader {
        PaneReader(model: model, now: d[now], cursor: cursor.map { d[$0] }, lookback: lookback)
    }

    func chartEnd(cursor: Int?, now: Int = 399) -> Day { reader(cursor: cursor, now: now).chartReader(for: "ES").asOf }

    @Test func theValuesAreTheCursorsAndTheWindowStaysOnNow() {
        let r = reader(cursor: 390)
        #expect(r.asOf == d[390] && r.now == d[399] && r.value("ES") == 5390)
        #expect(r.window("ES", sessions: 3).dates == Array(d[388...390]))
        // 1M is 21 sessions: 379...399 holds the cursor, at either end too.
        #expect(chartEnd(cursor: 390) == d[399] && chartEnd(cursor: 379) == d[399] && chartEnd(cursor: 399) == d[399])
        #expect(chartEnd(cursor: nil) == d[399])
        #expect(reader(cursor: nil).asOf == d[399] && reader(cursor: nil).cursor == nil)
    }

    @Test func beforeTheWindowItCentresOnTheCursor() {
        // 378 is before 379: the window is 368...388, the cursor in its middle.
        #expect(chartEnd(cursor: 378) == d[388])
        let window = reader(cursor: 378).chartReader(for: "ES").window("ES")
        #expect(window.dates.first == d[368] && window.dates.count == 21)
        #expect(chartEnd(cursor: 200) == d[210])
        // A step further back scrolls it a session; a step on from 378 is back on now.
        #expect(chartEnd(cursor: 377) == d[387] && chartEnd(cursor: 379) == d[399])
        // At the data's start the window is held whole.
        #expect(chartEnd(cursor: 3) == d[20] && chartEnd(cursor: 0) == d[20])
        // The chart reader keeps the cursor, to mark it.
        #expect(reader(cursor: 200).chartReader(for: "ES").cursor == d[200])
    }

    @Test func aCursorPastNowIsNow() {
        let r = PaneReader(model: model, now: d[100], cursor: d[150], lookback: .month1)
        #expect(r.cursor == d[100] && r.asOf == d[100])
        // An expression the model lacks has no window to move.
        #expect(reader(cursor: 3).chartReader(for: "NQ").asOf == d[3])
    }
}
