import ArgumentParser
import RotorCore

/// `--from D --to D`: the rows a command prints (`export`, `alerts`), never the
/// history it computes them from.
struct DateRangeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("First date to print (YYYY-MM-DD).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Last date to print (YYYY-MM-DD).", valueName: "date"))
    var to: String?

    /// The two dates, or a usage error naming the option that cannot be read, or
    /// saying that `--to` comes before `--from`.
    func days() throws -> (from: Day?, to: Day?) {
        let from = try self.from.map { try parseDay($0, option: "--from") }
        let to = try self.to.map { try parseDay($0, option: "--to") }
        if let f = from, let t = to, t < f {
            throw CommandFailure.usage("--to \(t.iso) is before --from \(f.iso)")
        }
        return (from, to)
    }
}
