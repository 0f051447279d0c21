import AdPlatformKit
import Foundation
import Trafficking

/// A campaign a pass left alone, and why: its automatic optimisation is off, it is not live, or its budget is not
/// a daily one.
public struct SkippedCampaign: Sendable, Hashable, Codable {
    /// The campaign of ours.
    public var campaignID: UUID
    /// Why, for a person.
    public var reason: String

    /// Creates a skip.
    public init(campaignID: UUID, reason: String) {
        self.campaignID = campaignID
        self.reason = reason
    }
}
