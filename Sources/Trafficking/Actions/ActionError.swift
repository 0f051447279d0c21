import AdPlatformKit

/// Why an action was refused before it was stored, and so before any platform call. The shape follows
/// ``SubmissionError``: a kind the API maps to a status, a message, and every violation with its platform, field
/// and limit.
///
/// Field paths are the request's (``ActionRequest``): `campaign`, `action`, `level`, `entityIDs[i]`,
/// `budget.amount`, `budget.period`, `budget.currency`, `bid`, `bid.amount`, `bid.currency`, `bid.roas`, `targeting`,
/// `targeting.countries[i]`, `targeting.ageRange`, `targeting.genders`, `status`. The API and the CLI rename them to
/// their own.
public struct ActionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of refusal; the API maps each to a status.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// No campaign has the id (404).
        case campaignNotFound
        /// The campaign's launch has not finished (409).
        case notLaunched
        /// The campaign has no platform entities at the level: its launch created none (409).
        case noEntities
        /// The campaign's ad account is deleted or not ACTIVE (409).
        case accountUnavailable
        /// The campaign is archived, or an archive of it is under way: it takes no further action (409).
        case archived
        /// The platform cannot do this action, or not at this level (422); the message names the capability.
        case unsupported
        /// The budget is not one the platform can take: wrong currency, not positive, not expressible in its
        /// unit (422).
        case invalidBudget
        /// The budget is under the platform's minimum (422); the violation carries the limit.
        case budgetBelowMinimum
        /// A target id is not one of the campaign's entities at the level (422).
        case unknownEntity
        /// The bid is not one the platform can take: wrong currency, not expressible in its unit, a target ROAS not
        /// above zero (422).
        case invalidBid
        /// The bid amount is under the platform's minimum (422); the violation carries the limit.
        case bidBelowMinimum
        /// The targeting change is not one the platform can take: nothing given, no country, an unknown country
        /// code, an age range outside the platform's limits (422).
        case invalidTargeting
    }

    /// The kind of refusal.
    public var kind: Kind
    /// What is wrong, for people.
    public var message: String
    /// Every violation, each with its platform, field and limit.
    public var violations: [Violation]

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, violations: [Violation] = []) {
        self.kind = kind
        self.message = message
        self.violations = violations
    }

    /// A refusal about one field.
    static func field(
        _ kind: Kind, _ fieldPath: String, _ message: String, platform: PlatformID? = nil, rule: Violation.Rule? = nil,
        limit: String? = nil, actual: String? = nil
    ) -> ActionError {
        ActionError(
            kind, message,
            violations: [
                Violation(
                    platform: platform, fieldPath: fieldPath, rule: rule ?? Violation.Rule(rawValue: kind.rawValue),
                    limit: limit, actual: actual, message: message)
            ])
    }

    /// The message, then each violation on its own line.
    public var description: String {
        ([message] + violations.filter { $0.message != message }.map { "  \($0)" }).joined(separator: "\n")
    }
}
