/// A budget: an amount per day, or for the whole schedule.
public struct Budget: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Per day or for the whole schedule.
    public enum Period: String, Sendable, Hashable, ClosedSetDecodable {
        /// Spent per day.
        case daily
        /// Spent over the whole schedule; the schedule must then have an end.
        case lifetime

        /// `budget period`.
        public static let valueKind = "budget period"
    }

    /// Per day or for the whole schedule.
    public var period: Period
    /// The amount.
    public var amount: Money

    /// Creates a budget.
    public init(_ period: Period, _ amount: Money) {
        self.period = period
        self.amount = amount
    }

    private enum CodingKeys: String, CodingKey {
        case period, amount, currency, minorUnits
    }

    /// Decodes `{"period": "daily", "amount": "150.00", "currency": "USD"}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        period = try container.decode(Period.self, forKey: .period)
        amount = try Money(from: decoder)
    }

    /// Encodes `{"period": "daily", "amount": "150.00", "currency": "USD"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(period, forKey: .period)
        try amount.encode(to: encoder)
    }

    /// `150.00 USD daily`.
    public var description: String { "\(amount) \(period.rawValue)" }
}
