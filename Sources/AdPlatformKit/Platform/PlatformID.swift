/// Names a platform: `meta`, `tiktok`, `snapchat`, `google`, or one a developer adds.
///
/// A string-backed struct rather than an enum, so a new platform module can declare its own id without
/// changing the core.
public struct PlatformID: RawRepresentable, Hashable, Sendable, Codable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral, CodingKeyRepresentable
{
    /// The lower-case id, e.g. `meta`.
    public let rawValue: String

    /// Creates an id from its lower-case name.
    public init(rawValue: String) { self.rawValue = rawValue.lowercased() }
    /// Creates an id from a literal.
    public init(stringLiteral value: String) { self.init(rawValue: value) }

    /// Meta (Facebook and Instagram) through the Marketing API.
    public static let meta: PlatformID = "meta"
    /// TikTok through the API for Business.
    public static let tiktok: PlatformID = "tiktok"
    /// Snapchat through the Snap Marketing API.
    public static let snapchat: PlatformID = "snapchat"
    /// Google Ads through its REST API.
    public static let google: PlatformID = "google"

    /// The four platforms AdOps Lab ships modules for.
    public static let builtIn: [PlatformID] = [.meta, .tiktok, .snapchat, .google]

    /// The id itself.
    public var description: String { rawValue }
    /// Orders ids by name.
    public static func < (lhs: PlatformID, rhs: PlatformID) -> Bool { lhs.rawValue < rhs.rawValue }
    /// The id as a dictionary key.
    public var codingKey: any CodingKey { AnyCodingKey(rawValue) }
    /// Reads an id from a dictionary key.
    public init?<T: CodingKey>(codingKey: T) { self.init(rawValue: codingKey.stringValue) }
}

/// A coding key made from any string, for dictionaries keyed by string-backed types.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
