/// A campaign or ad group criterion as a lifecycle change needs it: its resource name (to remove it), whether it
/// excludes, and what it targets (a geo target constant, or an `AgeRangeType` / `GenderType` value).
public struct GoogleCriterion: Sendable, Hashable {
    /// What the criterion targets.
    public enum Target: Sendable, Hashable {
        /// A location: `geoTargetConstants/2840`.
        case location(String)
        /// An age bucket: `AGE_RANGE_18_24`.
        case ageRange(String)
        /// A gender: `MALE`.
        case gender(String)
    }

    /// `customers/1/adGroupCriteria/22~503001`.
    public var resourceName: String
    /// Whether it excludes what it names.
    public var negative: Bool
    /// What it names.
    public var target: Target

    /// Creates a criterion.
    public init(resourceName: String, negative: Bool, target: Target) {
        self.resourceName = resourceName
        self.negative = negative
        self.target = target
    }
}
