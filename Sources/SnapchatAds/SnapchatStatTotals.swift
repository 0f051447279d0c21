import AdPlatformKit

/// Sums of the stats fields this module asks Snap for, across the totals or days a stats answer holds.
///
/// `impressions`, `swipes` and `spend` are Snap's documented names [DOC]; `conversion_sign_ups`,
/// `conversion_purchases` and `conversion_purchases_value` are seen only in third-party clients [3P]. A field Snap
/// leaves out counts as zero, as Snap omits zero metrics.
struct SnapchatStatTotals: Sendable, Hashable {
    /// The fields requested, in the order sent.
    static let fields = [
        "impressions", "swipes", "spend", "conversion_sign_ups", "conversion_purchases",
        "conversion_purchases_value",
    ]

    var impressions: Int64 = 0
    var swipes: Int64 = 0
    var spendMicros: Int64 = 0
    var conversions: Double = 0
    var revenueMicros: Int64 = 0

    /// Adds one `stats` object; returns the name of the first field that is present but not a number.
    mutating func add(_ stats: JSONValue) -> String? {
        for (field, keyPath) in [
            ("impressions", \Self.impressions), ("swipes", \Self.swipes), ("spend", \Self.spendMicros),
            ("conversion_purchases_value", \Self.revenueMicros),
        ] as [(String, WritableKeyPath<Self, Int64>)] {
            guard let value = stats[field], value != .null else { continue }
            guard let whole = Self.wholeNumber(value) else { return field }
            self[keyPath: keyPath] += whole
        }
        for field in ["conversion_sign_ups", "conversion_purchases"] {
            guard let value = stats[field], value != .null else { continue }
            guard let number = value.doubleValue, number.isFinite else { return field }
            conversions += number
        }
        return nil
    }

    /// A JSON number as a whole number, rounding a fractional one; `nil` for non-numbers and absurd values.
    private static func wholeNumber(_ value: JSONValue) -> Int64? {
        if let whole = value.int64Value { return whole }
        guard let number = value.doubleValue, number.isFinite, abs(number) < 9.0e18 else { return nil }
        return Int64(number.rounded())
    }
}
