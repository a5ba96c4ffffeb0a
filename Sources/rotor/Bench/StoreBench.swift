import Foundation
import RotorConfig
import RotorCore
import RotorData
import RotorStore
import RotorUI

/// `rotor bench --store --db URL`: what a dashboard costs at start when it reads a
/// desk's shared store holding a large universe (issue 18, "Scale": first frame
/// under 1 s, under 150 MB with 2000 members).
///
/// A config is generated in a temporary folder: Samples/live.toml (every main feed of
/// the live dashboard) with its universe replaced by `members` tickers and a
/// `[store]` naming `--db` and a schema of its own. That schema is filled as a
/// collector's first round leaves it, one `SharedStore.write` (one transaction) per
/// feed: ten years of synthetic bars for each main feed (as `range=max` leaves a
/// long history), the last two years for each member. Then, in this process, the
/// dashboard's start is timed phase by phase: the follower's first read into a live
/// store (what the dashboard does), the one-shot read of `snapshot` and `export`, the
/// model, the alerts' first pass, the first 120x40 and 200x60 frames; then the same
/// start as processes of their own (`rotor snapshot` of that config: their peak
/// resident memory is a start's), and the collector's request budget over that
/// universe. The schema is dropped at the end unless `keep` (then the config's path
/// is printed, for a real dashboard to open).
enum StoreBench {
    static let mainRows = 2520
    static let memberRows = 504

    static func run(iterations: Int, db: String, passwordFile: String?, members: Int, keep: Bool) async throws {
        guard let samples = BundledSamples.folder else { throw CommandFailure.usage("Samples/ not found (set ROTOR_SAMPLES)") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rotor-store-bench-\(getpid())").path
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { if !keep { try? FileManager.default.removeItem(atPath: folder) } }
        let configPath = try writeConfig(in: folder, samples: samples, db: db, passwordFile: passwordFile, members: members)
        var options = DataOptions()
        options.config = configPath
        let (config, path) = try options.loadConfig()
        guard let settings = try StoreConfigReading.settings(db: nil, config: config, configPath: path) else {
            throw CommandFailure.usage("--store: the generated config has no [store]")
        }
        let store = SharedStore(settings)
        // Each phase is printed when done: the whole run takes minutes.
        func emit(_ line: String) { writeOutput(line + "\n") }
        do {
            try await store.migrate()
            let feeds = try FeedList.specs(config, configPath: path, environment: [:])
            let clock = ContinuousClock()
            var filled = (histories: 0, bars: 0)
            let fillTime = try await clock.measure { filled = try await fill(store, feeds: feeds) }
            emit("store: \(feeds.count) feeds (\(feeds.filter { $0.universe != nil }.count) members) in \(store.name) "
                 + "schema \(settings.schema); \(filled.histories) histories, \(filled.bars) bars written as "
                 + "\(feeds.count) fetches in \(String(format: "%.1f", seconds(fillTime))) s")
            emit("memory after the fill: " + LongHistoryBench.Memory.now)
            // The fill's own memory is not the dashboard's: the peak starts again here
            // (Linux: 5 in clear_refs resets VmHWM to the current resident size).
            try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
            try await timeStart(iterations: iterations, store: store, settings: settings, feeds: feeds,
                                config: config, path: path, emit: emit)
            emit("memory of this process (peak since the fill): " + LongHistoryBench.Memory.now)
            try processStart(configPath: configPath, runs: max(3, iterations / 3)).forEach(emit)
            PollBudgetBench.run(feeds).forEach(emit)
            if keep { emit("kept: schema \(settings.schema), config \(configPath)") }
        } catch let error as StoreError {
            if !keep { try? await store.dropSchema() }
            await store.close()
            throw CommandFailure.runtime(error.description)
        }
        if !keep { try? await store.dropSchema() }
        await store.close()
    }

    /// Samples/live.toml with its member file replaced by `members` generated tickers
    /// (M0001, ...), its events file named by absolute path, and a `[store]` (the
    /// password from `passwordFile`, else PGPASSWORD).
    static func writeConfig(in folder: String, samples: String, db: String, passwordFile: String?, members: Int) throws -> String {
        var text = try String(contentsOfFile: samples + "/live.toml", encoding: .utf8)
        let memberFile = folder + "/members.txt"
        try (1...members).map { String(format: "M%04d", $0) }.joined(separator: "\n").appending("\n")
            .write(toFile: memberFile, atomically: true, encoding: .utf8)
        for (from, to) in [("members = \"universe-large-us.txt\"", "members = \"\(memberFile)\""),
                           ("files = [\"events.csv\"]", "files = [\"\(samples)/events.csv\"]")] {
            guard text.contains(from) else { throw CommandFailure.usage("\(samples)/live.toml: no \(from) to replace") }
            text = text.replacingOccurrences(of: from, with: to)
        }
        text += """

        [store]
        url = "\(db)"
        schema = "rotor_bench_\(getpid())"
        \(passwordFile.map { "password_file = \"\($0)\"" } ?? "")

        """
        let file = folder + "/store-bench.toml"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    /// Writes every feed's bars (each part of a feed with parts the same series) and
    /// a success, one fetch each, as the collector's first round would. Returns the
    /// histories and bars written.
    static func fill(_ store: SharedStore, feeds: [FeedSpec]) async throws(StoreError) -> (histories: Int, bars: Int) {
        var bars = SyntheticBars(mainRows: mainRows, memberRows: memberRows, seed: 18)
        var histories = 0, written = 0
        let at = Date()
        var health = FeedHealth()
        health.succeeded(at: at)
        for feed in feeds {
            let series = bars.series(for: feed)
            let parts = feed.cacheKeys.map { ($0, series) }
            try await store.write(FetchRecord(feed: feed.cacheKey, histories: parts, health: health, at: at))
            histories += parts.count
            written += parts.count * series.count
        }
        return (histories, written)
    }

    /// The dashboard's start from the store, in this process, phase by phase.
    static func timeStart(iterations: Int, store: SharedStore, settings: StoreSettings, feeds: [FeedSpec],
                          config: RotorConfig, path: String?, emit: (String) -> Void) async throws {
        // The dashboard: a follower's first read (health, then every history) into
        // an empty live store, on the store's open connection.
        var held = 0
        emit(BenchTiming.report("the dashboard's first read (StoreFollower.read, \(feeds.count) feeds)",
                                try await time(iterations) {
            let live = LiveStore(feeds: feeds)
            try await StoreFollower(store: store, live: live).read()
            held = live.snapshot().market.universes.values.first?.members.count ?? 0
        }))
        emit("  universe: \(held) members held after the read")
        // `snapshot`, `export`, `alerts`, `line`: connect, load, health, close.
        var session: LiveSession?
        emit(BenchTiming.report("a command's read (LiveSession.reading: connect, load, health)",
                                try await time(iterations) {
            session = try await LiveSession.reading(settings, config: config, configPath: path)
        }))
        guard let session else { return }
        let snapshot = session.store.snapshot()
        var model: DashboardModel?
        emit(BenchTiming.report("the dashboard's model", try BenchTiming.time(max(3, iterations / 3)) {
            model = session.model(snapshot.market)
        }))
        guard let model else { return }
        emit("  model: \(model.dates.count) dates, \(model.series.count) series, \(model.failures.count) failed expressions")
        let report = session.report(snapshot, now: Date())
        var alerts = AlertDesk(panes: model.panes, rules: config.alerts)
        emit(BenchTiming.report("the alerts' first pass (every date)", try BenchTiming.time(max(3, iterations / 3)) {
            alerts = AlertDesk(panes: model.panes, rules: config.alerts)
            if let last = model.lastDate { alerts.startReplay(model, dates: model.dates, at: last) }
        }))
        for (width, height) in [(120, 40), (200, 60)] {
            let state = Self.state(width: width, height: height, model: model, config: config)
            emit(BenchTiming.report("the first \(width)x\(height) frame", try BenchTiming.time(iterations) {
                _ = view(state, model: model, asOf: model.lastDate, mode: "LIVE", feeds: report, alerts: alerts)
            }))
        }
        emit(BenchTiming.report("all of it: first read, model, alerts, a 120x40 frame", try await time(max(3, iterations / 3)) {
            let live = LiveStore(feeds: feeds)
            try await StoreFollower(store: store, live: live).read()
            let snapshot = live.snapshot()
            let m = session.model(snapshot.market)
            var a = AlertDesk(panes: m.panes, rules: config.alerts)
            if let last = m.lastDate { a.startReplay(m, dates: m.dates, at: last) }
            _ = view(Self.state(width: 120, height: 40, model: m, config: config), model: m, asOf: m.lastDate, mode: "LIVE",
                     feeds: session.report(snapshot, now: Date()), alerts: a)
        }))
    }

    /// The screen as the dashboard opens it on the config.
    static func state(width: Int, height: Int, model: DashboardModel, config: RotorConfig) -> AppState {
        var state = AppState(width: width, height: height, panes: PaneSet(model.panes, placed: config.pages))
        state.lookback = config.lookback
        state.thresholds = config.thresholds
        return state
    }

    /// The same start as a process: `rotor snapshot --config FILE` (connect, read the
    /// store, the model, the alerts, one 200x60 frame), its wall time and its peak
    /// resident memory.
    static func processStart(configPath: String, runs: Int) throws -> [String] {
        let binary = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).standardizedFileURL.path
        let arguments = [binary, "snapshot", "--config", configPath, "--width", "200", "--height", "60"]
        let clock = ContinuousClock()
        var ms: [Double] = [], peaks: [Double] = []
        for _ in 0...runs {
            var peak = 0.0
            let elapsed = try clock.measure { peak = try spawnAndMeasure(arguments) }
            ms.append(seconds(elapsed) * 1e3)
            peaks.append(peak)
        }
        // The first run pages the binary in.
        let sorted = Array(ms.dropFirst()).sorted(), peak = peaks.dropFirst().max() ?? 0
        return [BenchTiming.report("a whole start as a process (rotor snapshot from the store, 200x60)", sorted),
                String(format: "  its peak resident memory: %.1f MB (the largest of the runs)", peak / 1024)]
    }

    /// Runs `arguments` (output to /dev/null) and returns its peak resident memory
    /// in KiB: the child's VmHWM (a high-water mark) read every millisecond until it
    /// exits. By hand, not Foundation's `Process` or Subprocess: neither shows a
    /// child's memory, and its `rusage` will not do: Linux gives a child that execs
    /// the high-water mark of the memory it had before (this 150 MB process's, with
    /// fork and vfork alike), so every child would measure the bench.
    static func spawnAndMeasure(_ arguments: [String]) throws -> Double {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ)
        guard spawned == 0 else { throw CommandFailure.runtime("bench: cannot start \(arguments[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0, peak = 0.0
        let statusFile = "/proc/\(pid)/status"
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid || (done < 0 && errno != EINTR) { break }
            if let text = try? String(contentsOfFile: statusFile, encoding: .utf8),
               let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
               let kb = Double(line.dropFirst(6).trimmingCharacters(in: .whitespaces).dropLast(3)) {
                peak = max(peak, kb)
            }
            usleep(1000)
        }
        // A normal exit with status 0: WIFEXITED and WEXITSTATUS by hand (macros).
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            throw CommandFailure.runtime("bench: rotor snapshot failed (wait status \(status))")
        }
        return peak
    }

    /// `n` timed runs of an async `body` after one warm-up, in milliseconds, ascending.
    static func time(_ n: Int, _ body: () async throws -> Void) async throws -> [Double] {
        try await body()
        let clock = ContinuousClock()
        var out: [Double] = []
        for _ in 0..<n {
            let start = clock.now
            try await body()
            out.append(seconds(clock.now - start) * 1e3)
        }
        return out.sorted()
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
