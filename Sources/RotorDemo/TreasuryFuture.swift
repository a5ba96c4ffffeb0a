/// The 10-year Treasury note future (ZN), priced as its cheapest-to-deliver note: a
/// 6% coupon with 7 years left, paid half-yearly, at the 10-year yield. At 4.25% that
/// is about 110.5, where ZN traded in 2024-2025, and a 10 bp rise in yields costs it
/// about 0.6 points, its real duration of about 6.
enum TreasuryFuture {
    static let coupon = 6.0
    static let halfYears = 14

    /// One price per session from the 10-year yield in percent.
    static func prices(tenYear: [Double]) -> [Double] {
        tenYear.map { y in
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
