import Foundation

/// How a list of campaigns with their delivery is sorted: a key and a direction. Campaigns without the figure a
/// key needs (no spend for ROAS, no conversions for CPA) come last either way.
public struct CampaignOrder: Sendable, Hashable {
    /// What campaigns are sorted by.
    public enum Key: String, Sendable, Hashable, CaseIterable {
        /// When it was made (the default, newest first).
        case created
        /// Its name.
        case name
        /// Its status.
        case status
        /// Its platform.
        case platform
        /// Spend, in minor units of its currency.
        case spend
        /// Conversions.
        case conversions
        /// Conversion value over spend.
        case roas
        /// Spend per conversion.
        case cpa
        /// When it was last synced.
        case lastSync
    }

    /// The key.
    public var key: Key
    /// Whether the largest (or latest, or last in the alphabet) comes first.
    public var descending: Bool

    /// Creates an order.
    public init(key: Key = .created, descending: Bool = true) {
        self.key = key
        self.descending = descending
    }
}
