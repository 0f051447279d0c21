/// The kind of a platform entity, in generic terms. Each platform names these its own way (see
/// ``EntityHierarchy``).
public struct EntityKind: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The generic name, e.g. `adGroup`.
    public let rawValue: String
    /// Creates a kind from its name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Creates a kind from a literal.
    public init(stringLiteral value: String) { self.init(rawValue: value) }

    /// A budget that is its own entity (Google's campaign budget).
    public static let budget: EntityKind = "budget"
    /// A campaign.
    public static let campaign: EntityKind = "campaign"
    /// An ad set (Meta), ad group (TikTok, Google) or ad squad (Snapchat).
    public static let adGroup: EntityKind = "adGroup"
    /// An uploaded image or video (Meta ad image, TikTok image, Snapchat media, Google asset).
    public static let media: EntityKind = "media"
    /// A creative that is its own entity (Meta ad creative, Snapchat creative).
    public static let creative: EntityKind = "creative"
    /// An ad (Google: ad group ad).
    public static let ad: EntityKind = "ad"

    /// The name.
    public var description: String { rawValue }
}
