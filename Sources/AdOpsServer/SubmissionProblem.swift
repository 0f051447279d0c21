import AdPlatformKit
import Hummingbird
import Trafficking

/// Maps the engine's ``SubmissionError`` to a ``Problem`` whose field paths are the route's body paths.
///
/// The engine names accounts `accounts[i]` and request fields relative to the request; the API's bodies hold the
/// request under `request` and the accounts under `ad_account_id` or `ad_account_ids`, so paths are rewritten to
/// point into the body the caller actually sent.
enum SubmissionProblem {
    /// The problem for a refusal. `accountField` names the body field of the account at an index (`nil` for the
    /// account list as a whole).
    static func problem(for error: SubmissionError, accountField: (Int?) -> String) -> Problem {
        let violations = error.violations.map { violation in
            var mapped = ProblemViolation(violation)
            mapped.field = bodyPath(violation.fieldPath, accountField: accountField)
            return mapped
        }
        let (status, kind, title): (HTTPResponse.Status, String, String) =
            switch error.kind {
            case .accountNotFound: (.notFound, "account-not-found", "Ad account not found")
            case .accountPlatformMismatch:
                (.unprocessableContent, "account-platform-mismatch", "Ad account is on another platform")
            case .accountUnavailable: (.unprocessableContent, "account-unavailable", "Ad account cannot take jobs")
            case .platformUnavailable: (.unprocessableContent, "platform-unavailable", "Platform not available")
            case .invalidRequest: (.unprocessableContent, "invalid-request", "Request breaks the rules")
            case .invalidMedia: (.unprocessableContent, "invalid-media", "Media cannot be used")
            case .noAccounts: (.badRequest, "no-accounts", "No ad account named")
            }
        return Problem(status: status, kind: kind, title: title, detail: error.message, violations: violations)
    }

    /// `accounts[2]` → the route's account field; `accounts` → the list field; anything else → `request.<path>`.
    static func bodyPath(_ path: String, accountField: (Int?) -> String) -> String {
        if path == "accounts" { return accountField(nil) }
        if path.hasPrefix("accounts["), path.hasSuffix("]"),
            let index = Int(path.dropFirst("accounts[".count).dropLast())
        {
            return accountField(index)
        }
        return path.isEmpty ? "request" : "request.\(path)"
    }
}
