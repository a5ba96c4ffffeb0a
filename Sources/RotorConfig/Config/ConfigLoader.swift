import RotorCore
import RotorUI

extension RotorConfig {
    /// Reads a config file's text strictly: a TOML error names the line, an unknown
    /// key names its line (with the nearest known key), a wrong type names the key and
    /// the type it needs. `file` is the path the messages use.
    public static func parse(_ text: String, file: String) throws(ConfigError) -> RotorConfig {
        let document: TOMLTable
        do {
            document = try TOMLParser.parse(text)
        } catch {
            throw ConfigError(file: file, line: error.line, message: error.message)
        }
        var c = RotorConfig()
        var top = TableReader(file: file, table: document)

        if var data = try top.table("data") {
            c.dataFolder = try data.string("folder")
            c.adjustedClose = try data.bool("adjusted_close") ?? false
            try data.finish()
        }
        if var roles = try top.table("roles") {
            try readRoles(&roles, into: &c.roles)
            try roles.finish()
        }
        if var positioning = try top.table("positioning") { try readPositioning(&positioning, into: &c.roles) }
        if let pairs = try top.tables("vol_pairs") {
            c.roles.volPairs = []
            for var pair in pairs {
                guard let implied = try pair.string("implied") else { throw pair.error("implied", "missing (the implied vol index, e.g. VIX)") }
                guard let underlying = try pair.string("underlying") else { throw pair.error("underlying", "missing (the future, e.g. ES)") }
                try pair.finish()
                c.roles.volPairs.append((implied, underlying))
            }
        }
        if let feeds = try top.tables("feeds") {
            c.feeds = try feeds.map { (feed: TableReader) throws(ConfigError) in try readFeed(feed) }
            try checkDistinctSymbols(feeds, c.feeds)
        }
        if var display = try top.table("display") {
            if let text = try display.string("lookback") {
                guard let l = Lookback.allCases.first(where: { $0.label.lowercased() == text.lowercased() }) else {
                    throw display.error("lookback", "must be one of \(Lookback.allCases.map(\.label).joined(separator: " ")), got '\(text)'")
                }
                c.lookback = l
            }
            c.theme = try display.string("theme")
            c.themeLine = display.table["theme"]?.line ?? 0
            c.snapshotDir = try display.string("snapshot_dir")
            c.mouse = try display.bool("mouse") ?? true
            try display.finish()
        }
        if var replay = try top.table("replay") {
            c.replaySpeed = try replay.number("speed", in: 0.001...1000) ?? 1
            if let start = try replay.string("start") {
                guard let day = Day(parsing: start) else { throw replay.error("start", "cannot read '\(start)' as a date (YYYY-MM-DD)") }
                c.replayStart = day
            }
            try replay.finish()
        }
        if var t = try top.table("thresholds") {
            c.thresholds.rotationZ = try t.number("rotation_z", in: 0.1...10) ?? c.thresholds.rotationZ
            c.thresholds.breadthHigh = try t.number("breadth_high", in: 50...100) ?? c.thresholds.breadthHigh
            c.thresholds.breadthLow = try t.number("breadth_low", in: 0...50) ?? c.thresholds.breadthLow
            c.thresholds.reversalRows = try t.integer("reversal_rows", in: 1...60) ?? c.thresholds.reversalRows
            c.thresholds.impliedCorrHigh = try t.number("implied_corr_high", in: 50...100) ?? c.thresholds.impliedCorrHigh
            c.thresholds.crowdedShort = try t.number("crowded_short", in: 0...50) ?? c.thresholds.crowdedShort
            c.thresholds.crowdedLong = try t.number("crowded_long", in: 50...100) ?? c.thresholds.crowdedLong
            c.thresholds.squeezePercentile = try t.number("squeeze_pct", in: 0...50) ?? c.thresholds.squeezePercentile
            c.thresholds.squeezeZ = try t.number("squeeze_z", in: 0.1...10) ?? c.thresholds.squeezeZ
            try t.finish()
        }
        if var regimes = try top.table("regimes") { try readRegimes(&regimes, into: &c.thresholds.regimeNames) }
        if var network = try top.table("network") { try readNetwork(&network, into: &c.roles, thresholds: &c.thresholds) }
        if let episodes = try top.tables("episodes") { c.episodes = try readEpisodes(episodes) }
        if var fred = try top.table("fred") {
            if let key = try fred.string("api_key") {
                // The key itself is never repeated in a message.
                guard key.count == 32, key.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) }) else {
                    throw fred.error("api_key", "must be 32 lower-case letters and digits")
                }
                c.fredAPIKey = key
            }
            try fred.finish()
        }
        if var events = try top.table("events") { try readEvents(&events, into: &c) }
        if let levels = try top.tables("levels") { c.levels = try readLevels(levels) }
        if var store = try top.table("store") { c.store = try readStore(&store) }
        if let panes = try top.tables("panes") {
            c.panes = try readPanes(panes, builtin: PaneRegistry.builtins(c.roles, c.thresholds).map(\.name))
        }
        if let pages = try top.tables("pages") {
            c.pages = try readPages(pages, known: c.paneSpecs.map(\.name))
        }
        if let alerts = try top.tables("alerts") {
            // After the panes: their flags are the built-in alerts an entry may override.
            c.alerts = try readAlerts(alerts, builtin: AlertBook.builtinNames(c.paneSpecs))
        }
        if var keys = try top.table("keys") {
            c.keys = try readKeys(&keys)
            try keys.finish()
        }
        try top.finish()
        return c
    }

    private static func readRoles(_ r: inout TableReader, into roles: inout Roles) throws(ConfigError) {
        func symbol(_ key: String) throws(ConfigError) -> String? {
            guard let s = try r.string(key) else { return nil }
            guard isSymbol(s) else { throw r.error(key, "'\(s)' is not a symbol (a letter, then letters, digits, . _ -)") }
            return s
        }
        roles.small = try symbol("small") ?? roles.small
        roles.large = try symbol("large") ?? roles.large
        roles.tech = try symbol("tech") ?? roles.tech
        roles.index = try symbol("index") ?? roles.index
        roles.twoYear = try symbol("two_year") ?? roles.twoYear
        roles.tenYear = try symbol("ten_year") ?? roles.tenYear
        roles.impliedCorr = try symbol("implied_corr") ?? roles.impliedCorr
        if let mag7 = try r.strings("mag7") {
            guard mag7.count >= 2 else { throw r.error("mag7", "needs at least two symbols") }
            for s in mag7 where !isSymbol(s) { throw r.error("mag7", "'\(s)' is not a symbol") }
            roles.mag7 = mag7
        }
        if let u = try r.string("universe") {
            let name = u.hasPrefix("@") ? String(u.dropFirst()) : u
            guard isSymbol(name) else { throw r.error("universe", "'\(u)' is not a universe name (@name)") }
            roles.universe = name
        }
    }

    private static func readFeed(_ feed: TableReader) throws(ConfigError) -> Feed {
        var f = feed
        guard let symbol = try f.string("symbol") else { throw f.error("symbol", "missing (the name expressions use, e.g. ES)") }
        guard let providerName = try f.string("provider") else { throw f.error("provider", "missing (\(providerNames))") }
        guard let provider = Feed.Provider(rawValue: providerName.lowercased()) else {
            let hint = suggestion(for: providerName, among: Feed.Provider.allCases.map(\.rawValue)).map { " (did you mean \($0)?)" } ?? ""
            throw f.error("provider", "unknown provider '\(providerName)': use \(providerNames)\(hint)")
        }
        let ticker = try f.string("ticker") ?? symbol
        if provider == .cftc { try checkCFTCFeed(f, symbol: symbol, ticker: ticker) }
        let interval = try f.number("interval", in: 1...86_400)
        let baseURL = try f.string("base_url")
        let members = try f.string("members")
        if symbol.hasPrefix("@") {
            guard members != nil else { throw f.error("members", "missing: a universe feed needs a file of member tickers") }
            guard isSymbol(String(symbol.dropFirst())) else { throw f.error("symbol", "'\(symbol)' is not a universe name (@name)") }
        } else {
            if members != nil { throw f.error("members", "only a universe feed (symbol = \"@name\") has members") }
            guard isSymbol(symbol) else { throw f.error("symbol", "'\(symbol)' is not a symbol (a letter, then letters, digits, . _ -)") }
        }
        if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://127.0.0.1")
                          || baseURL.hasPrefix("http://localhost") || baseURL.hasPrefix("http://[::1]")) {
            throw f.error("base_url", "must be https://, or http:// to this machine (127.0.0.1, localhost), got '\(baseURL)'")
        }
        try f.finish()
        return Feed(symbol: symbol, provider: provider, ticker: ticker, interval: interval, baseURL: baseURL,
                    members: members, line: feed.table.line)
    }

    /// The providers a feed may name, for messages.
    static let providerNames = "yahoo, fred, cboe, cftc or csv"

    /// A cftc feed is one contract: a plain symbol (its series are `SYMBOL_AM` ...)
    /// and a contract code as the CFTC writes them (`239742`, `13874A`), given
    /// explicitly since the symbol is not one.
    private static func checkCFTCFeed(_ f: TableReader, symbol: String, ticker: String) throws(ConfigError) {
        if symbol.hasPrefix("@") { throw f.error("symbol", "a cftc feed is one contract, not a universe") }
        guard f.table["ticker"] != nil else {
            throw f.error("ticker", "missing: the CFTC contract code, e.g. 239742 (E-mini Russell 2000)")
        }
        guard ticker.count == 6, ticker.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw f.error("ticker", "'\(ticker)' is not a CFTC contract code (six letters and digits, e.g. 239742 or 13874A)")
        }
    }

    /// Two feeds for one symbol would race to fill it: the second is an error at its
    /// `symbol` line, naming the first. Symbols match case-insensitively, as in
    /// expressions; a cftc feed fills its series' symbols (`RTY_AM` ...), not its own.
    private static func checkDistinctSymbols(_ readers: [TableReader], _ feeds: [Feed]) throws(ConfigError) {
        var first: [String: Int] = [:] // lower-cased symbol -> line of its feed's symbol
        for (reader, feed) in zip(readers, feeds) {
            let line = reader.table["symbol"]?.line ?? feed.line
            for symbol in feed.symbols {
                if let earlier = first[symbol.lowercased()] {
                    throw reader.error("symbol", "\(symbol) already has a feed (symbol on line \(earlier)); give each symbol one [[feeds]]")
                }
                first[symbol.lowercased()] = line
            }
        }
    }

    /// `[keys]`: each action's keys replace its defaults, and a key bound here is
    /// taken from the action that had it by default (Samples/rotor.example.toml).
    /// Two actions given the same key here is an error at the second, naming the
    /// first: which one the key should do is the user's choice, not rotor's. Ctrl-C
    /// always quits, so binding it to another action is an error too.
    private static func readKeys(_ r: inout TableReader) throws(ConfigError) -> KeyMap {
        var changes: [Action: [Key]] = [:]
        var boundHere: [Key: (action: Action, line: Int)] = [:]
        for name in r.table.keys {
            guard let action = Action(rawValue: name) else { continue } // reported by finish() with a hint
            let texts = try r.strings(name) ?? []
            var keys: [Key] = []
            for text in texts {
                guard let key = KeyMap.parseKey(text) else {
                    throw r.error(name, "cannot read '\(text)' as a key (a character, space, enter, esc, tab, shift-tab, arrows, f1-f12, ctrl-x)")
                }
                if key == .control("c"), action != .quit {
                    throw r.error(name, "'\(text)' always quits; it cannot be bound to \(name)")
                }
                let line = r.table[name]?.line ?? r.table.line
                if let earlier = boundHere[key], earlier.action != action {
                    throw r.error(name, "'\(text)' is already bound to \(earlier.action.rawValue) (line \(earlier.line)); one key does one thing")
                }
                boundHere[key] = (action, line)
                keys.append(key)
            }
            changes[action] = keys
        }
        // Ask for the rest so unknown names get a "did you mean" among all actions.
        for action in Action.allCases where changes[action] == nil { _ = r.item(action.rawValue) }
        return KeyMap.standard.rebinding(changes)
    }

    static func isSymbol(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first.isASCIILetter else { return false }
        return s.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0) }
    }
}

private extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
