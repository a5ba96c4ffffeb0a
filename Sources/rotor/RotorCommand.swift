import ArgumentParser

/// `rotor`: the command-line root.
struct RotorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotor",
        abstract: "A terminal dashboard for US equity rotation and its macro drivers.",
        version: "0.1.0",
        subcommands: [DashboardCommand.self, ExportCommand.self, SnapshotCommand.self, CheckCommand.self, SoakCommand.self, DemoDataCommand.self, AlertsCommand.self, LineCommand.self,
                      CollectCommand.self,
                      BenchCommand.self],
        defaultSubcommand: DashboardCommand.self
    )
}
