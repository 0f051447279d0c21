import AdPlatformKit
import Foundation
import Hummingbird
import Trafficking

/// `GET /api/v1/campaigns/{id}/metrics`: a campaign's synced daily metrics between two days, with their total.
/// The sync runs that fill them are asked for with ``SyncRoutes``.
struct MetricsRoutes<Context: RequestContext>: Sendable {
    /// The engine.
    let engine: TraffickingEngine

    /// The most days one request covers, counting both ends: a leap year.
    static var maximumDays: Int { 366 }

    /// The levels rows can be asked at.
    static var levels: [EntityKind] { [.campaign, .adGroup, .ad] }

    /// Adds the routes under `group` (`/api/v1`).
    func addRoutes(to group: RouterGroup<Context>) {
        group.get("campaigns/:id/metrics", use: metrics)
    }

    /// `GET`: the rows from `from` to `to` at `level` (every level when absent) and the campaign-level total;
    /// a malformed or too long range is a 400 naming the parameter, an unknown campaign a 404.
    @Sendable func metrics(_ request: Request, context: Context) async throws -> Response {
        let id = try RouteParameters.uuid("id", in: context)
        let query = request.uri.queryParameters
        let asked = (from: try Self.day("from", query.get("from")), to: try Self.day("to", query.get("to")))
        let level = try Self.level(query.get("level"))
        guard let campaign = try await engine.store.campaign(id) else {
            throw Problem.notFound("no campaign \(id.uuidString)", field: "id")
        }
        let range = try Self.range(
            from: asked.from, to: asked.to, flightStart: campaign.schedule.start, now: engine.store.clock.now)
        let (from, to) = (range.from.description, range.to.description)
        let rows = try await engine.store.metrics(campaign: id, since: from, until: to, level: level)
        return try JSONBody.response(
            CampaignMetricsResource(campaign: campaign, from: from, to: to, level: level, rows: rows))
    }

    /// The days asked for: `to` defaults to today (the store clock's day, UTC) and `from` to the flight's first day,
    /// or to the earliest day the range may start when the flight began longer ago, or to `to` when it has not
    /// begun by then. `from` after `to`, or a range of more than ``maximumDays`` days, is a 400 naming `from`.
    static func range(
        from: CalendarDay?, to: CalendarDay?, flightStart: Date, now: Date
    ) throws -> (from: CalendarDay, to: CalendarDay) {
        let to = to ?? CalendarDay(now)
        let earliest = to.adding(-(maximumDays - 1))
        guard let from else {
            return (min(max(CalendarDay(flightStart), earliest), to), to)
        }
        guard from <= to else {
            throw Problem.invalidParameter("from", "\(from) is after to (\(to))")
        }
        guard from >= earliest else {
            throw Problem.invalidParameter(
                "from", "\(from) to \(to) is more than \(maximumDays) days; start on \(earliest) or later")
        }
        return (from, to)
    }

    /// A `YYYY-MM-DD` day that exists on the calendar, or `nil` when the parameter is absent.
    static func day(_ name: String, _ text: String?) throws -> CalendarDay? {
        guard let text else { return nil }
        guard let day = CalendarDay(text) else {
            throw Problem.invalidParameter(
                name, "'\(text)' is not a calendar day written YYYY-MM-DD, such as 2027-01-31")
        }
        return day
    }

    /// One of ``levels``, or `nil` (every level) when absent.
    static func level(_ text: String?) throws -> EntityKind? {
        guard let text else { return nil }
        guard let level = levels.first(where: { $0.rawValue == text }) else {
            throw Problem.invalidParameter(
                "level", "unknown level '\(text)'; expected one of: \(levels.map(\.rawValue).joined(separator: ", "))")
        }
        return level
    }
}
