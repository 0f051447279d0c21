/// A text field of the generic model that platforms limit.
public struct TextField: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The generic name, e.g. `headline`.
    public let rawValue: String
    /// Creates a field from its name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Creates a field from a literal.
    public init(stringLiteral value: String) { self.init(rawValue: value) }

    /// The campaign name, including the idempotency marker.
    public static let campaignName: TextField = "campaignName"
    /// An ad group name, including the idempotency marker.
    public static let adGroupName: TextField = "adGroupName"
    /// An ad name, including the idempotency marker.
    public static let adName: TextField = "adName"
    /// Each headline.
    public static let headline: TextField = "headline"
    /// Each description.
    public static let description: TextField = "description"
    /// The primary text.
    public static let primaryText: TextField = "primaryText"
    /// The brand or display name.
    public static let brandName: TextField = "brandName"
    /// Each display path (Google `path1`, `path2`).
    public static let displayPath: TextField = "displayPath"

    /// The name.
    public var description: String { rawValue }
}
