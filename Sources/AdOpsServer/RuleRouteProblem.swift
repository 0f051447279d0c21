import Automation
import Hummingbird

/// Maps the automator's errors to ``Problem``s whose field paths are the rule document's (`conditions.all[1].metric`,
/// `schedule.everyMinutes`) or the request's (`id`, `If-Match`).
enum RuleRouteProblem {
    /// 422 listing every problem of a refused rule, each at its path in the body (`body` for the whole document).
    static func problem(for refusal: RuleRefusal) -> Problem {
        let violations = refusal.problems.map { problem in
            ProblemViolation(
                field: problem.path.isEmpty ? "body" : problem.path, rule: "invalidRule", message: problem.message)
        }
        let count = refusal.problems.count
        let first = refusal.problems.first.map { ": \($0)" } ?? ""
        return Problem(
            status: .unprocessableContent, kind: "invalid-rule", title: "Rule not valid",
            detail: "the rule has \(count) problem\(count == 1 ? "" : "s")\(count == 1 ? first : "; see violations")",
            violations: violations)
    }

    /// 404 for an unknown rule, 409 for an id taken, a stale version or a stored rule this version cannot read.
    /// `versionField` names what carried the version (`If-Match` or `version`).
    static func problem(for error: AutomatorError, versionField: String = "version") -> Problem {
        let field = error.code == .versionConflict ? versionField : error.field
        let (status, kind, title, rule): (HTTPResponse.Status, String, String, String) =
            switch error.code {
            case .ruleNotFound: (.notFound, "rule-not-found", "Rule not found", "notFound")
            case .ruleExists: (.conflict, "rule-exists", "Rule exists", "duplicate")
            case .versionConflict: (.conflict, "version-conflict", "Rule changed meanwhile", "versionConflict")
            case .unreadableRule: (.conflict, "rule-unreadable", "Rule unreadable", "unreadable")
            }
        return Problem(
            status: status, kind: kind, title: title, detail: error.message,
            violations: [ProblemViolation(field: field, rule: rule, message: error.message)])
    }
}
