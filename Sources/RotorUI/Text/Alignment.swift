/// Horizontal placement of text in a column or bar.
public enum Alignment: Hashable, Sendable {
    case left
    case right
    /// Right for text that reads as a number (`-1.25`, `+0.4%`, `12bp`, `▲3`), left
    /// otherwise: how tables keep digits lined up without per-column configuration.
    case automatic

    /// The concrete alignment of `text` under this rule.
    public func resolved(for text: String) -> Alignment {
        switch self {
        case .left, .right: self
        case .automatic: NumberLabel.looksNumeric(text) ? .right : .left
        }
    }
}
