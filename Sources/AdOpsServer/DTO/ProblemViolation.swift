import AdPlatformKit

/// One field at fault in a ``Problem``: where, which rule, why, and the limit and actual value where known.
public struct ProblemViolation: Sendable, Hashable, Encodable {
    /// The field path in the request body or the parameter name, e.g. `request.creatives[0].headlines[0]`.
    public var field: String
    /// The platform whose rule it is; `nil` for rules every platform shares and for API-level rules.
    public var platform: String?
    /// The rule, e.g. `tooLong`, `required`, `malformed`.
    public var rule: String
    /// Why, for people.
    public var message: String
    /// The limit, e.g. `40 characters`.
    public var limit: String?
    /// What the request has, e.g. `41 characters`.
    public var actual: String?

    /// Creates a violation.
    public init(
        field: String, platform: String? = nil, rule: String, message: String, limit: String? = nil,
        actual: String? = nil
    ) {
        self.field = field
        self.platform = platform
        self.rule = rule
        self.message = message
        self.limit = limit
        self.actual = actual
    }

    /// A validation violation, its field path put under `prefix` (the body key holding the request).
    public init(_ violation: Violation, fieldPrefix prefix: String = "") {
        self.init(
            field: prefix.isEmpty ? violation.fieldPath : "\(prefix).\(violation.fieldPath)",
            platform: violation.platform?.rawValue, rule: violation.rule.rawValue, message: violation.message,
            limit: violation.limit, actual: violation.actual)
    }
}
