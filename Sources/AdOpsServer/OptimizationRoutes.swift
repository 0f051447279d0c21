import AdPlatformKit
import Foundation
import Hummingbird
import Optimization
import Trafficking

/// `POST /api/v1/optimizations` and `GET /api/v1/optimizations`: run the budget optimiser over the live campaigns
/// of one ad account or all, and read its log. A dry run (the default) decides and logs, answering 200; an apply
/// also stores a lifecycle action per change for the worker and answers 202 with their ids, before any platform
/// call.
struct OptimizationRoutes<Context: RequestContext>: Sendable {
    /// The engine.
    let engine: TraffickingEngine
    /// The request-body limit.
    let maximumBodyBytes: Int

    /// Adds the routes under `group` (`/api/v1`).
    func addRoutes(to group: RouterGroup<Context>) {
        group.post("optimizations", use: run)
        group.get("optimizations", use: list)
    }

    /// `POST`: 200 with the decisions of a dry run, 202 with those of an apply and the actions' ids.
    @Sendable func run(_ request: Request, context: Context) async throws -> Response {
        let body = try await JSONBody.decode(OptimizationBody.self, from: request, limit: maximumBodyBytes)
        let mode = try Self.mode(body.mode)
        let run: OptimizationRun
        do {
            run = try await Optimizer(engine: engine).run(account: body.adAccountID, mode: mode)
        } catch let error as OptimizerError {
            switch error.code {
            case .accountNotFound:
                throw Problem.notFound(error.message, field: "ad_account_id")
            }
        }
        return try JSONBody.response(OptimizationRunResource(run), status: mode == .apply ? .accepted : .ok)
    }

    /// `GET`: a page of the optimisation log, newest first, of one `campaign_id`, one `ad_account_id`, or all.
    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let page = try RouteParameters.page(request)
        let campaign = try Self.uuid("campaign_id", request)
        let account = try Self.uuid("ad_account_id", request)
        let log = try await engine.store.optimizationLog(campaign: campaign, account: account, page: page)
        return try JSONBody.response(
            ListResource(data: log.items.map(OptimizationDecisionResource.init), pagination: PaginationResource(log)))
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

    /// An optional UUID query parameter; a malformed one is a 400 naming it.
    private static func uuid(_ name: String, _ request: Request) throws -> UUID? {
        guard let text = request.uri.queryParameters.get(name) else { return nil }
        guard let id = UUID(uuidString: text) else { throw Problem.invalidParameter(name, "'\(text)' is not a UUID") }
        return id
    }
}
