import AdPlatformKit
import Foundation
import Trafficking

/// A metrics sync run, as `GET /api/v1/sync/runs` and `adops sync --json` give it.
public struct SyncRunResource: Encodable, Sendable {
    var id: UUID
    var adAccountID: UUID
    var platform: PlatformID
    var kind: SyncKind
    var campaignID: UUID?
    var since: String
    var until: String
    var status: SyncRunStatus
    var campaigns: Int
    var entities: Int
    var rows: Int
    var calls: Int
    var drifts: Int
    var errors: [String]
    var startedAt: Date
    var finishedAt: Date?
    var durationMilliseconds: Int64?

    private enum CodingKeys: String, CodingKey {
        case id
        case adAccountID = "ad_account_id"
        case platform, kind
        case campaignID = "campaign_id"
        case since, until, status, campaigns, entities, rows, calls, drifts, errors
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case durationMilliseconds = "duration_ms"
    }

    /// The resource of a run.
    public init(_ run: SyncRun) {
        id = run.id
        adAccountID = run.accountID
        platform = run.platform
        kind = run.kind
        campaignID = run.campaignID
        since = run.since
        until = run.until
        status = run.status
        campaigns = run.campaigns
        entities = run.entities
        rows = run.rows
        calls = run.calls
        drifts = run.drifts
        errors = run.errors
        startedAt = run.startedAt
        finishedAt = run.finishedAt
        durationMilliseconds = run.duration.map {
            $0.components.seconds * 1000 + $0.components.attoseconds / 1_000_000_000_000_000
        }
    }
}
