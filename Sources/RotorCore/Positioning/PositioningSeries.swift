/// The series a CFTC positioning feed fills for one contract, each named by the
/// feed's symbol and a suffix: a feed `symbol = "RTY"` fills `RTY_AM`, `RTY_LF` and
/// `RTY_OI`. One list, read by the config (which symbols a feed fills), the
/// provider (what it computes) and the panes (what they read).
public enum PositioningSeries: String, Sendable, CaseIterable {
    /// Asset managers' net position: long minus short contracts.
    case assetManagers = "AM"
    /// Leveraged funds' net position: long minus short contracts.
    case leveragedFunds = "LF"
    /// Open interest: every contract open.
    case openInterest = "OI"

    /// `RTY_AM`: the symbol this series of `contract`'s feed fills.
    public func symbol(_ contract: String) -> String { contract + "_" + rawValue }

    /// Every symbol a positioning feed named `contract` fills, in this order.
    public static func symbols(_ contract: String) -> [String] { allCases.map { $0.symbol(contract) } }
}
