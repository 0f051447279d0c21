import AdPlatformKit
import Foundation

extension TraffickingEngine {
    /// The campaign statuses that have metrics to sync: launched ones.
    public static let syncableStatuses: [CampaignStatus] = [.live, .paused, .completed]

    /// Whether the platform's registered module reports metrics.
    public func reportsMetrics(_ platform: PlatformID) -> Bool {
        registry[platform]?.supports((any MetricsFetching).self) == true
    }

    /// Queues one `queued` sync run of `kind` per account, for the sync service (``MetricsSyncService``) to claim;
    /// an `entity` run syncs `campaign` only. The caller has checked the accounts (ACTIVE, ``reportsMetrics(_:)``)
    /// and the campaign (``syncableStatuses``). Shared by `POST /api/v1/sync` and the console's "Sync now".
    public func queueSync(kind: SyncKind, accounts: [AdAccount], campaign: UUID?) async throws -> [SyncRun] {
        let now = store.clock.now
        var runs: [SyncRun] = []
        for account in accounts {
            let run = SyncRun(
                id: .timeOrdered(at: now), accountID: account.id, platform: account.platform, kind: kind,
                campaignID: kind == .entity ? campaign : nil, since: "", until: "", status: .queued, startedAt: now)
            try await store.queueSyncRun(run)
            runs.append(run)
        }
        return runs
    }
}
