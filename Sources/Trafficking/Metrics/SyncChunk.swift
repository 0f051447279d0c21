import Foundation

/// What a sync read for some campaigns, written in one transaction: their daily rows, which replace every stored
/// row of the same entities and days (so a day the platform no longer reports is gone, and nothing is counted
/// twice), the entities' status and budget, and the calls it made.
public struct SyncChunk: Sendable {
    /// The run.
    public var runID: UUID
    /// The campaigns read; their `lastSyncedAt` becomes `syncedAt`.
    public var campaigns: [UUID]
    /// The first day replaced, `YYYY-MM-DD`.
    public var since: String
    /// The last day replaced.
    public var until: String
    /// The rows the platform reported.
    public var rows: [DailyMetric]
    /// What the platform holds for the campaigns' entities.
    public var observations: [EntityObservation]
    /// The platform calls made.
    public var calls: [APICallRecord]
    /// When the platform answered.
    public var syncedAt: Date

    /// Creates a chunk.
    public init(
        runID: UUID, campaigns: [UUID], since: String, until: String, rows: [DailyMetric],
        observations: [EntityObservation], calls: [APICallRecord], syncedAt: Date
    ) {
        self.runID = runID
        self.campaigns = campaigns
        self.since = since
        self.until = until
        self.rows = rows
        self.observations = observations
        self.calls = calls
        self.syncedAt = syncedAt
    }
}
