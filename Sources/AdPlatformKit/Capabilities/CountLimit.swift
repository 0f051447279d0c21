/// How many of a repeated asset (headlines, descriptions) an ad takes.
public struct CountLimit: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What happens to assets past ``maximum``.
    public enum Excess: String, Sendable, Hashable, Codable {
        /// The module uses the first ``CountLimit/maximum`` and ignores the rest (Meta, TikTok, Snapchat).
        case ignored
        /// The platform rejects the request (Google responsive search ads).
        case rejected
    }

    /// The least number; 0 makes the asset optional.
    public var minimum: Int
    /// The greatest number the ad uses.
    public var maximum: Int
    /// What happens past the maximum.
    public var excess: Excess
    /// Whether duplicates are rejected (Google `DUPLICATE_ASSET`).
    public var requiresUnique: Bool

    /// Creates a limit.
    public init(minimum: Int, maximum: Int, excess: Excess = .ignored, requiresUnique: Bool = false) {
        self.minimum = minimum
        self.maximum = maximum
        self.excess = excess
        self.requiresUnique = requiresUnique
    }

    /// `3–15` or `1`.
    public var description: String { minimum == maximum ? "\(maximum)" : "\(minimum)–\(maximum)" }
}
