import RotorConfig
import RotorCore
import RotorData

extension RotorConfig {
    /// The calendar of the config's `[events] files` (relative to the config at
    /// `configPath`); a fault in one is a usage error naming its file and line.
    func loadEvents(configPath: String?) throws -> EventCalendar {
        do {
            return try EventsFile.calendar(eventPaths(configPath: configPath))
        } catch {
            throw CommandFailure.usage("\(error)")
        }
    }
}
