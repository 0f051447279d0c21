/// One part of an ad group's targeting that a lifecycle action can change.
public enum TargetingField: String, Sendable, Hashable, ClosedSetDecodable {
    /// The countries delivered to.
    case countries
    /// The age range.
    case ageRange
    /// The genders.
    case genders

    /// `targeting field`.
    public static let valueKind = "targeting field"
}
