/// How a comparison relates its two sides: `>`, `>=`, `<`, `<=`, `=` or `!=` (also spelt `gt`, `gte`, `lt`, `lte`,
/// `eq`, `==`, `ne`).
///
/// String-backed, so an unknown operator still decodes and the validator reports it with its path.
public struct ComparisonOperator: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// What the operator tests.
    public enum Kind: Sendable, Hashable {
        /// Left greater than right.
        case greaterThan
        /// Left greater than or equal to right.
        case greaterThanOrEqual
        /// Left less than right.
        case lessThan
        /// Left less than or equal to right.
        case lessThanOrEqual
        /// Left equal to right (to a relative 1e-9, so sums of fractional conversions compare as people expect).
        case equal
        /// Left not equal to right.
        case notEqual
    }

    /// The operator as written.
    public let rawValue: String

    /// Creates an operator as written; unknown spellings are kept for the validator to report.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Creates an operator from a literal.
    public init(stringLiteral value: String) { self.init(rawValue: value) }

    /// The spellings accepted, for error messages.
    public static let spellings = [">", ">=", "<", "<=", "=", "!="]

    /// What the operator tests, or `nil` when the spelling is unknown.
    public var kind: Kind? {
        switch rawValue.lowercased() {
        case ">", "gt": .greaterThan
        case ">=", "gte": .greaterThanOrEqual
        case "<", "lt": .lessThan
        case "<=", "lte": .lessThanOrEqual
        case "=", "==", "eq": .equal
        case "!=", "ne": .notEqual
        default: nil
        }
    }

    /// The operator as written.
    public var description: String { rawValue }

    /// Decodes the operator as a string.
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the operator as a string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
