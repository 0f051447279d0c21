import Automation
import Foundation
import Trafficking

/// What one of a rule's actions would do (a preview) or did (a run) to one matched entity: `planned` with the value
/// before and after and the guardrails that cut it, `skipped` with the reason, or `errored` with why.
public struct RuleActionOutcomeResource: Encodable, Sendable {
    /// Why an action was held back.
    struct Skip: Encodable, Sendable {
        var kind: String
        var message: String
        var until: Date?
    }

    var action: RuleAction
    var result: String
    var oldValue: ActionValue?
    var newValue: ActionValue?
    var limitedBy: [String]
    var skipReason: Skip?
    var error: String?

    private enum CodingKeys: String, CodingKey {
        case action, result
        case oldValue = "old_value"
        case newValue = "new_value"
        case limitedBy = "limited_by"
        case skipReason = "skip_reason"
        case error
    }

    /// The resource of an action's outcome.
    public init(_ outcome: Automation.ActionOutcome) {
        action = outcome.action
        limitedBy = []
        switch outcome.result {
        case .planned(let change):
            result = "planned"
            oldValue = change.oldValue
            newValue = change.newValue
            limitedBy = change.limitedBy
        case .skipped(let reason):
            result = "skipped"
            skipReason = Skip(kind: reason.kind.rawValue, message: reason.message, until: reason.until)
        case .errored(let message):
            result = "errored"
            error = message
        }
    }
}
