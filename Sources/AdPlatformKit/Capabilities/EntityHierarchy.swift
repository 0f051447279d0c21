/// The order in which a platform's entities are created, and what the platform calls each.
public struct EntityHierarchy: Sendable, Hashable, Codable {
    /// One level of the hierarchy.
    public struct Level: Sendable, Hashable, Codable {
        /// The generic kind.
        public var kind: EntityKind
        /// The platform's name for it, e.g. `ad squad`.
        public var name: String

        /// Creates a level.
        public init(_ kind: EntityKind, _ name: String) {
            self.kind = kind
            self.name = name
        }
    }

    /// The levels in creation order, e.g. Meta: campaign → ad set → ad image → ad creative → ad.
    public var levels: [Level]

    /// Creates a hierarchy.
    public init(_ levels: [Level]) { self.levels = levels }

    /// Whether a creative is its own entity (Meta, Snapchat) or inline in the ad (TikTok, Google).
    public var creativeIsEntity: Bool { levels.contains { $0.kind == .creative } }
    /// Whether the budget is its own entity (Google).
    public var budgetIsEntity: Bool { levels.contains { $0.kind == .budget } }
    /// The platform's name for a kind, or the generic name.
    public func name(of kind: EntityKind) -> String { levels.first { $0.kind == kind }?.name ?? kind.rawValue }
    /// `campaign → ad set → ad`.
    public var path: String { levels.map(\.name).joined(separator: " → ") }
}
