import AdPlatformKit
import Foundation
import Trafficking

/// A campaign of ours as the API returns it, and as `adops campaigns … --json` prints it. Lists carry the campaign
/// alone; the detail adds its platform entities at every level and its creatives' versions, and in the API its
/// latest metrics and drift log.
public struct CampaignResource: Encodable, Sendable {
    /// Our id.
    var id: UUID
    /// `draft`, `live`, `paused`, `completed` or `error`.
    var status: CampaignStatus
    /// The platform.
    var platform: PlatformID
    /// Our ad account.
    var adAccountID: UUID
    /// The campaign's name.
    var name: String
    /// The objective.
    var objective: Objective
    /// The budget, as last known.
    var budget: Budget
    /// The flight.
    var schedule: Schedule
    /// The platform's campaign id, once created.
    var platformCampaignID: String?
    /// Whether the platform was last seen to differ from our records.
    var drifted: Bool
    /// The job that launched it.
    var jobID: UUID
    /// The submission it came from.
    var batchID: UUID
    /// The ticket it came from.
    var ticket: TicketReference?
    /// When the platform was last read for it.
    var lastSyncedAt: Date?
    /// When it was made.
    var createdAt: Date
    /// When it last changed.
    var updatedAt: Date
    /// Its platform entities, in the order they were created; detail only.
    var entities: [EntityMappingResource]?
    /// Every version of each creative; detail only.
    var creativeVersions: [CreativeVersionResource]?
    /// The campaign-level totals of the last days through today; API detail only.
    var latestMetrics: MetricTotalsResource?
    /// The newest drifts the platform showed; API detail only.
    var drifts: [DriftResource]?
    /// `self`, `job` and `metrics`.
    var links: [String: String]

    private enum CodingKeys: String, CodingKey {
        case id, status, platform
        case adAccountID = "ad_account_id"
        case name, objective, budget, schedule
        case platformCampaignID = "platform_campaign_id"
        case drifted
        case jobID = "job_id"
        case batchID = "batch_id"
        case ticket
        case lastSyncedAt = "last_synced_at"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case entities
        case creativeVersions = "creative_versions"
        case latestMetrics = "latest_metrics"
        case drifts
        case links
    }

    /// The resource for a campaign, without its entities and versions.
    public init(_ campaign: Campaign) {
        id = campaign.id
        status = campaign.status
        platform = campaign.platform
        adAccountID = campaign.accountID
        name = campaign.name
        objective = campaign.objective
        budget = campaign.budget
        schedule = campaign.schedule
        platformCampaignID = campaign.platformCampaignID
        drifted = campaign.drifted
        jobID = campaign.jobID
        batchID = campaign.batchID
        ticket = campaign.ticket
        lastSyncedAt = campaign.lastSyncedAt
        createdAt = campaign.createdAt
        updatedAt = campaign.updatedAt
        links = [
            "self": "/api/v1/campaigns/\(campaign.id.uuidString)", "job": JobResource.path(of: campaign.jobID),
            "metrics": "/api/v1/campaigns/\(campaign.id.uuidString)/metrics",
        ]
    }

    /// The resource for a campaign with its entities and creative versions.
    public init(_ detail: CampaignDetail) {
        self.init(detail.campaign)
        entities = detail.mappings.map(EntityMappingResource.init)
        creativeVersions = detail.creativeVersions.map(CreativeVersionResource.init)
    }

    /// The resource for a campaign with its entities and creative versions, the totals of its latest days and its
    /// newest drifts.
    public init(_ detail: CampaignDetail, latestMetrics: MetricTotalsResource, drifts: [Drift]) {
        self.init(detail)
        self.latestMetrics = latestMetrics
        self.drifts = drifts.map(DriftResource.init)
    }
}
