/// What one webhook delivery did: how many of its changes were new, how many were replays, and the drift the new
/// ones revealed.
public struct WebhookIntakeReport: Sendable, Hashable {
    /// Changes in the delivery.
    public var received: Int
    /// Changes seen before (replays), skipped.
    public var duplicates: Int
    /// Observations applied to the entity mappings.
    public var applied: Int
    /// Drift recorded: entities the platform reports otherwise than our records.
    public var drifts: [Drift]

    /// Creates a report.
    public init(received: Int, duplicates: Int, applied: Int, drifts: [Drift]) {
        self.received = received
        self.duplicates = duplicates
        self.applied = applied
        self.drifts = drifts
    }
}
