import ArgumentParser
import Foundation
import RotorDemo

/// `rotor demo-data`: regenerate the bundled synthetic market (Samples/demo).
struct DemoDataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-data",
        abstract: "Write the synthetic demo market (deterministic from the seed) as CSV files.",
        discussion: "With the default seed the output is byte for byte the committed Samples/demo."
    )

    @Option(help: ArgumentHelp("Folder to write (created if missing).", valueName: "dir"))
    var out = "Samples/demo"

    @Option(help: "Random seed of the market model.")
    var seed: UInt64 = DemoGenerator.defaultSeed

    func run() async throws {
        let generator = DemoGenerator(seed: seed)
        do {
            try generator.write(to: out)
        } catch {
            throw CommandFailure.runtime("cannot write \(out): \(error)")
        }
        writeOutput("wrote the demo market to \(out) (seed \(seed))\n")
    }
}
