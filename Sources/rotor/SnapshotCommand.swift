import ArgumentParser
import Foundation
import RotorConfig
import RotorCore
import RotorData
import RotorUI

/// `rotor snapshot`: one frame of the dashboard without a terminal, on stdout.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Render one dashboard frame as text (exactly --height lines) and print it."
    )

    @OptionGroup var source: DataOptions
    @OptionGroup var look: ThemeOptions

    @Option(help: ArgumentHelp("Show the market as of this date (default: the last date).", valueName: "date"))
    var at: String?

    @Option(help: "Screen width in columns.")
    var width = 120

    @Option(help: "Screen height in rows.")
    var height = 40

    @Option(help: ArgumentHelp("Focused pane, 1-5.", valueName: "n"))
    var focus = 1

    @Flag(help: "Zoom the focused pane.")
    var zoom = false

    @Flag(help: "Colours and attributes as ANSI escape sequences.")
    var ansi = false

    func validate() throws {
        guard (1...5).contains(focus) else { throw ValidationError("--focus must be 1 to 5, got \(focus)") }
        guard width >= 1, height >= 1, width <= 1000, height <= 1000 else {
            throw ValidationError("--width and --height must be 1 to 1000")
        }
    }

    func run() throws {
        let loaded = try source.load()
        let (themes, current) = try look.load(loaded)
        let model = loaded.model()
        let asOf = try at.map { try parseDay($0, option: "--at") } ?? model.lastDate
        var state = AppState(width: width, height: height)
        state.lookback = loaded.config.lookback
        state.keys = loaded.config.keys
        state.focus = PaneID(rawValue: focus)!
        if zoom { state.zoomed = state.focus }
        let canvas = view(state, model: model, asOf: asOf, mode: "REPLAY", feeds: loaded.market.replayDescription)
        // Colours as rich as the environment allows: NO_COLOR none, COLORTERM=truecolor
        // 24-bit, a TERM naming 256 colours 256, else the eight basic ones.
        let depth = ColorDepth.detect(environment: ProcessInfo.processInfo.environment)
        let lines = ansi ? canvas.ansiLines(depth: depth, palette: themes.themes[current].palette) : canvas.lines()
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
