import Foundation
import Testing
@testable import RotorCore

/// Every name of `FunctionCatalog.functions` computes with its own kernel: the
/// evaluator's result equals the kernel called directly, on data where the kernels
/// of one shape all differ, so an entry wired to another function's kernel fails.
@Suite struct FunctionTableTests {
    static let data: MarketData = {
        var rng = StreamingKernelTests.SplitMix(state: 12)
        let dates = (0..<160).map { Day(ordinal: Int32(19_000 + $0)) }
        func walk(start: Double, skipping gap: Int) -> Series {
            var x = start, kept: [(Day, Double)] = []
            for (i, d) in dates.enumerated() {
                x *= 1 + Double.random(in: -0.03...0.03, using: &rng)
                if gap == 0 || i % gap != 0 { kept.append((d, (x * 100).rounded() / 100)) }
            }
            return Series(dates: kept.map(\.0), values: kept.map(\.1))
        }
        let members = (0..<9).map { (name: "M\($0)", series: walk(start: 50 + Double($0) * 7, skipping: $0 % 3 == 0 ? 0 : 5 + $0)) }
        return MarketData(symbols: ["A": walk(start: 100, skipping: 0), "B": walk(start: 40, skipping: 11)],
                          universes: ["u": Universe(name: "u", members: members)])
    }()

    static var a: Series { data.symbols["A"]! }
    static var b: Series { data.symbols["B"]! }
    static var breadth: Breadth { Breadth(data.universes["u"]!) }

    /// Each function: an expression of it, and what its kernel gives for the same arguments.
    static let kernels: [String: (text: String, kernel: @Sendable () -> Series)] = [
        "ret": ("ret(A)", { Elementwise.ret(a) }),
        "logret": ("logret(A)", { Elementwise.logret(a) }),
        "diff": ("diff(A)", { Elementwise.diff(a) }),
        "norm": ("norm(A)", { Elementwise.norm(a) }),
        "chg": ("chg(A,5)", { Elementwise.chg(a, 5) }),
        "sma": ("sma(A,5)", { RollingStats.sma(a, 5) }),
        "std": ("std(A,5)", { RollingStats.std(a, 5) }),
        "zscore": ("zscore(A,5)", { RollingStats.zscore(a, 5) }),
        "pctrank": ("pctrank(A,5)", { RollingRank.pctrank(a, 5) }),
        "rvol": ("rvol(A,5)", { RollingStats.rvol(a, 5) }),
        "max": ("max(A,5)", { RollingExtrema.max(a, 5) }),
        "min": ("min(A,5)", { RollingExtrema.min(a, 5) }),
        "sincehigh": ("sincehigh(A)", { RowsSince.sincehigh(a) }),
        "sincelow": ("sincelow(A)", { RowsSince.sincelow(a) }),
        "ema": ("ema(A,5)", { ExponentialAverage.ema(a, span: 5) }),
        "ratio": ("ratio(A,B)", { Elementwise.arithmetic(.div, .series(a), .series(b)) }),
        "sub": ("sub(A,B)", { Elementwise.arithmetic(.sub, .series(a), .series(b)) }),
        "add": ("add(A,B)", { Elementwise.arithmetic(.add, .series(a), .series(b)) }),
        "mul": ("mul(A,B)", { Elementwise.arithmetic(.mul, .series(a), .series(b)) }),
        "div": ("div(A,B)", { Elementwise.arithmetic(.div, .series(a), .series(b)) }),
        "spread": ("spread(A,B,5)", { Elementwise.spread(a, b, 5) }),
        "corr": ("corr(A,B,5)", { RollingCovariance.corr(a, b, 5) }),
        "beta": ("beta(A,B,5)", { RollingCovariance.beta(a, b, 5) }),
        "mi": ("mi(A,B,20,4)", { MutualInformation.mi(a, b, 20, bins: 4) }),
        "ewbasket": ("ewbasket(A,B)", { Baskets.ewbasket([a, b]) }),
        "dispersion": ("dispersion(A,B)", { Baskets.dispersion([a, b]) }),
        // Three series: with two, avgcorr is corr to the bit (AverageCorrelationTests).
        "avgcorr": ("avgcorr(A,B,ret(A),5)", { AverageCorrelation.avgcorr([a, b, Elementwise.ret(a)], 5) }),
        "above": ("above(@u,5)", { breadth.above(5) }),
        "nhnl": ("nhnl(@u,5)", { breadth.nhnl(5) }),
        "advances": ("advances(@u)", { breadth.advanceDecline.advances }),
        "declines": ("declines(@u)", { breadth.advanceDecline.declines }),
        "netadv": ("netadv(@u)", { breadth.advanceDecline.net }),
        "adline": ("adline(@u)", { breadth.adline() }),
        "mcclellan": ("mcclellan(@u)", { breadth.mcclellan() }),
    ]

    @Test func everyFunctionHasAKernelCheck() {
        #expect(Set(Self.kernels.keys) == Set(FunctionCatalog.names))
    }

    @Test(arguments: FunctionCatalog.names)
    func evaluatesWithItsOwnKernel(_ name: String) throws {
        let entry = try #require(Self.kernels[name], "no kernel check for \(name)")
        var evaluator = Evaluator(data: Self.data)
        let actual = try evaluator.evaluate(entry.text)
        #expect(actual.count > 0, "\(entry.text) has no rows: the check would prove nothing")
        #expect(actual == entry.kernel(), "\(entry.text)")
    }

    /// The data tells the kernels apart: were two names wired to the same kernel,
    /// one of them would fail `evaluatesWithItsOwnKernel`. (`ratio` is `div` of two
    /// series by definition.)
    @Test func theKernelsDifferOnThisData() {
        let results = Self.kernels.mapValues { $0.kernel() }
        let names = results.keys.sorted()
        for (i, x) in names.enumerated() {
            for y in names[(i + 1)...] where Set([x, y]) != ["ratio", "div"] {
                #expect(results[x] != results[y], "\(x) and \(y) agree on this data")
            }
        }
    }

    /// An integer parameter bounded by another (`mi`'s bins <= n) names an earlier
    /// integer parameter of the same function; otherwise the bound would not be checked.
    @Test func boundsByAnotherArgumentNameAnEarlierOne() {
        var bounded = 0
        for (name, function) in FunctionCatalog.functions {
            guard case let .fixed(parameters) = function.parameters else { continue }
            let integers = parameters.compactMap { if case let .integer(p) = $0 { p } else { nil } }
            for (i, p) in integers.enumerated() {
                guard let limit = p.atMost else { continue }
                bounded += 1
                #expect(integers[..<i].contains { $0.name == limit }, "\(name): \(p.name) <= \(limit)")
            }
        }
        #expect(bounded == 1) // mi
    }

    /// The README's table of the metric language (the users' copy of METRICS.md's
    /// function list) names exactly the functions of the table.
    @Test func theReadmeListsExactlyTheseFunctions() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let section = try #require(text.range(of: "### The metric language"))
        let table = text[section.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
            .drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }
        var listed = Set<String>()
        for row in table {
            // Names are the words in backticks, before "(" or alone (`sub` `add` ...).
            for code in row.split(separator: "`").enumerated().filter({ $0.offset % 2 == 1 }).map(\.element) {
                let name = code.prefix { $0.isLetter }
                if !name.isEmpty, name == code || code.dropFirst(name.count).hasPrefix("(") { listed.insert(String(name)) }
            }
        }
        #expect(listed == Set(FunctionCatalog.names), "README only: \(listed.subtracting(FunctionCatalog.names).sorted()), table only: \(Set(FunctionCatalog.names).subtracting(listed).sorted())")
    }
}
