import AdPlatformKit
import Foundation

/// One run of the metrics sync over one ad account (seed 004's `platform_sync_logs`): what it read, how much, how
/// long it took, the platform calls it made and what went wrong.
public struct SyncRun: Sendable, Hashable, Codable, Identifiable {
    /// Its id, time-ordered.
    public var id: UUID
    /// Our ad account.
    public var accountID: UUID
    /// The account's platform.
    public var platform: PlatformID
    /// Full, incremental, or one campaign.
    public var kind: SyncKind
    /// The campaign, for a sync of one.
    public var campaignID: UUID?
    /// The first day read, `YYYY-MM-DD`.
    public var since: String
    /// The last day read.
    public var until: String
    /// Where it is.
    public var status: SyncRunStatus
    /// Campaigns synced.
    public var campaigns: Int
    /// Platform entities (campaigns, ad groups, ads) whose metrics were read.
    public var entities: Int
    /// Daily rows written.
    public var rows: Int
    /// Platform calls made.
    public var calls: Int
    /// Differences from our records found (see ``Drift``).
    public var drifts: Int
    /// What failed, one line each, naming the campaign or level.
    public var errors: [String]
    /// When it started.
    public var startedAt: Date
    /// When it ended.
    public var finishedAt: Date?

    /// Creates a run record.
    public init(
        id: UUID, accountID: UUID, platform: PlatformID, kind: SyncKind, campaignID: UUID?, since: String,
        until: String, status: SyncRunStatus = .running, campaigns: Int = 0, entities: Int = 0, rows: Int = 0,
        calls: Int = 0, drifts: Int = 0, errors: [String] = [], startedAt: Date, finishedAt: Date? = nil
    ) {
        self.id = id
        self.accountID = accountID
        self.platform = platform
        self.kind = kind
        self.campaignID = campaignID
        self.since = since
        self.until = until
        self.status = status
        self.campaigns = campaigns
        self.entities = entities
        self.rows = rows
        self.calls = calls
        self.drifts = drifts
        self.errors = errors
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }

    /// How long it ran, once finished.
    public var duration: Duration? {
        finishedAt.map { .milliseconds(Int64(($0.timeIntervalSince(startedAt) * 1000).rounded())) }
    }
}
