import AdPlatformKit
import Foundation

/// The engine's front door: validates a request against the platforms of the chosen ad accounts, stores its media,
/// and stores one PENDING job per account in one transaction. Workers do the rest.
///
/// The engine never names a platform: it asks the registry for the account's platform module.
public struct TraffickingEngine: Sendable {
    /// The store.
    public let store: any TraffickingStore
    /// The platform modules.
    public let registry: PlatformRegistry

    /// Creates an engine.
    public init(store: any TraffickingStore, registry: PlatformRegistry) {
        self.store = store
        self.registry = registry
    }

    /// Validates and stores a request for each account; returns the PENDING jobs, one per account, in the order
    /// given. `platform` is the platform the caller expects every account to be on (the `/ads/{platform}` route).
    /// Throws ``SubmissionError`` and stores nothing when any account or any rule fails.
    public func submit(
        _ request: TraffickingRequest, accounts accountIDs: [UUID], expecting platform: PlatformID? = nil,
        ticket: TicketReference? = nil, media: MediaPolicy = .noFiles
    ) async throws -> [CampaignJob] {
        guard !accountIDs.isEmpty else {
            throw SubmissionError.field(.noAccounts, "accounts", "name at least one ad account")
        }
        var accounts: [AdAccount] = []
        var platforms: [RegisteredPlatform] = []
        var violations: [Violation] = []
        for (index, id) in accountIDs.enumerated() {
            let field = "accounts[\(index)]"
            guard let account = try await store.account(id) else {
                throw SubmissionError.field(.accountNotFound, field, "no ad account \(id)")
            }
            if let platform, account.platform != platform {
                throw SubmissionError.field(
                    .accountPlatformMismatch, field,
                    "ad account \(id) is a \(account.platform) account; this request is for \(platform)",
                    platform: platform)
            }
            guard account.status == .active else {
                throw SubmissionError.field(
                    .accountUnavailable, field,
                    "ad account \(id) is \(account.status.rawValue); only ACTIVE accounts take jobs",
                    platform: account.platform)
            }
            guard let module = registry[account.platform] else {
                throw SubmissionError.field(
                    .platformUnavailable, field,
                    "no platform module for '\(account.platform)'; known: \(registry.ids.map(\.rawValue).joined(separator: ", "))",
                    platform: account.platform)
            }
            if request.budget.amount.currency != account.currency {
                violations.append(
                    Violation(
                        platform: account.platform, fieldPath: "budget.amount.currency", rule: "accountCurrency",
                        limit: account.currency.code, actual: request.budget.amount.currency.code,
                        message: "ad account \(account.name) bills in \(account.currency.code); the budget is in "
                            + "\(request.budget.amount.currency.code)"))
            }
            accounts.append(account)
            if !platforms.contains(where: { $0.id == module.id }) { platforms.append(module) }
        }
        violations += RequestValidator().validate(request, for: platforms).filter { $0.severity == .hard }
        guard violations.isEmpty else {
            throw SubmissionError(
                .invalidRequest, "the request breaks \(violations.count) platform rule(s)", violations: violations)
        }
        let resolved = try await MediaResolver(store: store, policy: media).resolve(request)
        let now = store.clock.now
        let batch = UUID.timeOrdered(at: now)
        return try await store.enqueue(
            accounts.map { account in
                NewCampaignJob(
                    id: .timeOrdered(at: now), accountID: account.id, platform: account.platform, request: resolved,
                    ticket: ticket, batchID: batch
                )
            })
    }

    /// A job with its ledger and log, or `nil`.
    public func detail(of id: UUID) async throws -> JobDetail? {
        guard let job = try await store.job(id) else { return nil }
        return JobDetail(job: job, steps: try await store.ledger(job: id), log: try await store.executionLog(job: id))
    }
}
