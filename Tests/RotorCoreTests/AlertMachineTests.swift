import RotorCore
import Foundation
import Testing

/// The edge-triggered rule, row by row: fire on a rising edge between two known
/// rows, stay fired until the clear holds, then re-arm.
@Suite struct AlertMachineTests {
    /// Steps a machine over `rows` (nil: the value is absent); the indices that fired.
    func fired(_ rows: [Bool?], clear: [Bool?]? = nil) -> [Int] {
        var machine = AlertMachine()
        return rows.indices.filter { i in machine.step(when: rows[i], clear: clear.map { $0[i] } ?? nil) }
    }

    @Test func firesOnlyOnARisingEdgeBetweenKnownRows() {
        #expect(fired([false, true, true, false, true]) == [1, 4])
        // True from the first row: no row before it was false, so no edge.
        #expect(fired([true, true, false, true]) == [3])
        // An absent row before a true one is no edge either; nor is the first known row.
        #expect(fired([false, nil, true, false, true]) == [4])
        #expect(fired([nil, true]) == [])
    }

    @Test func staysFiredUntilTheClearHolds() {
        // Fires at 1; the condition goes false at 2 but the clear only holds at 4:
        // the true at 3 is not a firing; the true at 6 (after the false at 5) is.
        let when: [Bool?] = [false, true, false, true, false, false, true]
        let clear: [Bool?] = [false, false, false, false, true, false, false]
        #expect(fired(when, clear: clear) == [1, 6])
        #expect(fired(when, clear: [false, false, false, false, false, false, false]) == [1])
        var machine = AlertMachine()
        let r1 = machine.step(when: false)
        #expect(!r1)
        let r2 = machine.step(when: true)
        #expect(r2)
        #expect(machine.isFired)
        let r3 = machine.step(when: false, clear: false)
        #expect(!r3)
        #expect(machine.isFired)
        let r4 = machine.step(when: false, clear: true)
        #expect(!r4)
        #expect(!machine.isFired)
    }

    @Test func anAbsentValueDoesNotClearByDefault() {
        var machine = AlertMachine()
        _ = machine.step(when: false)
        let r5 = machine.step(when: true)
        #expect(r5)
        let r6 = machine.step(when: nil)
        #expect(!r6)
        #expect(machine.isFired)
        // Known again and false: cleared; then the next rising edge fires.
        let r7 = machine.step(when: false)
        #expect(!r7)
        let r8 = machine.step(when: true)
        #expect(r8)
    }

    @Test func aTodayRowThatMovesFiresOnceUntilItClears() {
        // Live: the same date stepped on every poll. True, true, true: one firing.
        var machine = AlertMachine()
        _ = machine.step(when: false)
        var polls: [Bool] = []
        for now in [true, true, true] { polls.append(machine.step(when: now)) }
        #expect(polls == [true, false, false])
        // Intraday it clears, then turns true again: that is a new firing.
        polls = []
        for now in [false, true] { polls.append(machine.step(when: now)) }
        #expect(polls == [false, true])
    }

    @Test func wordsFireOnEveryChangeBetweenKnownRows() {
        var machine = AlertMachine()
        let rows: [String?] = ["flat", "flat", "bull steepener", nil, "bull steepener", "bear flattener", "bull steepener"]
        var changes: [Bool] = []
        for words in rows { changes.append(machine.step(words: words)) }
        #expect(changes == [false, false, true, false, false, true, true])
    }

    @Test func stateRoundTripsThroughCodable() throws {
        var machine = AlertMachine()
        _ = machine.step(when: false)
        _ = machine.step(when: true)
        let data = try JSONEncoder().encode(machine)
        #expect(try JSONDecoder().decode(AlertMachine.self, from: data) == machine)
    }
}
