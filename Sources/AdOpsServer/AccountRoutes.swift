import AdPlatformKit
import Foundation
import Hummingbird
import Trafficking

/// `/api/v1/ad_accounts`: register, list, read, update and soft-delete ad accounts. Credentials go in and are
/// never sent back.
struct AccountRoutes<Context: RequestContext>: Sendable {
    /// The engine, for its store and registry.
    let engine: TraffickingEngine
    /// The request-body limit.
    let maximumBodyBytes: Int

    /// Adds the routes under `group` (`/api/v1/ad_accounts`).
    func addRoutes(to group: RouterGroup<Context>) {
        group.post(use: create)
        group.get(use: list)
        group.get(":id", use: show)
        group.put(":id", use: update)
        group.delete(":id", use: delete)
    }

    /// `POST`: 201 with the account and its `Location`; 422 listing every rule broken.
    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let body = try await JSONBody.decode(AdAccountBody.self, from: request, limit: maximumBodyBytes)
        let violations = body.violations(knownPlatforms: engine.registry.ids)
        guard violations.isEmpty else {
            throw Problem.invalidRequest("the ad account breaks \(violations.count) rule(s)", violations)
        }
        let account = try await engine.store.createAccount(body.newAccount)
        let resource = AdAccountResource(account, credentials: body.credentials.credentials)
        return try JSONBody.response(
            resource, status: .created, headers: [.location: AdAccountResource.path(of: account.id)])
    }

    /// `GET`: a page of accounts that are not deleted, oldest first, optionally of one `platform`.
    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let page = try RouteParameters.page(request)
        var platform: PlatformID?
        if let name = request.uri.queryParameters.get("platform") {
            let id = PlatformID(rawValue: name)
            guard engine.registry.ids.contains(id) else {
                let known = engine.registry.ids.map(\.rawValue).joined(separator: ", ")
                throw Problem.invalidParameter("platform", "unknown platform '\(name)'; expected one of: \(known)")
            }
            platform = id
        }
        let accounts = try await engine.store.accounts(platform: platform, page: page)
        return try JSONBody.response(
            ListResource(data: accounts.items.map { AdAccountResource($0) }, pagination: PaginationResource(accounts)))
    }

    /// `GET /{id}`: the account, or 404 when unknown or deleted.
    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let id = try RouteParameters.uuid("id", in: context)
        guard let account = try await engine.store.account(id) else { throw Self.notFound(id) }
        return try JSONBody.response(AdAccountResource(account, credentials: try await storedCredentials(id)))
    }

    /// `PUT /{id}`: applies the fields present; 404 when unknown, 422 when a field breaks a rule.
    @Sendable func update(_ request: Request, context: Context) async throws -> Response {
        let id = try RouteParameters.uuid("id", in: context)
        let body = try await JSONBody.decode(AdAccountUpdateBody.self, from: request, limit: maximumBodyBytes)
        guard let current = try await engine.store.account(id) else { throw Self.notFound(id) }
        let violations = body.violations(current: current.platform)
        guard violations.isEmpty else {
            throw Problem.invalidRequest("the update breaks \(violations.count) rule(s)", violations)
        }
        guard let account = try await engine.store.updateAccount(id, body.changes) else { throw Self.notFound(id) }
        return try JSONBody.response(AdAccountResource(account, credentials: try await storedCredentials(id)))
    }

    /// `DELETE /{id}`: soft delete, 204; 404 when unknown or already deleted.
    @Sendable func delete(_ request: Request, context: Context) async throws -> Response {
        let id = try RouteParameters.uuid("id", in: context)
        guard try await engine.store.deleteAccount(id) else { throw Self.notFound(id) }
        return Response(status: .noContent)
    }

    /// The account's credentials, to name the stored fields; `nil` when they cannot be decrypted (stored under
    /// another key), which is no reason to hide the account itself.
    private func storedCredentials(_ id: UUID) async throws -> PlatformCredentials? {
        do {
            return try await engine.store.credentials(ofAccount: id)
        } catch let error as StoreError where error.code == .corrupt {
            return nil
        }
    }

    static func notFound(_ id: UUID) -> Problem {
        .notFound("no ad account \(id.uuidString); it does not exist or was deleted", field: "id")
    }
}
