import AdPlatformKit
import Hummingbird
import Trafficking

/// Maps the engine's ``ActionError`` to a ``Problem`` whose field paths are the action body's
/// (`type`, `level`, `entity_ids[i]`, `budget.amount`, `bid.amount`, `targeting.countries[0]`) or the path's `id`.
enum ActionProblem {
    /// The problem for a refusal: 404 for an unknown campaign, 409 for a campaign not launched (or without
    /// entities, or whose account cannot act, or archived), 422 for what the platform cannot do or a budget, bid or
    /// targeting it would refuse.
    static func problem(for error: ActionError) -> Problem {
        let violations = error.violations.map { violation in
            var mapped = ProblemViolation(violation)
            mapped.field = bodyPath(violation.fieldPath)
            return mapped
        }
        let (status, kind, title): (HTTPResponse.Status, String, String) =
            switch error.kind {
            case .campaignNotFound: (.notFound, "campaign-not-found", "Campaign not found")
            case .notLaunched: (.conflict, "campaign-not-launched", "Campaign not launched")
            case .noEntities: (.conflict, "campaign-has-no-entities", "Campaign has no platform entities")
            case .accountUnavailable: (.conflict, "account-unavailable", "Ad account cannot act")
            case .archived: (.conflict, "campaign-archived", "Campaign archived")
            case .unsupported: (.unprocessableContent, "action-unsupported", "The platform cannot do this action")
            case .invalidBudget: (.unprocessableContent, "invalid-budget", "Budget not accepted")
            case .budgetBelowMinimum: (.unprocessableContent, "budget-below-minimum", "Budget below the minimum")
            case .unknownEntity: (.unprocessableContent, "unknown-entity", "Entity not in the campaign")
            case .invalidBid: (.unprocessableContent, "invalid-bid", "Bid not accepted")
            case .bidBelowMinimum: (.unprocessableContent, "bid-below-minimum", "Bid below the minimum")
            case .invalidTargeting: (.unprocessableContent, "invalid-targeting", "Targeting not accepted")
            }
        return Problem(status: status, kind: kind, title: title, detail: error.message, violations: violations)
    }

    /// The engine's request paths as the body's: `entityIDs[2]` → `entity_ids[2]`, `action` and `status` (what a
    /// status change refusal names) → `type`, `campaign` → the path's `id`.
    static func bodyPath(_ path: String) -> String {
        if path == "action" || path == "status" { return "type" }
        if path == "campaign" { return "id" }
        if path.hasPrefix("entityIDs") { return "entity_ids" + path.dropFirst("entityIDs".count) }
        return path
    }
}
