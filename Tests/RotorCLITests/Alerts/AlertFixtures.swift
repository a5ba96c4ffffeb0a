import Foundation
import RotorCore
import RotorUI

/// A firing as the dashboard would deliver it, and a scratch state folder.
enum AlertFixtures {
    /// 2026-12-01T22:50:04Z.
    static let time = Date(timeIntervalSince1970: 1_796_165_404)

    static func firing(name: String = "rotation-extreme", run: [String]? = nil) -> AlertFiring {
        AlertFiring(date: Day(year: 2024, month: 3, day: 15)!, name: name, expression: "zscore(ratio(RTY, ES), 60)",
                    value: "-2.0431", condition: "zscore(ratio(RTY, ES), 60) <= -2", severity: .alert, bell: true, run: run)
    }

    /// A new folder's path under the temporary folder (not created).
    static func folder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("rotor-alerts-\(UUID().uuidString)").path
    }

    static func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
    }

    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    /// The lines of a file, without the final line feed's empty one.
    static func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
    }

    static func object(_ line: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
    }
}
