/// How long a text field may be on a platform, and what happens past the limit.
public struct TextLimit: Sendable, Hashable, Codable {
    /// Whether the platform rejects a violation or merely truncates it in display.
    public enum Enforcement: String, Sendable, Hashable, Codable {
        /// The platform rejects the request.
        case hard
        /// The platform accepts it but truncates or recommends against it.
        case recommended
    }

    /// Content a field may not contain.
    public enum Restriction: String, Sendable, Hashable, Codable {
        /// No emoji (TikTok `ad_text`).
        case noEmoji
        /// No line feed, carriage return or NUL (Google names).
        case noLineBreaks
    }

    /// The generic field.
    public var field: TextField
    /// The platform's own field name, e.g. `ad_text`, for messages.
    public var platformField: String
    /// The least length; 1 makes the field required.
    public var minimum: Int
    /// The greatest length.
    public var maximum: Int
    /// Whether the platform rejects a violation.
    public var enforcement: Enforcement
    /// How length is counted.
    public var counting: LengthCounting
    /// Content the field may not contain.
    public var restrictions: Set<Restriction>

    /// Creates a limit.
    public init(
        _ field: TextField, platformField: String, minimum: Int = 0, maximum: Int, enforcement: Enforcement,
        counting: LengthCounting = .characters, restrictions: Set<Restriction> = []
    ) {
        self.field = field
        self.platformField = platformField
        self.minimum = minimum
        self.maximum = maximum
        self.enforcement = enforcement
        self.counting = counting
        self.restrictions = restrictions
    }
}
