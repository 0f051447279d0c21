import AdPlatformKit
import Foundation
import Hummingbird
import Trafficking

/// `POST /api/v1/sync`, `GET /api/v1/sync/runs` and `GET /api/v1/sync/runs/{id}`: ask for metrics syncs and follow
/// them. A POST checks the accounts and stores one `queued` run each, answering 202 before any platform call; the
/// sync service of `adops serve` or `adops worker` (``MetricsSyncService``) claims and runs them.
struct SyncRoutes<Context: RequestContext>: Sendable {
    /// The engine.
    let engine: TraffickingEngine
    /// The request-body limit.
    let maximumBodyBytes: Int

    /// Adds the routes under `group` (`/api/v1`).
    func addRoutes(to group: RouterGroup<Context>) {
        group.post("sync", use: request)
        group.get("sync/runs", use: list)
        group.get("sync/runs/:id", use: show)
    }

    /// `POST`: 202 with one `queued` run per account synced.
    @Sendable func request(_ request: Request, context: Context) async throws -> Response {
        let body = try await JSONBody.decode(SyncBody.self, from: request, limit: maximumBodyBytes)
        let kind = try Self.kind(of: body)
        let accounts = try await self.accounts(for: body, kind: kind)
        let runs = try await engine.queueSync(kind: kind, accounts: accounts, campaign: body.campaignID)
        return try JSONBody.response(SyncRequestAccepted(runs: runs.map(SyncRunResource.init)), status: .accepted)
    }

    /// `GET /runs`: a page of runs, newest first, of one `ad_account_id` or all.
    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let page = try RouteParameters.page(request)
        var account: UUID?
        if let text = request.uri.queryParameters.get("ad_account_id") {
            guard let id = UUID(uuidString: text) else {
                throw Problem.invalidParameter("ad_account_id", "'\(text)' is not a UUID")
            }
            account = id
        }
        let runs = try await engine.store.syncRuns(account: account, page: page)
        return try JSONBody.response(
            ListResource(data: runs.items.map(SyncRunResource.init), pagination: PaginationResource(runs)))
    }

    /// `GET /runs/{id}`: one run; 404 when unknown.
    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let id = try RouteParameters.uuid("id", in: context)
        guard let run = try await engine.store.syncRun(id) else {
            throw Problem.notFound("no sync run \(id.uuidString)", field: "id")
        }
        return try JSONBody.response(SyncRunResource(run))
    }

    /// The kind the body names: `entity` when it names a campaign and no kind, `incremental` when neither. An unknown
    /// kind is a 400; `entity` without a campaign, or a campaign with another kind, a 422 naming the field.
    static func kind(of body: SyncBody) throws -> SyncKind {
        guard let text = body.kind else { return body.campaignID == nil ? .incremental : .entity }
        guard let kind = SyncKind(rawValue: text) else {
            throw Problem.malformedBody(
                RequestDecodingError(
                    fieldPath: "kind",
                    message: "unknown kind '\(text)'; expected "
                        + SyncKind.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        if kind == .entity, body.campaignID == nil {
            throw Problem.invalidRequest(
                "campaign_id: an entity sync needs the campaign to sync",
                [
                    ProblemViolation(
                        field: "campaign_id", rule: "required", message: "an entity sync needs the campaign to sync")
                ])
        }
        if kind != .entity, body.campaignID != nil {
            let message = "only an entity sync takes a campaign; a \(kind.rawValue) sync reads every campaign"
            throw Problem.invalidRequest(
                "campaign_id: \(message)",
                [ProblemViolation(field: "campaign_id", rule: "notAllowed", message: message, actual: kind.rawValue)])
        }
        return kind
    }

    /// The accounts to sync: the campaign's for `entity` (the body's account must be it), the one the body names,
    /// or every ACTIVE account whose platform module reports metrics. A named account or campaign that does not
    /// exist is a 404, one that cannot be synced a 409.
    private func accounts(for body: SyncBody, kind: SyncKind) async throws -> [AdAccount] {
        var accountID = body.adAccountID
        var field = "ad_account_id"
        if kind == .entity, let campaignID = body.campaignID {
            guard let campaign = try await engine.store.campaign(campaignID) else {
                throw Problem.notFound("no campaign \(campaignID.uuidString)", field: "campaign_id")
            }
            guard TraffickingEngine.syncableStatuses.contains(campaign.status) else {
                let message =
                    "campaign \(campaignID.uuidString) is \(campaign.status.rawValue); only launched campaigns "
                    + "(live, paused, completed) have metrics to sync"
                throw Self.conflict(
                    kind: "campaign-not-syncable", title: "Campaign cannot be synced", field: "campaign_id",
                    rule: "notLaunched", message: message, limit: "live, paused, completed",
                    actual: campaign.status.rawValue)
            }
            if let given = accountID, given != campaign.accountID {
                let message =
                    "campaign \(campaignID.uuidString) is on ad account \(campaign.accountID.uuidString), "
                    + "not \(given.uuidString); leave ad_account_id out or give the campaign's"
                throw Problem.invalidRequest(
                    "ad_account_id: \(message)",
                    [
                        ProblemViolation(
                            field: "ad_account_id", rule: "notCampaignAccount", message: message,
                            limit: campaign.accountID.uuidString, actual: given.uuidString)
                    ])
            }
            accountID = campaign.accountID
            field = body.adAccountID == nil ? "campaign_id" : "ad_account_id"
        }
        guard let accountID else { return try await syncableAccounts() }
        guard let account = try await engine.store.account(accountID) else {
            throw Problem.notFound("no ad account \(accountID.uuidString)", field: field)
        }
        guard account.status == .active else {
            var message = "ad account \(account.name) is \(account.status.rawValue); only ACTIVE accounts are synced"
            if account.status == .requiresReauth {
                message += ". Update its credentials (PUT /api/v1/ad_accounts/\(account.id.uuidString))"
            }
            throw Self.conflict(
                kind: "account-not-active", title: "Ad account not active", field: field, rule: "accountNotActive",
                message: message, limit: AdAccountStatus.active.rawValue, actual: account.status.rawValue)
        }
        guard engine.reportsMetrics(account.platform) else {
            throw Self.conflict(
                kind: "platform-without-metrics", title: "Platform reports no metrics", field: field,
                rule: "noMetrics",
                message: "no platform module that reports metrics is registered for '\(account.platform.rawValue)'",
                actual: account.platform.rawValue)
        }
        return [account]
    }

    /// Every ACTIVE account whose platform module reports metrics, oldest first.
    private func syncableAccounts() async throws -> [AdAccount] {
        var found: [AdAccount] = []
        var offset = 0
        while true {
            let page = try await engine.store.accounts(
                platform: nil, page: PageRequest(limit: PageRequest.maximumLimit, offset: offset))
            found += page.items.filter { $0.status == .active && engine.reportsMetrics($0.platform) }
            guard let next = page.nextOffset else { return found }
            offset = next
        }
    }

    /// 409: the account or campaign exists but cannot be synced now.
    private static func conflict(
        kind: String, title: String, field: String, rule: String, message: String, limit: String? = nil,
        actual: String
    ) -> Problem {
        Problem(
            status: .conflict, kind: kind, title: title, detail: message,
            violations: [
                ProblemViolation(field: field, rule: rule, message: message, limit: limit, actual: actual)
            ])
    }
}
