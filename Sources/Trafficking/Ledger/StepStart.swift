import AdPlatformKit

/// A step about to call the platform, for ``TraffickingStore/advance(job:completing:starting:calls:at:)``.
public struct StepStart: Sendable, Hashable {
    /// The step key.
    public var key: String
    /// What it creates.
    public var kind: EntityKind
    /// The marker its entity will carry.
    public var marker: IdempotencyMarker?

    /// Creates a start.
    public init(key: String, kind: EntityKind, marker: IdempotencyMarker?) {
        self.key = key
        self.kind = kind
        self.marker = marker
    }
}
