/// One way a request breaks a rule: which field, which rule, the limit, the actual value, and how serious.
public struct Violation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Whether the violation blocks the request.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        /// The platform would reject the request; it must be fixed.
        case hard
        /// The platform accepts it but truncates, ignores or advises against it.
        case recommended

        /// Hard before recommended.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .hard && rhs == .recommended }
    }

    /// Which rule was broken.
    public struct Rule: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible,
        ExpressibleByStringLiteral
    {
        /// The rule's name.
        public let rawValue: String
        /// Creates a rule from its name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// Creates a rule from a literal.
        public init(stringLiteral value: String) { self.init(rawValue: value) }

        /// A required field is missing or empty.
        public static let required: Rule = "required"
        /// A text is longer than the limit.
        public static let tooLong: Rule = "tooLong"
        /// A text is shorter than the limit.
        public static let tooShort: Rule = "tooShort"
        /// Fewer items than the platform needs.
        public static let tooFew: Rule = "tooFew"
        /// More items than the platform takes.
        public static let tooMany: Rule = "tooMany"
        /// The same item twice where items must be unique.
        public static let duplicate: Rule = "duplicate"
        /// Content the field may not contain (emoji, line breaks).
        public static let forbiddenContent: Rule = "forbiddenContent"
        /// The platform has no equivalent of the objective.
        public static let unsupportedObjective: Rule = "unsupportedObjective"
        /// The platform has no equivalent of the call to action.
        public static let unsupportedCallToAction: Rule = "unsupportedCallToAction"
        /// The placement cannot show this media.
        public static let unsupportedMedia: Rule = "unsupportedMedia"
        /// The budget is under the platform's minimum.
        public static let budgetBelowMinimum: Rule = "budgetBelowMinimum"
        /// The value is malformed or out of range.
        public static let invalidValue: Rule = "invalidValue"
        /// A key refers to nothing.
        public static let unknownReference: Rule = "unknownReference"
        /// The field is accepted but has no effect on this platform.
        public static let ignored: Rule = "ignored"

        /// The name.
        public var description: String { rawValue }
    }

    /// The platform whose rule it is; `nil` for rules every platform shares.
    public var platform: PlatformID?
    /// Where in the request, e.g. `creatives[1].headlines[0]`.
    public var fieldPath: String
    /// Which rule.
    public var rule: Rule
    /// The limit, e.g. `30 characters`.
    public var limit: String?
    /// What the request has, e.g. `31 characters`.
    public var actual: String?
    /// Hard or recommended.
    public var severity: Severity
    /// A sentence for a person.
    public var message: String

    /// Creates a violation.
    public init(
        platform: PlatformID?, fieldPath: String, rule: Rule, limit: String? = nil, actual: String? = nil,
        severity: Severity = .hard, message: String
    ) {
        self.platform = platform
        self.fieldPath = fieldPath
        self.rule = rule
        self.limit = limit
        self.actual = actual
        self.severity = severity
        self.message = message
    }

    /// `[hard] google creatives[1].headlines[0]: … (limit 30 characters, actual 31 characters)`.
    public var description: String {
        var text = "[\(severity.rawValue)] \(platform.map { "\($0) " } ?? "")\(fieldPath): \(message)"
        let detail = [limit.map { "limit \($0)" }, actual.map { "actual \($0)" }].compactMap { $0 }
        if !detail.isEmpty { text += " (\(detail.joined(separator: ", ")))" }
        return text
    }
}
