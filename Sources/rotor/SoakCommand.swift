import ArgumentParser
import Foundation
import RotorCore
import RotorData
import RotorUI

/// `rotor soak`: weeks in a tmux pane, in a minute, in two parts.
///
/// 1. The UI loop without a terminal, on a fast clock: replay steps (each a frame,
///    diffed against the last as the terminal would) with keys pressed along the way,
///    and simulated polls (live bars merged into the store and the model updated).
///    `--steps 0 --polls 0` skips it.
/// 2. The real poller (`PollerSoak`): `Poller` on a virtual clock against providers
///    that succeed, fail, time out, answer 429 and hang, for `--fetches` fetches into a
///    real store and cache. `--fetches 0` skips it.
///
/// Each part measures memory and open files after its warm-up and at its end; they
/// must not grow.
struct SoakCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "soak",
        abstract: "Run the dashboard loop and the real poller headless on fast clocks and report memory and open files."
    )

    @OptionGroup var source: DataOptions

    @Option(help: "Replay steps of the UI loop (one frame each; 0 with --polls 0 skips the UI loop).")
    var steps = 100_000

    @Option(help: "Simulated live polls of the UI loop (a bar merged, the model updated, a frame).")
    var polls = 10_000

    @Option(help: "Fetches of the real poller on a virtual clock (0 skips it).")
    var fetches = 1_000_000

    @Option(help: "Seed of the poller soak's outcomes (the same seed, the same run).")
    var seed: UInt64 = 1

    @Flag(help: "Run the poller soak without a cache (by default it writes a real cache in a temporary folder).")
    var noCache = false

    func validate() throws {
        guard steps >= 0, polls >= 0, fetches >= 0 else {
            throw ValidationError("--steps, --polls and --fetches must be at least 0")
        }
        guard steps > 0 || polls > 0 || fetches > 0 else {
            throw ValidationError("nothing to soak: --steps, --polls and --fetches are all 0")
        }
        guard steps > 0 || polls == 0 else { throw ValidationError("--polls needs --steps of at least 1") }
    }

    func run() async throws {
        if steps > 0 { try soakUILoop() }
        if fetches > 0 {
            let report = try await PollerSoak(fetches: fetches, seed: seed, withCache: !noCache).run()
            for line in report.lines { print(line) }
        }
    }

    /// Part 1: the UI loop, as messages through `update`: replay ticks on a fast
    /// clock (a step a millisecond), keys, resizes, then live data arrivals.
    func soakUILoop() throws {
        let loaded = try source.load()
        let started = Date()
        let model = loaded.model()
        var cursor = ReplayCursor(model: model, speed: 1000)
        let dates = cursor.dates
        cursor.seek(to: dates[0])
        var state = DashboardState(app: AppState(width: 200, height: 60), model: model,
                                   report: FeedReport(summary: loaded.market.replayDescription), feed: .replay(cursor))
        var now = Duration.zero
        var previous = Canvas(width: 200, height: 60)
        let keys: [Key] = [.tab, .character("z"), .character("]"), .escape, .character("["), .character("3"),
                           .character("v"), .character("?"), .escape, .character("f"), .escape, .character("t")]

        func frame() {
            let canvas = view(state)
            _ = canvas.diff(previous: previous)
            previous = canvas
        }
        /// One replay step: a tick a step later; at the end the cursor starts over,
        /// so every date is drawn again and again.
        func step() {
            now += cursor.step
            _ = update(&state, .tick(at: now, clock: "SOAK"))
            if case let .replay(c) = state.feed, c.atEnd {
                var again = c
                again.seek(to: dates[0])
                state.feed = .replay(again)
            }
            frame()
        }
        // Warm-up: every pane, every overlay and lookback drawn once, caches filled.
        for key in keys {
            _ = update(&state, .key(key))
            step()
        }
        // Polls: today's bar of one symbol after another changes, and now and then a
        // new session starts, as on a live day; each tick reads the store as the
        // dashboard's shell does (`.readFeeds`).
        let symbols = loaded.market.symbols.keys.sorted()
        let feeds = symbols.map { FeedSpec(symbol: $0, kind: .yahoo) }
        let store = LiveStore(feeds: feeds)
        for feed in feeds { store.merge(feed, loaded.market.symbols[feed.symbol]!) }
        for (u, universe) in loaded.market.universes {
            for m in universe.members { store.merge(FeedSpec(symbol: m.name, kind: .yahoo, universe: u), m.series) }
        }
        var live = state
        live.model = model.updated(with: store.takeSnapshot().snapshot.market, changed: Set(symbols))
        live.feed = .live(LiveCursor(version: store.currentVersion))
        var day = live.model.lastDate ?? Day(year: 2026, month: 1, day: 2)!
        func poll(_ poll: Int) {
            let feed = feeds[poll % feeds.count]
            if poll % (feeds.count * 40) == 0 { day = day.adding(days: 1) }
            let last = store.snapshot().market.symbols[feed.symbol]?.last?.value ?? 100
            store.merge(feed, Series(dates: [day], values: [last * (1 + 0.001 * Double(poll % 7 - 3))]))
            store.record(feed) { $0.succeeded(at: Date()) }
            now += .seconds(1)
            for effect in update(&live, .tick(at: now, clock: "SOAK")) {
                guard case let .readFeeds(version, rebuild) = effect, rebuild, store.currentVersion != version else { continue }
                let (snapshot, changed) = store.takeSnapshot()
                _ = update(&live, .dataArrived(live.model.updated(with: snapshot.market, changed: changed),
                                               version: snapshot.version))
            }
            let canvas = view(live)
            _ = canvas.diff(previous: previous)
            previous = canvas
        }
        for n in 0..<min(polls, 2 * feeds.count) { poll(n) } // warm-up of the live path
        let memoryAtStart = Self.residentBytes(), filesAtStart = Self.openFiles()

        for n in 0..<steps {
            if n % 97 == 0 { _ = update(&state, .key(keys[(n / 97) % keys.count])) }
            if n % 5_003 == 0 { _ = update(&state, .app(.resize(width: n % 2 == 0 ? 120 : 200, height: n % 2 == 0 ? 40 : 60))) }
            step()
        }

        for n in 0..<polls { poll(n) }
        let memoryAtEnd = Self.residentBytes(), filesAtEnd = Self.openFiles()
        let growth = 100 * (Double(memoryAtEnd) - Double(memoryAtStart)) / Double(max(1, memoryAtStart))
        print("soak: \(steps) replay steps and \(polls) polls in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        print(String(format: "memory: %.1f MB after warm-up, %.1f MB at the end (%+.1f%%)",
                     Double(memoryAtStart) / 1_048_576, Double(memoryAtEnd) / 1_048_576, growth))
        print("open files: \(filesAtStart) after warm-up, \(filesAtEnd) at the end")
    }

    /// Resident set size from /proc/self/statm (Linux).
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = text.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    static func openFiles() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
    }
}
