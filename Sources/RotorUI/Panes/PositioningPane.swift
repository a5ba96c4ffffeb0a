public import RotorCore

/// POSITIONING (page 2): who holds the index futures, from the CFTC's weekly Traders
/// in Financial Futures report, and is the small-cap move a squeeze? For each
/// contract of `[positioning] symbols` (RTY, NQ, ES; ZN or ZT when configured),
/// asset managers' and leveraged funds' net position as a share of open interest,
/// its percentile of three years of reports, its change since the last report and
/// a sparkline; the report's as-of and release dates and its age; CROWDED SHORT /
/// LONG at the percentile thresholds, and SQUEEZE RISK when leveraged funds are
/// crowded short small caps while small caps rip against large caps.
///
/// The series are weekly (dated by the report's Tuesday) and every value shown is the
/// last on or before the date on screen, so a reading holds until the next report;
/// the report row says how old it is.
public enum PositioningPane {
    /// One trader group's net position in one contract.
    struct Holding {
        let contract: String
        let group: PositioningSeries
        var net: String { group.symbol(contract) }
        var interest: String { PositioningSeries.openInterest.symbol(contract) }
        /// Net as a percent of open interest: comparable across contracts and years.
        var share: String { "mul(div(\(net),\(interest)),100)" }
        /// Its percentile over 156 reports (three years of weekly rows).
        var percentile: String { "pctrank(\(share),\(PositioningPane.reports3y))" }
        /// Its change since the report before, in percentage points.
        var change: String { "diff(\(share))" }
        var label: String { "\(contract) \(group.rawValue)" }
        var expressions: [String] { [share, percentile, change, interest] }
    }

    /// Three years of weekly reports.
    static let reports3y = 156
    /// The sparkline's reports: half a year, a year when the pane is wide.
    static let trendReports = (short: 26, long: 52)

    static func holdings(_ r: Roles) -> [Holding] {
        r.positioning.flatMap { c in [PositioningSeries.assetManagers, .leveragedFunds].map { Holding(contract: c, group: $0) } }
    }

    public static func spec(_ r: Roles, _ t: Thresholds) -> PaneSpec {
        let holdings = holdings(r)
        let squeezed = Holding(contract: r.small, group: .leveragedFunds)
        let spreadZ = "zscore(spread(\(r.small),\(r.large),10),252)"
        let hasSqueeze = r.positioning.contains(r.small)
        var readings: [ReadingSpec] = []
        if hasSqueeze {
            readings = [.init("\(squeezed.label) % OI", squeezed.share, .signed(1)),
                        .init("pct 3y", squeezed.percentile, .decimals(0)).joined(),
                        .init("\(r.small)/\(r.large) 10d z", spreadZ, .signed(2))]
        }
        let crowded = holdings.flatMap { h in
            [crowdedFlag(h, .atMost, t.crowdedShort, "CROWDED SHORT", alert: "crowded-short:\(h.net)"),
             crowdedFlag(h, .atLeast, t.crowdedLong, "CROWDED LONG", alert: "crowded-long:\(h.net)")]
        }
        let squeeze = hasSqueeze ? [squeezeFlag(squeezed, spreadZ: spreadZ, r, t)] : []
        return PaneSpec(
            name: "positioning", title: "POSITIONING",
            views: [.init(readings: readings, chart: hasSqueeze ? chart(r) : nil)],
            flags: (holdings.first.map { [reportFlag($0)] } ?? []) + squeeze + crowded,
            table: holdings.isEmpty ? nil : TableSpec(reads: holdings.flatMap(\.expressions)) { reader, room in
                table(reader, holdings, t, room)
            })
    }

    /// The small caps' two groups over the lookback, in reports (52 a year), with the
    /// zero line: leveraged funds' short against asset managers' long is the squeeze's
    /// setup, and its unwinding is the line turning up.
    static func chart(_ r: Roles) -> ChartSpec {
        let funds = Holding(contract: r.small, group: .leveragedFunds)
        let managers = Holding(contract: r.small, group: .assetManagers)
        var chart = ChartSpec([.init(funds.share, "\(funds.label) % OI", .series1),
                               .init(managers.share, "\(managers.label) % OI", .series2)],
                              levels: [.init(0, keepsInRange: true)],
                              valueLabel: { NumberLabel.fixed($0, decimals: 0) })
        chart.rowsPerYear = 52
        return chart
    }

    /// The report shown, as a state row: `report as of 2024-07-16 1d old released
    /// 2024-07-19` (`due` while the release is after the date on screen: a replay of
    /// history shows a report from its as-of date, as `rotor export` dates it).
    static func reportFlag(_ h: Holding) -> FlagSpec {
        FlagSpec(reads: [h.share]) { reader in
            guard let asOf = reader.lastDate(h.share) else { return nil }
            let age = Int(reader.asOf.ordinal - asOf.ordinal)
            let release = CFTCReleaseCalendar.release(asOf: asOf)
            let released = release <= reader.asOf ? "released" : "due"
            return ActiveFlag(.state, "as of \(asOf.iso)",
                              detail: [FlagDetail("\(age)d old"),
                                       FlagDetail("\(released) \(release.iso)", or: "\(released) \(DateLabelFormat.monthDay.format(release))")],
                              label: "report")
        }
    }

    /// CROWDED SHORT / LONG while a holding's 3-year percentile is at a threshold;
    /// the strip says `RTY LF CROWDED SHORT`. A warning, not an alert: a crowded
    /// side is worth a look for weeks on end, and it should neither ring the bell nor
    /// push the page-1 extremes out of the strip.
    static func crowdedFlag(_ h: Holding, _ comparison: Condition.Comparison, _ bound: Double, _ word: String,
                            alert: String) -> FlagSpec {
        var spec = FlagSpec.when(Condition(h.percentile, comparison, bound)) { reader in
            let pct = reader.value(h.percentile).map(NumberFormatKind.decimals(0).format) ?? NumberFormatKind.absent
            let share = reader.value(h.share).map(NumberFormatKind.signed(1).format) ?? NumberFormatKind.absent
            return ActiveFlag(.warn, word, detail: [FlagDetail(h.label), FlagDetail("pct \(pct) of 3y", or: "pct \(pct)"),
                                                    FlagDetail("(\(share)% of OI)")],
                              subject: h.label)
        }.alert(alert)
        // Its words read the share too (`rotor line`'s model evaluates only what flags read).
        spec.reads.append(h.share)
        return spec
    }

    /// SQUEEZE RISK: leveraged funds' small-cap percentile at most `squeezePercentile`
    /// while the small/large 10d spread's z is at least `squeezeZ`, both on the latest
    /// row of their inner join on or before the date on screen (METRICS.md's
    /// alignment): a report's Tuesday, whose positions and spread are of one day. It
    /// holds until the next report; the report row says how old that is.
    static func squeezeFlag(_ h: Holding, spreadZ: String, _ r: Roles, _ t: Thresholds) -> FlagSpec {
        var spec = FlagSpec(reads: [h.percentile, spreadZ]) { reader in
            guard let row = joinedRow(reader, h.percentile, spreadZ),
                  row.a <= t.squeezePercentile, row.b >= t.squeezeZ else { return nil }
            let pct = NumberFormatKind.decimals(0).format(row.a), z = NumberFormatKind.signed(2).format(row.b)
            return ActiveFlag(.alert, "SQUEEZE RISK",
                              detail: [FlagDetail("\(h.label) pct \(pct)", or: "pct \(pct)"),
                                       FlagDetail("\(r.small)/\(r.large) z \(z)", or: "z \(z)"),
                                       FlagDetail("on \(row.date.iso)")],
                              subject: r.small)
        }.alert("squeeze-risk", expression: h.percentile)
        spec.conditionWords = "\(h.percentile) <= \(NumberFormat.shortest(t.squeezePercentile)) and "
            + "\(spreadZ) >= \(NumberFormat.shortest(t.squeezeZ)) on their latest joined row"
        return spec
    }

    /// The latest date on or before the reader's on which both series have a row (the
    /// last row of their inner join), with both values.
    static func joinedRow(_ reader: PaneReader, _ a: String, _ b: String) -> (date: Day, a: Double, b: Double)? {
        guard let sa = reader.model.series[a], let sb = reader.model.series[b] else { return nil }
        var i = sa.lowerBound(reader.asOf.adding(days: 1)) - 1
        while i >= 0 {
            let day = sa.dates[i]
            if let vb = sb.value(on: day) { return (day, sa.values[i], vb) }
            i -= 1
        }
        return nil
    }

    /// One row per holding: net % of open interest, its change since the last report
    /// (coloured by sign), its 3-year percentile (alert style when crowded), a
    /// sparkline of its share and the crowded side; a wide or zoomed pane adds the
    /// open interest (thousands of contracts) and a year of sparkline.
    static func table(_ reader: PaneReader, _ holdings: [Holding], _ t: Thresholds, _ room: TableRoom) -> Table {
        let crowdedStyle = Style.role(.alert).bold()
        let sides: [String] = holdings.map { h in
            guard let pct = reader.value(h.percentile) else { return "" }
            return pct <= t.crowdedShort ? "SHORT" : pct >= t.crowdedLong ? "LONG" : ""
        }
        let columns: [Table.RankedColumn] = [
            .init(.init("net"), holdings.map { Table.Entry($0.label) }, priority: 0),
            reader.numberColumn("% OI", holdings.map(\.share), .signed(1), priority: 0),
            reader.numberColumn("1w", holdings.map(\.change), .signed(1), priority: 1, coloursBySign: true),
            reader.numberColumn("pct 3y", holdings.map(\.percentile), .decimals(0), priority: 0, style: { pct in
                pct <= t.crowdedShort || pct >= t.crowdedLong ? crowdedStyle : nil
            }),
            reader.numberColumn("OI k", holdings.map(\.interest), .decimals(0), scale: 0.001, priority: 3),
            // Counted at its widest on every date, so its coming and going moves nothing.
            .init(.init("crowded", alignment: .left), sides.map { Table.Entry($0, style: crowdedStyle) }, priority: 2,
                  widest: DisplayWidth.of("crowded")),
        ]
        var table = Table.fitted(columns, width: room.width)
        let wanted = room.isZoomed || room.width >= 100 ? trendReports.long : trendReports.short
        let width = min(wanted, room.width - table.naturalWidth - table.spacing)
        if width >= 5 {
            table.columns.append(.init("\(width)w", width: .fixed(width), alignment: .left))
            for (i, h) in holdings.enumerated() {
                table.rows[i].append(Table.Entry(Sparkline.glyphs(reader.window(h.share, sessions: width).values, width: width),
                                                 style: .role(.series1)))
            }
        }
        return table
    }
}
