/// How much of a row or column a part of a layout asks for.
public enum Length: Hashable, Sendable {
    /// Exactly this many cells (less when the space runs out).
    case fixed(Int)
    /// `numerator/denominator` of the whole space, rounded down.
    case ratio(Int, Int)
    /// A share of what `fixed` and `ratio` parts leave, by weight; any remainder of
    /// the division goes to the first fills, one cell each.
    case fill(Int)

    /// A fill of weight 1.
    public static let fill = Length.fill(1)
}
