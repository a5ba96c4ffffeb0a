import ArgumentParser
import RotorCore
import RotorData

/// `--data DIR`, shared by the commands that read a folder of CSV files; the bundled
/// demo when it is not given.
struct DataOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Folder of CSV files (default: the bundled demo).", valueName: "dir"))
    var data: String?

    /// The folder to read: --data, else Samples/demo.
    func folder() throws -> String {
        guard let folder = data ?? BundledSamples.demoData else {
            throw CommandFailure.usage("no --data folder given and the bundled demo (Samples/demo) was not found")
        }
        return folder
    }

    /// Loads the folder; files skipped for their names are reported on stderr (before
    /// any screen is up), and a data fault is a usage error naming file and line.
    func load() throws -> MarketData {
        let folder = try folder()
        do {
            let report = try DataFolder.loadReport(folder)
            for warning in report.warnings { writeError("rotor: warning: \(warning)") }
            return report.data
        } catch {
            throw CommandFailure.usage("\(error)")
        }
    }
}

/// Reads a date option (`--at`, `--from`, `--to`) or fails naming it.
func parseDay(_ text: String, option: String) throws -> Day {
    guard let day = Day(parsing: text) else {
        throw CommandFailure.usage("\(option): cannot read '\(text)' as a date (expected YYYY-MM-DD)")
    }
    return day
}
