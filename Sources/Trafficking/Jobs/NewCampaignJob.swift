import AdPlatformKit
import Foundation

/// A job to store as PENDING.
public struct NewCampaignJob: Sendable, Hashable {
    /// The job's id, chosen by the caller so markers can be derived before storage if needed; time-ordered by
    /// default (see ``Foundation/UUID/timeOrdered(at:)``).
    public var id: UUID
    /// The ad account.
    public var accountID: UUID
    /// The account's platform.
    public var platform: PlatformID
    /// The request.
    public var request: TraffickingRequest
    /// The ticket it came from.
    public var ticket: TicketReference?
    /// The submission it belongs to.
    public var batchID: UUID

    /// Creates a new job.
    public init(
        id: UUID, accountID: UUID, platform: PlatformID, request: TraffickingRequest,
        ticket: TicketReference? = nil, batchID: UUID
    ) {
        self.id = id
        self.accountID = accountID
        self.platform = platform
        self.request = request
        self.ticket = ticket
        self.batchID = batchID
    }
}
