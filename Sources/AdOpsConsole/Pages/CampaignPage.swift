import AdPlatformKit
import Foundation
import Hummingbird
import Trafficking

/// `GET /campaigns/{id}`: one campaign with its platform hierarchy, drift, daily metrics by level, lifecycle actions
/// (and forms to ask for more), its launch job's log, the optimisation log, the rule history and creative tests;
/// `POST /campaigns/{id}/sync` queues a metrics sync of its ad account.
struct CampaignPage: Sendable {
    /// The plumbing.
    let routes: ConsoleRoutes

    /// Lines shown of each history (actions, optimisation log, rule history, creative tests).
    static let historySize = 20

    /// Adds the page's routes to the console's group.
    func addRoutes(to group: RouterGroup<BasicRequestContext>) {
        let environment = routes.environment
        group.get(
            "campaigns/:id",
            use: routes.page("campaign", title: { _ in "Campaign" }, section: .campaigns) { request, context in
                try await Self.view(
                    try context.pathID(of: "a campaign"), query: request.queryFields, environment: environment)
            })
        group.post(
            "campaigns/:id/sync",
            use: routes.signedIn { request, context, session in
                let id = try context.pathID(of: "a campaign")
                _ = try await environment.form(request, context: context, session: session)
                try await Self.queueSync(of: id, environment: environment)
                return environment.redirect(to: "/campaigns/\(id.uuidString)?done=\(ConsoleNotice.syncQueued.rawValue)")
            })
    }

    /// Everything the page shows about campaign `id`.
    static func view(_ id: UUID, query: [String: String], environment: ConsoleEnvironment) async throws -> CampaignView
    {
        let store = environment.engine.store
        guard let detail = try await store.campaignDetail(id) else {
            throw ConsoleError(.notFound, field: "id", "no campaign \(id.uuidString)")
        }
        let campaign = detail.campaign
        let level = try Self.level(query["level"])
        let range = try DateRange(query: query, today: CalendarDay(environment.now))
        let page = PageRequest(limit: historySize)
        return CampaignView(
            detail: detail, account: try await store.account(campaign.accountID),
            drifts: try await store.drifts(campaign: id), level: level, range: range,
            metrics: try await store.metrics(
                campaign: id, since: range.since.description, until: range.until.description, level: level),
            actions: try await store.actions(campaign: id, page: page).items,
            launch: try await environment.engine.detail(of: campaign.jobID),
            optimizations: try await store.optimizationLog(campaign: id, account: nil, page: page).items,
            rules: try await store.ruleExecutions(rule: nil, campaign: id, since: nil, page: page).items,
            tests: try await store.creativeTests(campaign: id, page: page).items)
    }

    /// `?level=`: `campaign` (the default), `adGroup` or `ad`.
    static func level(_ text: String?) throws -> EntityKind {
        guard let text, !text.isEmpty else { return .campaign }
        guard let level = ActionLevel(rawValue: text) else {
            throw ConsoleError(
                .invalidField, field: "level",
                "'\(text)' is not a level; use one of \(ActionLevel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return level.kind
    }

    /// Queues an entity sync of the campaign on its ad account, as `POST /api/v1/sync` with `campaign_id` does: only
    /// a launched campaign on an ACTIVE account whose platform reports metrics; the sync service runs it.
    static func queueSync(of id: UUID, environment: ConsoleEnvironment) async throws {
        let engine = environment.engine
        guard let campaign = try await engine.store.campaign(id) else {
            throw ConsoleError(.notFound, field: "id", "no campaign \(id.uuidString)")
        }
        guard TraffickingEngine.syncableStatuses.contains(campaign.status) else {
            throw ConsoleError(
                .refused, field: "campaign",
                "the campaign is \(campaign.status.rawValue); only launched campaigns (live, paused, completed) have "
                    + "metrics to sync")
        }
        guard let account = try await engine.store.account(campaign.accountID), account.status == .active else {
            throw ConsoleError(
                .refused, field: "account",
                "the campaign's ad account is deleted or not ACTIVE; only ACTIVE accounts are synced")
        }
        guard engine.reportsMetrics(account.platform) else {
            throw ConsoleError(
                .refused, field: "account",
                "no platform module that reports metrics is registered for '\(account.platform.rawValue)'")
        }
        _ = try await engine.queueSync(kind: .entity, accounts: [account], campaign: campaign.id)
    }
}
