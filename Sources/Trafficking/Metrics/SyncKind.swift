/// What a metrics sync reads (seed 004's `platform_sync_logs.sync_type`).
public enum SyncKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every day of each campaign's flight so far.
    case full
    /// The platform's restatement window up to today, where late conversions can still change past days.
    case incremental
    /// One campaign, over its restatement window.
    case entity
}
