/// A Treasury note future priced as its cheapest-to-deliver note: a 6% coupon paid
/// half-yearly at the yield of its tenor. The 10-year (ZN) delivers a note with 7
/// years left: at 4.25% that is about 110.5, where ZN traded in 2024-2025, and a 10 bp
/// rise in yields costs it about 0.6 points, its real duration of about 6. The 2-year
/// (ZT) delivers one with 2 years left, priced off the 2-year yield: about 103.3 at
/// 4.25%, a duration of about 1.9.
enum TreasuryFuture {
    static let coupon = 6.0
    /// The half-years left on each future's deliverable note.
    static let tenYearHalfYears = 14
    static let twoYearHalfYears = 4

    /// One price per session from the 10-year yield in percent (ZN).
    static func prices(tenYear: [Double]) -> [Double] { prices(yields: tenYear, halfYears: tenYearHalfYears) }

    /// One price per session from the 2-year yield in percent (ZT).
    static func prices(twoYear: [Double]) -> [Double] { prices(yields: twoYear, halfYears: twoYearHalfYears) }

    static func prices(yields: [Double], halfYears: Int) -> [Double] {
        yields.map { y in
            let r = y / 200
            var discount = 1.0, annuity = 0.0
            for _ in 0..<halfYears {
                discount /= 1 + r
                annuity += discount
            }
            return coupon / 2 * annuity + 100 * discount
        }
    }
}
