import AdPlatformKit
import Foundation
import Trafficking

/// A lifecycle action as the API returns it and as `adops campaigns activate|pause|resume|budget|bid|targeting|archive
/// --json` prints it:
/// what was asked, by whom, where it is, and every entity it changes with old and new values; the detail adds its
/// log.
public struct ActionResource: Encodable, Sendable {
    /// Our id.
    var id: UUID
    /// The campaign of ours.
    var campaignID: UUID
    /// The platform.
    var platform: PlatformID
    /// The ad account.
    var adAccountID: UUID
    /// `activate`, `pause`, `resume`, `budget`, `bid`, `targeting` or `archive`.
    var type: String
    /// The budget set, for `budget`.
    var budget: Budget?
    /// The bid set, for `bid`.
    var bid: BidStrategy?
    /// The targeting fields set, for `targeting`.
    var targeting: TargetingChange?
    /// `campaign`, `adGroup` or `ad`.
    var level: ActionLevel
    /// The platform ids asked for; empty for every entity of the level.
    var entityIDs: [String]
    /// `cli`, `api:<key hash prefix>`, `rule:<id>`.
    var requestedBy: String
    /// `PENDING`, `PROCESSING`, `DONE` or `FAILED`.
    var status: ActionStatus
    /// Why it failed, or why it last went back to the queue.
    var error: JobErrorResource?
    /// Claims so far.
    var attempts: Int
    /// Every entity it changes, in order, with old and new values.
    var steps: [ActionStepResource]
    /// Its log; detail only.
    var log: [ActionLogEntryResource]?
    /// When it was asked for.
    var createdAt: Date
    /// When it last changed.
    var updatedAt: Date
    /// When it ended.
    var finishedAt: Date?
    /// `self` and `campaign`.
    var links: [String: String]

    private enum CodingKeys: String, CodingKey {
        case id
        case campaignID = "campaign_id"
        case platform
        case adAccountID = "ad_account_id"
        case type, budget, bid, targeting, level
        case entityIDs = "entity_ids"
        case requestedBy = "requested_by"
        case status, error, attempts, steps, log
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case finishedAt = "finished_at"
        case links
    }

    /// The resource for an action, without its log.
    public init(_ action: LifecycleAction) {
        id = action.id
        campaignID = action.campaignID
        platform = action.platform
        adAccountID = action.accountID
        type = action.kind.name
        switch action.kind {
        case .budget(let value): budget = value
        case .bid(let value): bid = value
        case .targeting(let value): targeting = value
        case .activate, .pause, .resume, .archive: break
        }
        level = action.level
        entityIDs = action.targets
        requestedBy = action.requestedBy
        status = action.status
        error = action.error.map(JobErrorResource.init)
        attempts = action.attempts
        steps = action.steps.map(ActionStepResource.init)
        createdAt = action.createdAt
        updatedAt = action.updatedAt
        finishedAt = action.finishedAt
        links = ["self": Self.path(of: action.id), "campaign": "/api/v1/campaigns/\(action.campaignID.uuidString)"]
    }

    /// The resource for an action with its log.
    public init(_ detail: ActionDetail) {
        self.init(detail.action)
        log = detail.log.map(ActionLogEntryResource.init)
    }

    /// `/api/v1/actions/{id}`.
    static func path(of id: UUID) -> String { "/api/v1/actions/\(id.uuidString)" }
}
