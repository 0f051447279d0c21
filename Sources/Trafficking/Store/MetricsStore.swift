import AdPlatformKit
import Foundation

/// Synced metrics and the sync's own log: daily rows per entity (``DailyMetric``), sync runs (``SyncRun``) and the
/// drifts they found.
public protocol MetricsStore: Sendable {
    /// The account's campaigns a sync reads: live and paused ones, and those whose flight ended on or after
    /// `endedSince`, with their campaign, ad group and ad mappings.
    func syncTargets(account: UUID, endedSince: Date) async throws -> [SyncTarget]
    /// Stores a new running run. A run of the same account still running is a ``StoreError`` `conflict`, unless it
    /// has not written for `staleAfter`: its process stopped, so it becomes `interrupted` and the new run resumes
    /// it.
    func startSyncRun(_ run: SyncRun, staleAfter: Duration) async throws -> SyncStart
    /// Stores a run asked for, `queued`, for a sync service to claim.
    func queueSyncRun(_ run: SyncRun) async throws
    /// Takes the oldest queued run whose account no live run is syncing, and makes it `running`, or returns
    /// `nil`. Stale running runs of its account become `interrupted`, as in ``startSyncRun(_:staleAfter:)``.
    func claimSyncRun(staleAfter: Duration) async throws -> SyncStart?
    /// Writes a chunk in one transaction and returns the drifts its observations found.
    func recordSyncChunk(_ chunk: SyncChunk) async throws -> [Drift]
    /// Stores a run's final figures and status.
    func finishSyncRun(_ run: SyncRun) async throws
    /// Runs, newest first, of one account or all.
    func syncRuns(account: UUID?, page: PageRequest) async throws -> Page<SyncRun>
    /// One run, or `nil` when there is none with this id.
    func syncRun(_ id: UUID) async throws -> SyncRun?
    /// A campaign's daily rows between two days (inclusive), at one level or all, by day then level.
    func metrics(campaign: UUID, since: String, until: String, level: EntityKind?) async throws -> [DailyMetric]
    /// A campaign's drifts, newest first.
    func drifts(campaign: UUID) async throws -> [Drift]
}
