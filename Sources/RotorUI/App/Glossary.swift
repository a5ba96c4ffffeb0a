public import RotorCore

/// Every term and unit the built-in panes and the status bar show, in the words of
/// METRICS.md and the pane specs (Panes/*Pane.swift), for the help overlay. The flag
/// entries quote the thresholds in force (the config's `[thresholds]`).
///
/// A new reading, flag or unit on screen gets its line here, so nobody has to guess
/// what `pct` or `%/100bp` means.
public enum Glossary {
    public static func section(_ t: Thresholds = Thresholds()) -> HelpSection {
        HelpSection(title: "terms and units", entries: entries(t).map { HelpSection.Entry($0.0, $0.1) }, termWidth: 14)
    }

    static func entries(_ t: Thresholds) -> [(String, String)] {
        let z = number(t.rotationZ), high = number(t.breadthHigh), low = number(t.breadthLow)
        return [
            ("session", "a trading day: one row of data. 20d = 20 sessions, 1y = 252 sessions"),
            ("1Y (title)", "the charts' lookback, 1M to 5Y ([ and ] change it); the date after it is the pane's latest data"),
            ("1d 5d 20d", "change over the last 1, 5 or 20 sessions"),
            ("%", "a change in percent (+0.19%), or a level that is a percentage (a yield, a share of members)"),
            ("bp", "basis point: 0.01 percentage point (100 bp = 1%)"),
            ("pts", "volatility points: percentage points of annualized volatility"),
            ("x", "a multiple (1.65x = 1.65 times)"),
            ("z, z 1y", "z-score: how many standard deviations the value is from its mean of the last 252 sessions"),
            ("pct, pct 1y", "percentile rank of the last 252 sessions: the share of them at or below today's value (100 = the year's high, near 0 its low)"),
            ("–", "no value yet: the window is not full"),
            ("ratio", "RTY close / ES close: small caps against large caps (rising = small caps ahead)"),
            ("50d avg", "simple average of the last 50 sessions"),
            ("1y high, low", "highest and lowest value of the last 252 sessions"),
            ("10d spread", "RTY's 10-session return minus ES's, in bp"),
            ("spread z", "z-score of the 10d spread over 252 sessions"),
            ("RTY/NQ 10d", "RTY's 10-session return minus NQ's, in bp: small caps against tech (v charts RTY/NQ on the RTY/ES pane)"),
            ("record", "beside an extreme reading: the highest (lowest) of the whole history; largest (highest, lowest) since D: the first time since D. Shown only past a year of history"),
            ("EXTREME", "RTY/ES: small caps leading when spread z is at or above +\(z), lagging at or below -\(z)"),
            ("MAG7", "the seven names (AAPL MSFT GOOGL AMZN NVDA META TSLA) as an equal-weight basket, rebalanced daily"),
            ("vs SPX", "change of MAG7 / SPX: the basket's lead over the index; the chart starts the lookback at 100"),
            ("dispersion", "how far apart the seven names moved today: the standard deviation across them of their daily returns, in %"),
            ("trend", "the last 20 closes as a sparkline"),
            ("COR1M, RC20", "CORR HIGH: COR1M at pct \(number(t.impliedCorrHigh))+ of 1y. Implied correlation (Cboe) and the seven's realized one (mean pairwise, 20d returns) x100, in points; gap = COR1M - RC20"),
            ("IV", "implied volatility index, in %: VIX on ES, VXN on NQ, RVX on RTY"),
            ("RV20", "realized volatility: the standard deviation of the last 20 daily log returns, annualized (x √252), in %"),
            ("premium", "IV minus RV20, in pts (prem in the table): what options charge above the moves of the last month"),
            ("IV/RV", "IV divided by RV20, as a multiple"),
            ("IV<RV", "implied below realized: the premium is under 0, options are cheap against recent moves"),
            ("% > 50d", "share of the universe's members closing above their own 50-session average (> 20d, > 200d alike)"),
            ("% now", "the share today (breadth table); pct 1y beside it is its percentile"),
            ("net adv", "advances minus declines: members up today minus members down"),
            ("A/D line", "advance/decline line: the running total of net advances; A/D 40d is its last 40 sessions"),
            ("McClellan", "McClellan oscillator: 19-day minus 39-day exponential average of 1000·(A-D)/(A+D), A and D the advancing and declining members"),
            ("NH-NL", "members at a 252-session high minus members at a 252-session low"),
            ("EXTREME HIGH", "breadth: % > 50d at pct \(high) or above; EXTREME LOW: at pct \(low) or below"),
            ("REVERSING", "breadth was EXTREME on one of the previous \(t.reversalRows) sessions and is not now"),
            ("2y, 10y", "US 2-year and 10-year Treasury yields, in %"),
            ("2s10s", "the curve: 10y yield minus 2y yield, in bp"),
            ("corr20 corr60", "correlation of an index's daily returns with the 2y yield's daily changes, over 20 or 60 sessions (corr RTY/2y 60d is RTY's)"),
            ("%/100bp", "beta: the index's move in % per 100 bp rise of the 2y, over 60 sessions"),
            ("corr1y, 60d pct", "wide rates table: the same correlation over 252 sessions, and where the 60-session one sits in its year (percentile)"),
            ("RTY/10y", "zoomed rates table: the same measures against the 10-year yield's changes"),
            ("MAG7 ew", "zoomed Mag7 table: the equal-weight basket itself, beside the index"),
            ("60d, 1y avg", "wide tables: the 60-session change, and the average of the last 252 sessions"),
            ("▲", "under a chart: a date in the lookback on which one of the pane's flags was up"),
            ("◆ ● ◇", "on a chart's time axis: an FOMC decision, a CPI release, another event of the [events] files; the status bar names the next one (CPI in 2d)"),
            ("MI", "mutual information, in nats, of RTY's daily returns and the 2y's daily changes over 60 sessions in 8 equal-width bins: 0 when unrelated, higher when one tells about the other. With 60 rows the estimate alone is about 0.4, so read its pct"),
            ("MI spike", "MI at pct 95 or above of its year"),
            ("curve 20d", "what the curve did over 20 sessions: bull = yields fell on average, bear = they rose; steepener = 2s10s widened, flattener = it narrowed; flat = 2s10s moved less than 2 bp"),
            ("regime", "the macro regime: ES up or down over 20 sessions with the curve 20d, named (up with a bull steepener is Goldilocks, down with one a Growth scare); the config's [regimes] renames them"),
            ("stale", "the pane's latest data is more than \(PaneView.staleAfterDays) days older than the date on screen; its border turns to the warning colour"),
            ("⚠", "a feed is failing; f lists every feed's health and last error"),
            ("⚑", "the status bar's alerts: every active flag on any pane and each [[alerts]] rule fired and not yet cleared, most severe first; a lists what fired this session, with the time and the data date"),
            ("+N more", "rows that do not fit the pane; zoom shows them all"),
            ("REPLAY LIVE", "status bar: replaying CSV files a session at a time, or polling live feeds (LIVE shows the clock); PAUSED: stopped"),
            ("CURSOR \(LineChart.cursorGlyph)", "the date cursor (c): every pane's readings, tables and flags are of its date, in each pane's title; the charts stay on now and mark it \(LineChart.cursorGlyph); the ⚑ alerts stay on now"),
            ("corr 60d, chg 20d", "NETWORK: each pair's correlation over 60 rows of their daily inputs (returns, or a yield's changes), and its change over its own last 20 rows; the graph draws a pair at |corr| \(number(t.networkEdge)) or more"),
            ("AM, LF", "positioning: asset managers, leveraged funds (the CFTC's Traders in Financial Futures report, futures only, weekly); net = their long minus short contracts"),
            ("% OI", "a net position as a percentage of the contract's open interest; 1w: its change since the report before, in points"),
            ("pct 3y", "percentile rank of the last 156 weekly reports (three years)"),
            ("report", "the positioning report shown: as of its Tuesday, released (or, in a replay before that day, due) on its Friday, and how many days old it is on the date on screen"),
            ("CROWDED SHORT", "a net position at pct 3y \(number(t.crowdedShort)) or below; CROWDED LONG: at \(number(t.crowdedLong)) or above"),
            ("SQUEEZE RISK", "leveraged funds' small-cap pct 3y at \(number(t.squeezePercentile)) or below while the 10d spread z is at least \(number(t.squeezeZ)), both on the report's date; it holds until the next report"),
        ]
    }

    /// A threshold as written in the config: `2`, `97.5`.
    private static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : String(x)
    }
}
