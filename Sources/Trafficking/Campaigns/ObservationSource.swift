/// How we learnt what a platform holds.
public enum ObservationSource: String, Sendable, Hashable, Codable, CaseIterable {
    /// A metrics sync read the entity.
    case sync
    /// The platform pushed a webhook delivery.
    case webhook
}
