/// The expressions each pane reads (METRICS.md "Built-in names"), written for a
/// set of roles.
public enum BuiltinExpressions {
    public static func rotation(_ r: Roles) -> [String] {
        let ratio = "ratio(\(r.small),\(r.large))"
        return [ratio, "sma(\(ratio),50)", "chg(\(ratio),1)", "chg(\(ratio),5)", "chg(\(ratio),20)",
                "spread(\(r.small),\(r.large),10)", "zscore(\(ratio),252)", "pctrank(\(ratio),252)",
                "zscore(spread(\(r.small),\(r.large),10),252)"]
    }

    public static func mag7(_ r: Roles) -> [String] {
        let basket = "ewbasket(\(r.mag7.joined(separator: ",")))"
        let relative = "ratio(\(basket),\(r.index))"
        var out = [basket, relative]
        for name in r.mag7 { out += [1, 5, 20].map { "chg(\(name),\($0))" } }
        out += ["dispersion(\(r.mag7.joined(separator: ",")))", "zscore(\(relative),252)"]
        return out
    }

    public static func volPremium(_ r: Roles) -> [String] {
        r.volPairs.flatMap { pair -> [String] in
            let realized = "rvol(\(pair.underlying),20)"
            let premium = "sub(\(pair.implied),\(realized))"
            return [realized, premium, "div(\(pair.implied),\(realized))", "pctrank(\(premium),252)"]
        }
    }

    public static func breadth(_ r: Roles) -> [String] {
        let u = "@" + r.universe
        return ["above(\(u),20)", "above(\(u),50)", "above(\(u),200)", "pctrank(above(\(u),50),252)",
                "netadv(\(u))", "adline(\(u))", "mcclellan(\(u))", "nhnl(\(u),252)"]
    }

    public static func rates(_ r: Roles) -> [String] {
        let d2 = "diff(\(r.twoYear))"
        return [d2, "corr(ret(\(r.small)),\(d2),20)"]
            + [r.small, r.large, r.tech].map { "corr(ret(\($0)),\(d2),60)" }
            + ["beta(ret(\(r.small)),\(d2),60)", "mi(ret(\(r.small)),\(d2),60,8)",
               "sub(\(r.tenYear),\(r.twoYear))"]
    }

    /// Every pane's expressions, in pane order.
    public static func all(_ r: Roles = Roles()) -> [String] {
        rotation(r) + mag7(r) + volPremium(r) + breadth(r) + rates(r)
    }
}
