import Foundation
import RotorUI

/// Where the dashboard's alerts go outside the screen: each firing to `alerts.jsonl`
/// and its `run` command, and a live dashboard's alert states to the state file and
/// back. The loop only calls it; the files and the command runner are behind it, so
/// the loop is tested with a recording one.
protocol AlertDelivery: AnyObject {
    /// One firing, as it happens: `mode` is `replay` or `live`, `time` the wall clock.
    /// Failures are the delivery's to log: they never stop the dashboard.
    func deliver(_ firing: AlertFiring, mode: String, time: Date)
    /// Live only: the alert states after an update that changed them.
    func saveState(_ saved: AlertTracker.Saved)
    /// Live only, at start: the states saved by the last run, if any.
    func loadState() -> AlertTracker.Saved?
}
