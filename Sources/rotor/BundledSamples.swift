import Foundation
import RotorCore

/// Where the bundled demo data lives: `$ROTOR_SAMPLES`, else the `Samples/` folder of
/// the source tree this binary was built from, else one found walking up from the
/// executable or the current directory.
enum BundledSamples {
    static var folder: String? {
        if let env = ProcessInfo.processInfo.environment["ROTOR_SAMPLES"], !env.isEmpty { return env }
        var candidates: [URL] = []
        // This file is Sources/rotor/BundledSamples.swift: three levels below the root.
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent())
        candidates += ancestors(of: URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath())
        candidates += ancestors(of: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        for root in candidates {
            let samples = root.appendingPathComponent("Samples")
            if FileManager.default.fileExists(atPath: samples.appendingPathComponent("demo").path) {
                return samples.path
            }
        }
        return nil
    }

    /// The demo data folder (`Samples/demo`).
    static var demoData: String? { folder.map { $0 + "/demo" } }

    /// The bundled themes (`Themes/`, beside `Samples/`).
    static var themes: String? {
        folder.map { (($0 as NSString).deletingLastPathComponent as NSString).appendingPathComponent("Themes") }
    }

    private static func ancestors(of url: URL) -> [URL] {
        var out: [URL] = []
        var current = url.deletingLastPathComponent()
        while current.path != "/" && out.count < 8 {
            out.append(current)
            current = current.deletingLastPathComponent()
        }
        return out
    }
}

extension MarketData {
    /// The status bar's description of replayed data: "replay 17 symbols, @universe".
    var replayDescription: String {
        let universes = universes.keys.sorted().map { "@" + $0 }.joined(separator: " ")
        return "replay \(symbols.count) symbols" + (universes.isEmpty ? "" : ", " + universes)
    }
}
