/// What a campaign is for, in generic terms. Each platform maps these to its own enum in
/// ``PlatformCapabilities/objectives``; an objective a platform lacks is absent from its map.
public enum Objective: String, Sendable, Hashable, ClosedSetDecodable, CodingKeyRepresentable {
    /// Be seen by as many of the right people as possible.
    case awareness
    /// Reach unique people (frequency-capped awareness).
    case reach
    /// Send people to a landing page.
    case traffic
    /// Likes, comments, shares, follows.
    case engagement
    /// Video plays.
    case videoViews
    /// Lead forms.
    case leads
    /// App installs and in-app actions.
    case appPromotion
    /// Website conversions measured by a pixel (sign-ups, purchases).
    case conversions
    /// Catalogue or product sales.
    case sales

    /// `objective`.
    public static let valueKind = "objective"
}
