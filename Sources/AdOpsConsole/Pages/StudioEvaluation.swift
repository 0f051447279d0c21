import AdPlatformKit
import Foundation
import Trafficking

/// A draft read against the engine: its accounts from the store, their platform modules from the engine's
/// registry, the request it makes, and every violation ``RequestValidator`` reports for those platforms. The
/// wizard's counters, its review and its launch all read this one evaluation, so the page never has rules of its
/// own.
struct StudioEvaluation: Sendable {
    /// The chosen accounts that exist, in the form's order.
    var accounts: [AdAccount]
    /// The platforms checked: the chosen accounts' (and any named directly), each once, in registry order.
    var platforms: [RegisteredPlatform]
    /// The request, when the draft can be read into one.
    var request: TraffickingRequest?
    /// Fields that cannot be read into a request, and a missing account choice.
    var problems: [StudioDraftProblems.Problem]
    /// The validator's violations, hard and recommended.
    var violations: [Violation]

    /// Evaluates `draft`; `extraPlatforms` are platforms to check besides the accounts' (the page's checks before
    /// an account is chosen).
    static func evaluate(
        _ draft: StudioDraft, engine: TraffickingEngine, extraPlatforms: [PlatformID] = []
    ) async throws -> StudioEvaluation {
        var accounts: [AdAccount] = []
        var problems: [StudioDraftProblems.Problem] = []
        for id in draft.accountIDs {
            guard let account = try await engine.store.account(id) else {
                problems.append(.init(field: "account", message: "no ad account \(id.uuidString)"))
                continue
            }
            if !accounts.contains(where: { $0.id == account.id }) { accounts.append(account) }
        }
        if draft.values("account").isEmpty && extraPlatforms.isEmpty {
            problems.append(.init(field: "account", message: "choose at least one ad account"))
        }
        let wanted = Set(accounts.map(\.platform) + extraPlatforms)
        let platforms = engine.registry.all.filter { wanted.contains($0.id) }
        let currency = accounts.first?.currency ?? .usd
        var request: TraffickingRequest?
        var violations: [Violation] = []
        switch draft.request(currency: currency, platforms: platforms.map(\.capabilities)) {
        case .success(let made):
            request = made
            violations = RequestValidator().validate(made, for: platforms)
        case .failure(let failure):
            problems += failure.problems
        }
        return StudioEvaluation(
            accounts: accounts, platforms: platforms, request: request, problems: problems, violations: violations)
    }

    /// Whether the validator found anything the platforms would reject, or the draft is incomplete.
    var blocksLaunch: Bool {
        !problems.isEmpty || request == nil || accounts.isEmpty || violations.contains { $0.severity == .hard }
    }
}
