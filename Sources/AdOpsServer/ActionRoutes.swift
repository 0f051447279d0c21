import AdPlatformKit
import Crypto
import Foundation
import Hummingbird
import Trafficking

/// `POST /api/v1/campaigns/{id}/actions`, `GET /api/v1/campaigns/{id}/actions` and `GET /api/v1/actions/{id}`:
/// lifecycle actions on launched campaigns. A POST checks the action against the platform's abilities and budget
/// rules and stores it for the worker, answering 202 before any platform call; nothing is stored when it is
/// refused.
struct ActionRoutes<Context: RequestContext>: Sendable {
    /// The engine.
    let engine: TraffickingEngine
    /// The request-body limit.
    let maximumBodyBytes: Int

    /// Adds the routes under `group` (`/api/v1`).
    func addRoutes(to group: RouterGroup<Context>) {
        group.post("campaigns/:id/actions", use: request)
        group.get("campaigns/:id/actions", use: list)
        group.get("actions/:id", use: show)
    }

    /// `POST`: 202 with the PENDING action and its `Location`.
    @Sendable func request(_ request: Request, context: Context) async throws -> Response {
        let campaignID = try RouteParameters.uuid("id", in: context)
        let body = try await JSONBody.decode(ActionBody.self, from: request, limit: maximumBodyBytes)
        let kind = try await self.kind(of: body, campaign: campaignID)
        let level = try Self.level(body.level)
        let action: LifecycleAction
        do {
            action = try await engine.requestAction(
                ActionRequest(
                    campaignID: campaignID, kind: kind, level: level, entityIDs: body.entityIDs ?? [],
                    requestedBy: Self.requester(request)))
        } catch let error as ActionError {
            throw ActionProblem.problem(for: error)
        }
        return try JSONBody.response(
            ActionResource(action), status: .accepted, headers: [.location: ActionResource.path(of: action.id)])
    }

    /// `GET` on a campaign: a page of its actions, newest first; 404 when the campaign is unknown.
    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let campaignID = try RouteParameters.uuid("id", in: context)
        let page = try RouteParameters.page(request)
        guard try await engine.store.campaign(campaignID) != nil else { throw Self.campaignNotFound(campaignID) }
        let actions = try await engine.store.actions(campaign: campaignID, page: page)
        return try JSONBody.response(
            ListResource(data: actions.items.map { ActionResource($0) }, pagination: PaginationResource(actions)))
    }

    /// `GET /actions/{id}`: the action with its steps and log; 404 when unknown.
    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let id = try RouteParameters.uuid("id", in: context)
        guard let detail = try await engine.actionDetail(of: id) else {
            throw Problem.notFound("no action \(id.uuidString)", field: "id")
        }
        return try JSONBody.response(ActionResource(detail))
    }

    /// The kind the body names; a budget or a bid takes the ad account's currency, and a budget the campaign's
    /// period, unless the body gives them. Malformed values are 400s naming the field; a value the kind does not
    /// take is one too.
    private func kind(of body: ActionBody, campaign id: UUID) async throws -> ActionKind {
        let named = ActionKind.named(body.type)
        let valued = ["budget", "bid", "targeting"]
        guard named != nil || valued.contains(body.type) else {
            throw Problem.malformedBody(
                RequestDecodingError(
                    fieldPath: "type",
                    message: "unknown action '\(body.type)'; expected " + ActionKind.names.joined(separator: ", ")))
        }
        let given = [("budget", body.budget != nil), ("bid", body.bid != nil), ("targeting", body.targeting != nil)]
        for (field, present) in given where present && field != body.type {
            throw Problem.malformedBody(
                RequestDecodingError(fieldPath: field, message: "only a \(field) action takes a \(field)"))
        }
        if let named { return named }
        switch body.type {
        case "bid":
            return .bid(try await bid(of: body, campaign: id))
        case "targeting":
            guard let targeting = body.targeting else {
                throw Problem.malformedBody(
                    RequestDecodingError(
                        fieldPath: "targeting",
                        message: "a targeting action needs targeting: countries, ageRange or genders"))
            }
            return .targeting(targeting)
        default:
            return .budget(try await budget(of: body, campaign: id))
        }
    }

    /// The budget of a `budget` action, read by ``ActionValues`` as the console reads it.
    private func budget(of body: ActionBody, campaign id: UUID) async throws -> Budget {
        guard let budget = body.budget else {
            throw Problem.malformedBody(
                RequestDecodingError(fieldPath: "budget", message: "a budget action needs a budget with an amount"))
        }
        let campaign = try await self.campaign(id)
        let account = try await engine.store.account(campaign.accountID)
        do {
            return try ActionValues.budget(
                amount: budget.amount, period: budget.period, currency: budget.currency, campaign: campaign,
                account: account)
        } catch {
            throw Self.problem(error)
        }
    }

    /// The bid of a `bid` action, read by ``ActionValues`` as the console reads it.
    private func bid(of body: ActionBody, campaign id: UUID) async throws -> BidStrategy {
        guard let bid = body.bid else {
            throw Problem.malformedBody(
                RequestDecodingError(fieldPath: "bid", message: "a bid action needs a bid with a strategy"))
        }
        do {
            return try await ActionValues.bid(
                strategy: bid.strategy, amount: bid.amount, roas: bid.roas, currency: bid.currency
            ) {
                let campaign = try await self.campaign(id)
                return ActionValues.defaultCurrency(
                    campaign: campaign, account: try await engine.store.account(campaign.accountID))
            }
        } catch let failure as ActionValues.Failure {
            throw Self.problem(failure)
        }
    }

    /// The campaign, or a 404.
    private func campaign(_ id: UUID) async throws -> Campaign {
        guard let campaign = try await engine.store.campaign(id) else { throw Self.campaignNotFound(id) }
        return campaign
    }

    /// A value that cannot be read: a malformed body naming the field; too many decimals for the currency, or too
    /// large, is a rule the schema cannot state, so a 422 as on submissions.
    private static func problem(_ failure: ActionValues.Failure) -> Problem {
        Problem.malformedBody(
            RequestDecodingError(
                fieldPath: failure.fieldPath, message: failure.message, brokenRule: failure.brokenRule))
    }

    /// `campaign` when absent; a 400 naming `level` when unknown.
    private static func level(_ text: String?) throws -> ActionLevel {
        guard let text else { return .campaign }
        guard let level = ActionLevel(rawValue: text) else {
            throw Problem.malformedBody(
                RequestDecodingError(
                    fieldPath: "level",
                    message: "unknown level '\(text)'; expected "
                        + ActionLevel.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        return level
    }

    /// `api:` and the first 12 hex digits of the SHA-256 of the caller's key: which configured key asked, without
    /// the key. The key middleware has already accepted it.
    static func requester(_ request: Request) -> String {
        guard let header = request.headers[.authorization],
            let key = APIKeyMiddleware<Context>.bearerToken(header)
        else { return "api" }
        let digest = SHA256.hash(data: Data(key.utf8)).map { String(format: "%02x", $0) }.joined()
        return "api:\(digest.prefix(12))"
    }

    static func campaignNotFound(_ id: UUID) -> Problem {
        Problem(
            status: .notFound, kind: "campaign-not-found", title: "Campaign not found",
            detail: "no campaign \(id.uuidString)",
            violations: [ProblemViolation(field: "id", rule: "notFound", message: "no campaign \(id.uuidString)")])
    }
}
