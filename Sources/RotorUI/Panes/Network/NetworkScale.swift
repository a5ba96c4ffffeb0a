/// How strongly a matrix cell or graph edge is drawn: four bands of |value|, each
/// a step up in weight (dim, plain, bold, reversed; or the shades ░ ▒ ▓ █ where a
/// cell has no room for its number), in the theme's colour for the sign (`up` for
/// positive, `down` for negative) or, for the MI's percentile, one colour whose top
/// band is the warning colour of an MI spike. Weight and shade carry the strength
/// without colour too (monochrome, NO_COLOR).
struct NetworkScale: Sendable {
    /// Ascending |value| at which each band starts.
    let bands: [Double]
    /// Decimals of the legend's numbers.
    let decimals: Int
    /// Signed values diverge around 0 in `up` / `down`; otherwise one sequential scale.
    let diverging: Bool

    /// Correlations: 0.1, 0.3, 0.5 and 0.7.
    static let correlation = NetworkScale(bands: [0.1, 0.3, 0.5, 0.7], decimals: 1, diverging: true)
    /// 20-row changes of a correlation: 0.05, 0.1, 0.2 and 0.3.
    static let change = NetworkScale(bands: [0.05, 0.1, 0.2, 0.3], decimals: 2, diverging: true)
    /// MI percentiles in their year: 50, 75, 90 and 95 (the rates pane's MI spike).
    static let percentile = NetworkScale(bands: [50, 75, 90, 95], decimals: 0, diverging: false)

    static let shades: [Character] = ["·", "░", "▒", "▓", "█"]

    /// 0 below the first band, up to 4 in the last.
    func level(_ v: Double) -> Int { bands.filter { abs(v) >= $0 }.count }

    private func role(_ v: Double) -> StyleRole {
        guard diverging else { return level(v) == 4 ? .warn : .series1 }
        return v < 0 ? .down : .up
    }

    /// The style of a number in a cell, or of an edge.
    func style(_ v: Double) -> Style {
        let base = Style.role(role(v))
        switch level(v) {
        case 0: return .role(.dim)
        case 1: return base.dim()
        case 2: return base
        case 3: return base.bold()
        default: return base.bold().reversed()
        }
    }

    /// The shade of a cell too narrow for its number, and its style.
    func shade(_ v: Double) -> (Character, Style) {
        let l = level(v)
        return (Self.shades[l], l == 0 ? .role(.dim) : .role(role(v)))
    }

    private func label(_ v: Double, signed: Bool) -> String {
        let text = NumberLabel.fixed(abs(v), decimals: decimals)
        guard signed else { return text }
        return (v < 0 ? "-" : "+") + text
    }

    /// The legend: each band's start written in its style (`-0.7 -0.5 ... +0.7`), or
    /// with shades, `-0.7 █▓▒░·░▒▓█ +0.7`.
    func legend(shaded: Bool) -> TextLine {
        var spans: [Span] = []
        if shaded {
            let top = bands[bands.count - 1]
            if diverging {
                spans.append(Span(label(-top, signed: true) + " ", style: .role(.dim)))
                for b in bands.reversed() { let (c, s) = shade(-b); spans.append(Span(String(c), style: s)) }
            }
            spans.append(Span("·", style: .role(.dim)))
            for b in bands { let (c, s) = shade(b); spans.append(Span(String(c), style: s)) }
            spans.append(Span(" " + label(top, signed: diverging), style: .role(.dim)))
            return TextLine(spans)
        }
        let values = diverging ? bands.reversed().map { -$0 } + bands : bands
        for (k, v) in values.enumerated() {
            if k > 0 { spans.append(Span(" ")) }
            if diverging && k == bands.count { spans.append(Span("0 ", style: .role(.dim))) }
            spans.append(Span(label(v, signed: diverging), style: style(v)))
        }
        return TextLine(spans)
    }
}
