/// The one-line confirmations a page shows after a form post redirected to it (`?done=…`). A closed set, so a link
/// cannot make the console show a sentence of someone else's choosing.
enum ConsoleNotice: String, Sendable, CaseIterable {
    case signedIn = "signed-in"
    case actionRequested = "action-requested"
    case jobRetried = "job-retried"
    case ruleSaved = "rule-saved"
    case ruleDeleted = "rule-deleted"
    case ruleRun = "rule-run"
    case launched = "launched"
    case syncQueued = "sync-queued"

    /// What the page says.
    var message: String {
        switch self {
        case .signedIn: "Signed in."
        case .actionRequested: "Requested. The worker carries it out; this page follows its progress."
        case .jobRetried: "The job is queued again."
        case .ruleSaved: "Rule saved."
        case .ruleDeleted: "Rule deleted; its history is kept."
        case .ruleRun: "Rule run; its actions are below."
        case .launched: "Submitted. The jobs below launch it, paused."
        case .syncQueued: "Metrics sync queued for this campaign's ad account; figures update once it has run."
        }
    }
}
