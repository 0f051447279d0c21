import AdPlatformKit
import Foundation
import Hummingbird
import Trafficking

/// `GET /api/v1/campaigns` and `GET /api/v1/campaigns/{id}`: the campaigns of ours that launches made, filtered and
/// paged, and one with its platform entities at every level, its creatives' versions, its latest metrics and its
/// drifts. (`POST` on the list path submits a request; see ``SubmissionRoutes``. Metrics by day are under
/// ``MetricsRoutes``.)
struct CampaignRoutes<Context: RequestContext>: Sendable {
    /// The engine.
    let engine: TraffickingEngine

    /// Adds the routes under `group` (`/api/v1/campaigns`).
    func addRoutes(to group: RouterGroup<Context>) {
        group.get(use: list)
        group.get(":id", use: show)
    }

    /// `GET`: a page of campaigns, newest first, filtered by `status`, `platform`, `ad_account_id`, `ticket`
    /// (`source:id`) and `drifted`.
    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let page = try RouteParameters.page(request)
        let query = request.uri.queryParameters
        var filter = CampaignFilter()
        if let text = query.get("status") {
            guard let status = CampaignStatus(rawValue: text.lowercased()) else {
                let accepted = CampaignStatus.allCases.map(\.rawValue).joined(separator: ", ")
                throw Problem.invalidParameter("status", "unknown status '\(text)'; expected one of: \(accepted)")
            }
            filter.status = status
        }
        if let text = query.get("platform") {
            let known = engine.registry.ids
            guard let platform = known.first(where: { $0.rawValue == text.lowercased() }) else {
                let accepted = known.map(\.rawValue).sorted().joined(separator: ", ")
                throw Problem.invalidParameter("platform", "unknown platform '\(text)'; expected one of: \(accepted)")
            }
            filter.platform = platform
        }
        if let text = query.get("ad_account_id") {
            guard let id = UUID(uuidString: text) else {
                throw Problem.invalidParameter("ad_account_id", "'\(text)' is not a UUID")
            }
            filter.accountID = id
        }
        if let text = query.get("ticket") {
            // Split at the first colon scalar: a colon followed by a combining mark or an emoji modifier is one
            // Character with it, which a split on Characters would not find.
            let scalars = text.unicodeScalars
            guard let colon = scalars.firstIndex(of: ":"), colon != scalars.startIndex,
                scalars.index(after: colon) != scalars.endIndex
            else {
                throw Problem.invalidParameter(
                    "ticket", "'\(text)' is not SOURCE:ID, such as airtable:recXv76n93p00zyUV")
            }
            filter.ticket = TicketReference(
                source: String(scalars[..<colon]), id: String(scalars[scalars.index(after: colon)...]))
        }
        if let text = query.get("drifted") {
            switch text.lowercased() {
            case "true": filter.drifted = true
            case "false": filter.drifted = false
            default: throw Problem.invalidParameter("drifted", "'\(text)' is not true or false")
            }
        }
        let campaigns = try await engine.store.campaigns(filter, page: page)
        return try JSONBody.response(
            ListResource(data: campaigns.items.map { CampaignResource($0) }, pagination: PaginationResource(campaigns)))
    }

    /// Days in a campaign's `latest_metrics`, through today.
    static var latestDays: Int { 7 }

    /// Drifts a campaign's detail lists, newest first.
    static var latestDrifts: Int { 20 }

    /// `GET /{id}`: the campaign with its entities and creative versions, its campaign-level totals of the last
    /// ``latestDays`` days through today, and its newest drifts; 404 when unknown.
    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let id = try RouteParameters.uuid("id", in: context)
        guard let detail = try await engine.store.campaignDetail(id) else {
            throw Problem.notFound("no campaign \(id.uuidString)", field: "id")
        }
        let today = CalendarDay(engine.store.clock.now)
        let (from, to) = (today.adding(-(Self.latestDays - 1)).description, today.description)
        let rows = try await engine.store.metrics(campaign: id, since: from, until: to, level: .campaign)
        let totals = rows.map(\.totals).reduce(MetricTotals.zero(detail.campaign.budget.amount.currency), +)
        let drifts = try await engine.store.drifts(campaign: id).prefix(Self.latestDrifts)
        return try JSONBody.response(
            CampaignResource(
                detail, latestMetrics: MetricTotalsResource(totals, from: from, to: to), drifts: Array(drifts)))
    }
}
