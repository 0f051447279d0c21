import AdPlatformKit
import Foundation
import Hummingbird
import Optimization
import Trafficking

/// `POST /api/v1/optimizations` and `GET /api/v1/optimizations`: run the budget optimiser over the live campaigns
/// of one ad account or all, and read its log. A dry run (the default) decides and logs, answering 200; an apply
/// also stores a lifecycle action per change for the worker and answers 202 with their ids, before any platform
/// call. `GET` and `PUT /api/v1/campaigns/{id}/optimization` read and change one campaign's settings: whether the
/// optimiser decides for it, and its daily budget bounds.
struct OptimizationRoutes<Context: RequestContext>: Sendable {
    /// The engine.
    let engine: TraffickingEngine
    /// The request-body limit.
    let maximumBodyBytes: Int

    /// Adds the routes under `group` (`/api/v1`).
    func addRoutes(to group: RouterGroup<Context>) {
        group.post("optimizations", use: run)
        group.get("optimizations", use: list)
        group.get("campaigns/:id/optimization", use: showSettings)
        group.put("campaigns/:id/optimization", use: updateSettings)
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
            case .campaignNotFound, .invalidSettings:
                throw error
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

    /// `GET /campaigns/{id}/optimization`: the campaign's settings; 404 when it does not exist.
    @Sendable func showSettings(_ request: Request, context: Context) async throws -> Response {
        let id = try RouteParameters.uuid("id", in: context)
        let (settings, _) = try await Self.settings(of: id, Optimizer(engine: engine))
        return try JSONBody.response(OptimizationSettingsResource(campaignID: id, settings))
    }

    /// `PUT /campaigns/{id}/optimization`: makes the change the body asks for (fields left out are left as they
    /// are; a `null` bound is removed) and answers with the settings as stored; 404 when the campaign does not
    /// exist, 422 listing every field at fault (a bound finer than the currency, negative, or a minimum above the
    /// maximum).
    @Sendable func updateSettings(_ request: Request, context: Context) async throws -> Response {
        let id = try RouteParameters.uuid("id", in: context)
        let body = try await JSONBody.decode(OptimizationSettingsBody.self, from: request, limit: maximumBodyBytes)
        let optimizer = Optimizer(engine: engine)
        let (current, campaign) = try await Self.settings(of: id, optimizer)
        let currency = campaign.budget.amount.currency
        var violations: [ProblemViolation] = []
        let change = OptimizationSettingsChange(
            autoOptimize: body.autoOptimize,
            minimumBudget: try Self.bound(body.budgetMinimum, field: "budget_minimum", currency, &violations),
            maximumBudget: try Self.bound(body.budgetMaximum, field: "budget_maximum", currency, &violations))
        violations += change.violations(against: current, currency: currency).map {
            ProblemViolation(field: Self.bodyField($0.field), rule: "invalidValue", message: $0.message)
        }
        guard violations.isEmpty else {
            throw Problem.invalidRequest(
                violations.map { "\($0.field): \($0.message)" }.joined(separator: "; "), violations)
        }
        do {
            let settings = try await optimizer.updateSettings(change, of: id)
            return try JSONBody.response(OptimizationSettingsResource(campaignID: id, settings))
        } catch let error as OptimizerError {
            throw Self.problem(error)
        }
    }

    /// A campaign's settings and the campaign, or a 404 naming `id`.
    private static func settings(
        of id: UUID, _ optimizer: Optimizer
    ) async throws -> (CampaignOptimizationSettings, Campaign) {
        do {
            return try await optimizer.settings(of: id)
        } catch let error as OptimizerError {
            throw problem(error)
        }
    }

    /// A bound of the body in the campaign's currency; an amount finer than the currency or too large is a
    /// violation naming `field` (the schema cannot state a currency's digits), one that is not a number a 400.
    private static func bound(
        _ bound: OptimizationSettingsBody.Bound?, field: String, _ currency: Currency,
        _ violations: inout [ProblemViolation]
    ) throws -> OptimizationSettingsChange.Bound? {
        switch bound {
        case nil: return nil
        case .none?: return OptimizationSettingsChange.Bound.none
        case .amount(let text)?:
            do {
                return .amount(try Money(decimal: text, currency: currency))
            } catch {
                guard error.reason != .notADecimal else {
                    throw Problem.malformedBody(RequestDecodingError(fieldPath: field, message: error.message))
                }
                violations.append(ProblemViolation(field: field, rule: error.reason.rawValue, message: error.message))
                return nil
            }
        }
    }

    /// The body's name of a settings field the optimiser names.
    private static func bodyField(_ field: String) -> String {
        switch field {
        case "autoOptimize": "auto_optimize"
        case "minimumBudget": "budget_minimum"
        case "maximumBudget": "budget_maximum"
        case "campaign": "id"
        default: field
        }
    }

    /// The problem an optimiser error is: 404 for an unknown account or campaign, 422 for settings.
    private static func problem(_ error: OptimizerError) -> Problem {
        switch error.code {
        case .accountNotFound: Problem.notFound(error.message, field: "ad_account_id")
        case .campaignNotFound: Problem.notFound(error.message, field: "id")
        case .invalidSettings:
            Problem.invalidRequest(
                "\(bodyField(error.field)): \(error.message)",
                [ProblemViolation(field: bodyField(error.field), rule: "invalidValue", message: error.message)])
        }
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
