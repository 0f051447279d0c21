/// A gender to target. An empty list targets everyone.
public enum Gender: String, Sendable, Hashable, ClosedSetDecodable {
    /// Men.
    case male
    /// Women.
    case female

    /// `gender`.
    public static let valueKind = "gender"
}
