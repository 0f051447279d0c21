import Foundation

/// Conversions a platform attributes to a past day after the fact, as platforms restate: added through the control
/// plane and counted in every report that covers the day from then on.
public struct LateConversion: Sendable, Codable, Hashable {
    /// The platform id.
    public var platform: String
    /// The ad they belong to.
    public var adID: String
    /// The day they count on: midnight UTC.
    public var day: Date
    /// How many conversions.
    public var count: Int64
    /// Their total value, in micros of the account currency.
    public var valueMicros: Int64
    /// Virtual time they were added.
    public var addedAt: Date

    /// Conversions for an ad's day.
    public init(platform: String, adID: String, day: Date, count: Int64, valueMicros: Int64, addedAt: Date) {
        self.platform = platform
        self.adID = adID
        self.day = day
        self.count = count
        self.valueMicros = valueMicros
        self.addedAt = addedAt
    }
}
