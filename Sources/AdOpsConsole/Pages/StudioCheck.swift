import AdPlatformKit
import Foundation

/// `POST /studio/check`'s answer: each limited input's length on each platform, counted as that platform counts,
/// and every violation ``RequestValidator`` reports for the draft on the chosen platforms.
struct StudioCheck: Encodable, Sendable {
    /// One input's length on one platform.
    struct Count: Encodable, Sendable, Hashable {
        /// The form field, e.g. `headline-2`.
        var input: String
        /// The platform.
        var platform: String
        /// The length as the platform counts it.
        var count: Int
        /// The greatest length.
        var limit: Int
        /// The least length.
        var minimum: Int
        /// `hard` or `recommended`.
        var enforcement: String
        /// Whether the count is past the limit.
        var over: Bool
    }

    /// One violation.
    struct Problem: Encodable, Sendable, Hashable {
        /// The platform, when one platform's rule.
        var platform: String?
        /// The field path the validator names (`creatives[0].headlines[0]`), or the form field of a draft problem.
        var field: String
        /// The form field it belongs to, when one.
        var input: String?
        /// The rule broken.
        var rule: String
        /// The limit, when the rule has one.
        var limit: String?
        /// `hard` or `recommended`.
        var severity: String
        /// What is wrong.
        var message: String
    }

    /// The counts.
    var counts: [Count]
    /// The violations.
    var violations: [Problem]

    /// The check of an evaluated draft.
    init(draft: StudioDraft, evaluation: StudioEvaluation) {
        counts = Self.counts(draft: draft, platforms: evaluation.platforms)
        violations =
            evaluation.problems.map {
                Problem(
                    platform: nil, field: $0.field, input: $0.field, rule: "invalidValue", limit: nil,
                    severity: "hard", message: $0.message)
            }
            + evaluation.violations.map {
                Problem(
                    platform: $0.platform?.rawValue, field: $0.fieldPath,
                    input: StudioDraft.input(forPath: $0.fieldPath),
                    rule: $0.rule.rawValue, limit: $0.limit, severity: $0.severity.rawValue, message: $0.message)
            }
    }

    /// Each limited input's length on each platform, from the platforms' text limits.
    static func counts(draft: StudioDraft, platforms: [RegisteredPlatform]) -> [Count] {
        var result: [Count] = []
        for platform in platforms {
            for limit in platform.capabilities.textLimits {
                for input in StudioLimits.inputs(of: limit.field) {
                    let text = draft.fields[input]?.first ?? ""
                    guard !text.isEmpty || input == StudioLimits.inputs(of: limit.field).first else { continue }
                    let count = limit.counting.length(of: text)
                    result.append(
                        Count(
                            input: input, platform: platform.id.rawValue, count: count, limit: limit.maximum,
                            minimum: limit.minimum, enforcement: limit.enforcement.rawValue,
                            over: count > limit.maximum))
                }
            }
        }
        return result
    }
}
