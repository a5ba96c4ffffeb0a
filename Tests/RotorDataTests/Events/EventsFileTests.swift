import Foundation
import RotorCore
import Testing
@testable import RotorData

@Suite struct EventsFileTests {
    func events(_ text: String) throws(DataError) -> [MarketEvent] { try EventsFile.parse(text: text, name: "ev.csv") }
    func fault(_ text: String) -> String? { failure { () throws(DataError) in try events(text) } }

    @Test func readsRowsInAnyOrderWithStatusQuotesAndUsersKinds() throws {
        let read = try events("""
        \u{FEFF}kind,date,label,status\r
        FOMC,2024-07-31,FOMC rate decision,\r
        cpi, 2024-07-11 ,"CPI (June, core 3.3%)",confirmed\r
        \r
        EARNINGS,2024-07-25,,Scheduled\r
        """)
        #expect(read.map(\.date.iso) == ["2024-07-31", "2024-07-11", "2024-07-25"])
        #expect(read.map(\.kind.name) == ["FOMC", "CPI", "EARNINGS"])
        #expect(read[1].label == "CPI (June, core 3.3%)")
        // An empty label is the kind's name.
        #expect(read[2].label == "EARNINGS" && read[2].isScheduled && !read[0].isScheduled)
        // Without a status column every event is confirmed.
        let plain = try events("date,kind,label\n2024-07-31,FOMC,FOMC rate decision\n")
        #expect(plain == [MarketEvent(date: Day(year: 2024, month: 7, day: 31)!, kind: .fomc, label: "FOMC rate decision")])
        #expect(try events("date,kind,label\n").isEmpty)
    }

    @Test func faultsNameTheFileAndLine() {
        let header = "date,kind,label\n"
        let cases: [(String, String)] = [
            ("", "ev.csv: empty file (expected the header date,kind,label)"),
            ("date,kind\n", "ev.csv:1: the header lacks label (expected date,kind,label)"),
            ("date,kind,label,when\n", "ev.csv:1: unknown column 'when' (the header is date,kind,label and optionally status)"),
            ("date,kind,label,date\n", "ev.csv:1: column 'date' appears twice"),
            (header + "2024-07-31,FOMC,ok\n07/31/2024,FOMC,x\n", "ev.csv:3: cannot read '07/31/2024' as a date (YYYY-MM-DD)"),
            (header + "2024-02-30,FOMC,x\n", "ev.csv:2: cannot read '2024-02-30' as a date (YYYY-MM-DD)"),
            (header + "2024-07-31 12:00,FOMC,x\n", "ev.csv:2: cannot read '2024-07-31 12:00' as a date (YYYY-MM-DD)"),
            (header + "2024-07-31,,x\n", "ev.csv:2: the kind is empty (FOMC, CPI or your own word, e.g. EARNINGS)"),
            (header + "2024-07-31,FED MEETING,x\n",
             "ev.csv:2: 'FED MEETING' is not a kind (a word of letters, digits, _ and -, at most 16, e.g. FOMC, CPI, EARNINGS)"),
            (header + "2024-07-31,FOMC\n", "ev.csv:2: expected 3 fields (as the header), got 2"),
            (header + "2024-07-31,FOMC,a,b\n", "ev.csv:2: expected 3 fields (as the header), got 4"),
            (header + "2024-07-31,FOMC,\"\u{1B}]0;owned\u{07}\"\n", "ev.csv:2: the label '\\e]0;owned\\x07' contains a control character"),
            (header + "2024-07-31,\u{1B}[2J,x\n", "ev.csv:2: '\\e[2J' is not a kind (a word of letters, digits, _ and -, at most 16, e.g. FOMC, CPI, EARNINGS)"),
            (header + "2024-07-31,FOMC,\(String(repeating: "x", count: 81))\n", "ev.csv:2: the label is longer than 80 characters"),
            ("date,kind,label,status\n2024-07-31,FOMC,x,maybe\n", "ev.csv:2: status 'maybe' is neither confirmed nor scheduled (or empty)"),
            (header + "2024-07-31,FOMC,x\n2024-07-11,CPI,y\n2024-07-31,fomc,again\n",
             "ev.csv:4: 2024-07-31 FOMC is already on line 2; one row per date and kind"),
            (header + "2024-07-31,FOMC,\"open\n", "ev.csv:2: unterminated quoted field"),
        ]
        for (text, expected) in cases {
            #expect(fault(text) == expected, "\(text.debugDescription)")
        }
        // The same date with another kind is fine.
        #expect(fault(header + "2024-07-31,FOMC,x\n2024-07-31,CPI,y\n") == nil)
    }

    @Test func tooManyEventsIsAFault() {
        var text = "date,kind,label\n"
        var day = Day(year: 1970, month: 1, day: 1)!
        for _ in 0...EventsFile.maxEvents {
            text += "\(day.iso),CPI,\n"
            day = day.adding(days: 1)
        }
        #expect(fault(text) == "ev.csv:\(EventsFile.maxEvents + 2): more than \(EventsFile.maxEvents) events in one file")
    }

    @Test(.timeLimit(.minutes(1))) func filesAreReadWithTheLimitsOfUserFiles() throws {
        let folder = NSTemporaryDirectory() + "rotor-events-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fifo = folder + "/fifo.csv", big = folder + "/big.csv", missing = folder + "/none.csv"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(FileManager.default.createFile(atPath: big, contents: nil))
        #expect(truncate(big, off_t(EventsFile.maxBytes) + 1) == 0)
        #expect(failure { () throws(DataError) in try EventsFile.load(fifo) } == "\(fifo): not a regular file (a FIFO)")
        #expect(failure { () throws(DataError) in try EventsFile.load(big) }?.hasPrefix("\(big): the file is 1048577 bytes") == true)
        #expect(failure { () throws(DataError) in try EventsFile.load(missing) }?.hasPrefix("\(missing): ") == true)

        // Across files the first file's event for a (date, kind) is kept.
        let a = folder + "/a.csv", b = folder + "/b.csv"
        try "date,kind,label\n2024-07-31,FOMC,bundled\n".write(toFile: a, atomically: true, encoding: .utf8)
        try "date,kind,label\n2024-07-31,FOMC,mine\n2024-07-25,EARNINGS,NVDA\n".write(toFile: b, atomically: true, encoding: .utf8)
        let calendar = try EventsFile.calendar([a, b])
        #expect(calendar.events.map(\.label) == ["NVDA", "bundled"])
    }
}
