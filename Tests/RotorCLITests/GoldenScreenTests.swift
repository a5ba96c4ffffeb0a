import Foundation
import RotorCore
import RotorData
import RotorUI
import Testing

/// Whole-dashboard golden screens on the bundled demo at a fixed replay date, as
/// text. A missing or changed baseline fails; `ROTOR_RECORD_GOLDEN=1 swift test`
/// writes the current screens as the new baselines (then review the diff).
@Suite struct GoldenScreenTests {
    static let model: DashboardModel? = (try? DataFolder.load(
        RotorProcess.repositoryRoot.appendingPathComponent("Samples/demo").path)).map { DashboardModel(data: $0) }
    static let asOf = Day(year: 2026, month: 6, day: 30)!
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func screen(_ width: Int, _ height: Int, _ configure: (inout AppState) -> Void = { _ in }) throws -> String {
        let model = try #require(Self.model)
        var state = AppState(width: width, height: height)
        configure(&state)
        return view(state, model: model, asOf: asOf, mode: "REPLAY").lines().joined(separator: "\n") + "\n"
    }

    func check(_ name: String, _ actual: String) throws {
        let url = Self.folder.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["ROTOR_RECORD_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded \(name).txt: review it and run again without ROTOR_RECORD_GOLDEN")
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no baseline \(name).txt: run with ROTOR_RECORD_GOLDEN=1 to record it")
            return
        }
        #expect(actual == expected, "screen \(name) differs from Golden/\(name).txt")
    }

    @Test func dashboardAt80x24() throws { try check("dashboard-80x24", Self.screen(80, 24)) }
    @Test func dashboardAt120x40() throws { try check("dashboard-120x40", Self.screen(120, 40)) }
    @Test func dashboardAt200x60() throws { try check("dashboard-200x60", Self.screen(200, 60)) }
    @Test func zoomedBreadth() throws {
        try check("zoom-breadth-120x40", Self.screen(120, 40) { $0.focus = .breadth; $0.zoomed = .breadth })
    }
    @Test func helpOverlay() throws { try check("help-120x40", Self.screen(120, 40) { $0.showingHelp = true }) }
    @Test func tooSmall() throws { try check("too-small-40x10", Self.screen(40, 10)) }
    @Test func lookbackAndFocus() throws {
        try check("focus3-3m-120x40", Self.screen(120, 40) { $0.focus = .volPremium; $0.lookback = .months3 })
    }
}
