/// How a platform writes its ids; the world mints them deterministically from the seed.
public enum MockIDStyle: String, Sendable, Codable, CaseIterable {
    /// Meta: 18 digits starting `1202`, e.g. `120210000000004217`.
    case meta
    /// TikTok: 19 digits starting `17`.
    case tiktok
    /// Snapchat: a lower-case UUID.
    case uuid
    /// Google Ads: 10–11 digits.
    case google
    /// Click ids: URL-safe letters and digits.
    case click
}
