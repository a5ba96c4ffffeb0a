import Foundation
import RotorCore
import RotorUI

/// Delivers a firing outside the screen: its line in `alerts.jsonl`, and its `run`
/// command if it has one. The screen's part (strip, bell, overlay) is the dashboard's.
///
/// Nothing here fails the dashboard or waits on a command: a failure to append, a
/// command that cannot start, fails or is killed becomes one line for `log`, which
/// names the alert and has its control characters escaped. A command that exits 0
/// is not logged. `log` may be called on another thread, after `deliver` returned.
struct AlertDelivery: Sendable {
    let file: AlertLogFile
    let runner: AlertCommandRunner
    let log: @Sendable (String) -> Void

    init(file: AlertLogFile = .standard(), runner: AlertCommandRunner = AlertCommandRunner(),
         log: @escaping @Sendable (String) -> Void) {
        self.file = file
        self.runner = runner
        self.log = log
    }

    /// Appends the firing to `alerts.jsonl` and starts its command. `mode` is
    /// `replay` or `live`; `time` the wall time of the delivery. Returns the command's
    /// task (nil without one), whose value is its outcome, once it has been logged.
    @discardableResult
    func deliver(_ firing: AlertFiring, mode: String, time: Date) -> Task<AlertRunOutcome, Never>? {
        let name = firing.name
        if let failure = file.append(firing, mode: mode, time: time) {
            log(Self.message(name, "not written to \(AlertLogFile.fileName): \(failure)"))
        }
        guard let argv = firing.run else { return nil }
        let log = log
        let variables = AlertCommandRunner.environment(for: firing, mode: mode, time: time)
        return runner.start(argv, variables: variables) { outcome in
            guard !outcome.succeeded else { return }
            log(Self.message(name, "run command \(Self.shown(argv)) \(outcome)"))
        }
    }

    /// `alert rotation-extreme: ...`, one line.
    static func message(_ name: String, _ text: String) -> String {
        "alert \(name): \(text)".escapingControlCharacters
    }

    /// The command as the log shows it: `[notify-send, rotor, $ROTOR_ALERT_NAME]`, cut.
    static func shown(_ argv: [String]) -> String {
        let text = "[" + argv.joined(separator: ", ") + "]"
        return text.count > 120 ? String(text.prefix(120)) + "…]" : text
    }
}
