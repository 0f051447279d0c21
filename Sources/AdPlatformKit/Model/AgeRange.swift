/// An inclusive age range, e.g. 18–49. Platforms that target age buckets (TikTok) take every bucket it touches.
public struct AgeRange: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The youngest age, at least 13.
    public var minimum: Int
    /// The oldest age; 65 means 65 and over on most platforms.
    public var maximum: Int

    /// Creates a range.
    public init(minimum: Int, maximum: Int) {
        self.minimum = minimum
        self.maximum = maximum
    }

    private enum CodingKeys: String, CodingKey {
        case minimum = "min"
        case maximum = "max"
    }

    /// `18-49`.
    public var description: String { "\(minimum)-\(maximum)" }
}
