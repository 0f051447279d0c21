import AdPlatformKit
import Foundation

/// A campaign of ours: one trafficked request on one ad account, with our own id, its platform ids mapped at every
/// level (see ``EntityMapping``), and its status, budget and flight as last known on the platform.
///
/// It is made when the request is submitted (``CampaignStatus/draft``) and follows its launch job: when the job
/// ends, in the same write, the campaign takes its launch outcome and every entity the job created is mapped.
public struct Campaign: Sendable, Hashable, Codable, Identifiable {
    /// Our id, time-ordered.
    public var id: UUID
    /// The job that launched it.
    public var jobID: UUID
    /// The submission it came from, shared with the same request's campaigns on other accounts.
    public var batchID: UUID
    /// The ticket it came from, if any.
    public var ticket: TicketReference?
    /// The platform.
    public var platform: PlatformID
    /// Our ad account.
    public var accountID: UUID
    /// The campaign's name, as requested.
    public var name: String
    /// The objective, as requested.
    public var objective: Objective
    /// Where it is in its life, as last known on the platform.
    public var status: CampaignStatus
    /// Its budget, as last known.
    public var budget: Budget
    /// Its flight.
    public var schedule: Schedule
    /// The platform's id of the campaign, once created.
    public var platformCampaignID: String?
    /// Whether the platform was last seen to differ from our records (someone changed it elsewhere).
    public var drifted: Bool
    /// When its metrics or state were last read from the platform.
    public var lastSyncedAt: Date?
    /// When it was made.
    public var createdAt: Date
    /// When it last changed.
    public var updatedAt: Date

    /// Creates a campaign record.
    public init(
        id: UUID, jobID: UUID, batchID: UUID, ticket: TicketReference?, platform: PlatformID, accountID: UUID,
        name: String, objective: Objective, status: CampaignStatus, budget: Budget, schedule: Schedule,
        platformCampaignID: String?, drifted: Bool = false, lastSyncedAt: Date? = nil, createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.jobID = jobID
        self.batchID = batchID
        self.ticket = ticket
        self.platform = platform
        self.accountID = accountID
        self.name = name
        self.objective = objective
        self.status = status
        self.budget = budget
        self.schedule = schedule
        self.platformCampaignID = platformCampaignID
        self.drifted = drifted
        self.lastSyncedAt = lastSyncedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
