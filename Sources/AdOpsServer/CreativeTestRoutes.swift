import AdPlatformKit
import Foundation
import Hummingbird
import Optimization
import Trafficking

/// `POST /api/v1/campaigns/{id}/creative-tests` and `GET /api/v1/campaigns/{id}/creative-tests`: test the ads of
/// each of a campaign's ad groups against each other on a rate, and read the stored tests. A dry run (the default)
/// tests and stores, answering 200; an apply also stores a pause of each loser's ad for the worker and answers 202
/// with their ids, before any platform call.
struct CreativeTestRoutes<Context: RequestContext>: Sendable {
    /// The engine.
    let engine: TraffickingEngine
    /// The request-body limit.
    let maximumBodyBytes: Int

    /// Adds the routes under `group` (`/api/v1`).
    func addRoutes(to group: RouterGroup<Context>) {
        group.post("campaigns/:id/creative-tests", use: run)
        group.get("campaigns/:id/creative-tests", use: list)
    }

    /// `POST`: 200 with the tests of a dry run, 202 with those of an apply and the pauses' ids; 404 for an unknown
    /// campaign, 400 naming `metric`, `mode` or `days` when one cannot be read.
    @Sendable func run(_ request: Request, context: Context) async throws -> Response {
        let id = try RouteParameters.uuid("id", in: context)
        let body = try await JSONBody.decode(CreativeTestBody.self, from: request, limit: maximumBodyBytes)
        let metric = try Self.metric(body.metric)
        let mode = try Self.mode(body.mode)
        let run: CreativeTestRun
        do {
            run = try await CreativeTestRunner(engine: engine).run(
                campaign: id, metric: metric, mode: mode, days: body.days)
        } catch let error as CreativeTestRunError {
            switch error.code {
            case .campaignNotFound:
                throw Problem.notFound(error.message, field: "id")
            case .invalidWindow:
                throw Problem.malformedBody(RequestDecodingError(fieldPath: error.field, message: error.message))
            }
        }
        return try JSONBody.response(CreativeTestRunResource(run), status: mode == .apply ? .accepted : .ok)
    }

    /// `GET`: a page of the campaign's stored tests, newest first; 404 for an unknown campaign.
    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let id = try RouteParameters.uuid("id", in: context)
        let page = try RouteParameters.page(request)
        guard try await engine.store.campaign(id) != nil else {
            throw Problem.notFound("no campaign \(id.uuidString)", field: "id")
        }
        let tests = try await engine.store.creativeTests(campaign: id, page: page)
        return try JSONBody.response(
            ListResource(data: tests.items.map(CreativeTestResource.init), pagination: PaginationResource(tests)))
    }

    /// The mode the body names: `dry_run` when absent; anything but `dry_run` and `apply` is a 400 naming `mode`.
    static func mode(_ text: String?) throws -> OptimizationMode {
        switch text {
        case nil, "dry_run": return .dryRun
        case "apply": return .apply
        case let other?:
            throw Problem.malformedBody(
                RequestDecodingError(fieldPath: "mode", message: "unknown mode '\(other)'; expected dry_run, apply"))
        }
    }

    /// The metric the body names: `ctr` when absent; anything but `ctr` and `cvr` is a 400 naming `metric`.
    static func metric(_ text: String?) throws -> CreativeTestMetric {
        guard let text else { return .clickThroughRate }
        guard let metric = CreativeTestMetric.allCases.first(where: { $0.shortName == text }) else {
            throw Problem.malformedBody(
                RequestDecodingError(fieldPath: "metric", message: "unknown metric '\(text)'; expected ctr, cvr"))
        }
        return metric
    }
}
