import Foundation
import RotorUI

/// Where the dashboard's alerts go outside the screen: each firing to `alerts.jsonl`
/// and its `run` command, and a live dashboard's alert states to the state file and
/// back. The loop only calls it; the files and the command runner are behind it, so
/// the loop is tested with a recording one.
protocol AlertOutlet: AnyObject {
    /// One firing, as it happens: `mode` is `replay` or `live`, `time` the wall clock.
    /// Failures are the delivery's to log: they never stop the dashboard.
    func deliver(_ firing: AlertFiring, mode: String, time: Date)
    /// Live only: the alert states after an update that changed them.
    func saveState(_ saved: AlertTracker.Saved)
    /// Live only, at start: the states saved by the last run, if any.
    func loadState() -> AlertTracker.Saved?
}

/// The dashboard's outlet: `alerts.jsonl` and `run` commands through
/// `AlertDelivery`, live states through `AlertStateFile`, failures to `log`.
///
/// `run` commands are started only live: a replay (the demo is the default) fires
/// a session a second or faster, and a desk's hooks (a chat message, a page) are for
/// the market, not for history. A replay still writes its firings to `alerts.jsonl`
/// with `"mode":"replay"`; `rotor alerts` is the way to see when a rule would fire.
final class FileAlertOutlet: AlertOutlet {
    private let delivery: AlertDelivery
    private let stateFile: AlertStateFile
    private let log: @Sendable (String) -> Void
    /// Alerts whose command a replay did not start, said once each in the log.
    private var notRunInReplay = Set<String>()

    convenience init(environment: [String: String] = ProcessInfo.processInfo.environment,
                     log: @escaping @Sendable (String) -> Void) {
        self.init(delivery: AlertDelivery(file: .standard(environment: environment), log: log),
                  stateFile: .standard(environment: environment), log: log)
    }

    init(delivery: AlertDelivery, stateFile: AlertStateFile, log: @escaping @Sendable (String) -> Void) {
        self.delivery = delivery
        self.stateFile = stateFile
        self.log = log
    }

    func deliver(_ firing: AlertFiring, mode: String, time: Date) {
        send(firing, mode: mode, time: time)
    }

    /// `deliver`, with the task of the command started (nil: none).
    @discardableResult
    func send(_ firing: AlertFiring, mode: String, time: Date) -> Task<AlertRunOutcome, Never>? {
        var firing = firing
        if mode == "replay", let argv = firing.run {
            if notRunInReplay.insert(firing.name).inserted {
                log("alert \(firing.name.escapingControlCharacters): run command \(argv.joined(separator: " ").escapingControlCharacters) not started in a replay (live only)")
            }
            firing.run = nil
        }
        return delivery.deliver(firing, mode: mode, time: time)
    }

    func saveState(_ saved: AlertTracker.Saved) {
        if let failure = stateFile.save(saved) { log("alert states not saved: \(failure)") }
    }

    func loadState() -> AlertTracker.Saved? {
        let (saved, warning) = stateFile.load()
        if let warning { log(warning) }
        return saved
    }

    /// What runs the commands: the dashboard ends those still running when it quits
    /// (they run in sessions of their own and would outlive it and its 10 s limit).
    var runner: AlertCommandRunner { delivery.runner }
}
