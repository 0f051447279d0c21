import AdPlatformKit
import Foundation

/// Which campaigns a list returns; every field left `nil` matches all.
public struct CampaignFilter: Sendable, Hashable {
    /// Only campaigns in this status.
    public var status: CampaignStatus?
    /// Only campaigns on this platform.
    public var platform: PlatformID?
    /// Only campaigns on this ad account of ours.
    public var accountID: UUID?
    /// Only campaigns made from this ticket.
    public var ticket: TicketReference?
    /// Only campaigns that did (`true`) or did not (`false`) drift.
    public var drifted: Bool?

    /// Creates a filter.
    public init(
        status: CampaignStatus? = nil, platform: PlatformID? = nil, accountID: UUID? = nil,
        ticket: TicketReference? = nil, drifted: Bool? = nil
    ) {
        self.status = status
        self.platform = platform
        self.accountID = accountID
        self.ticket = ticket
        self.drifted = drifted
    }
}
