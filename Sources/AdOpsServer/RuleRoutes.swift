import AdPlatformKit
import Automation
import Foundation
import Hummingbird
import Trafficking

/// `/api/v1/rules`: automation rules stored, listed, read, replaced, switched on and off, deleted, previewed, run
/// now, and their history; `/api/v1/rule_previews`: a dry run of a rule in the body, not stored;
/// `/api/v1/rule_executions`: the history of every rule.
///
/// A rule's body is the rule format of `docs/automation.md` (the same JSON as `adops rules add` files). A rule that
/// breaks the format or the validator's checks is a 422 listing every problem at its path in the document.
struct RuleRoutes<Context: RequestContext>: Sendable {
    /// What previews, runs and stores the rules.
    let automator: Automator
    /// The request-body limit.
    let maximumBodyBytes: Int

    /// Adds the routes under `group` (`/api/v1`).
    func addRoutes(to group: RouterGroup<Context>) {
        let rules = group.group("rules")
        rules.get(use: list)
        rules.post(use: create)
        rules.get(":id", use: show)
        rules.put(":id", use: replace)
        rules.delete(":id", use: delete)
        rules.post(":id/enable", use: enable)
        rules.post(":id/disable", use: disable)
        rules.post(":id/preview", use: preview)
        rules.post(":id/run", use: run)
        rules.get(":id/history", use: history)
        group.post("rule_previews", use: previewBody)
        group.get("rule_executions", use: executions)
    }

    /// `GET`: a page of rules by id, all or only the `enabled=true` or `enabled=false` ones.
    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let page = try RouteParameters.page(request)
        var enabled: Bool?
        if let text = request.uri.queryParameters.get("enabled") {
            switch text.lowercased() {
            case "true": enabled = true
            case "false": enabled = false
            default: throw Problem.invalidParameter("enabled", "'\(text)' is not true or false")
            }
        }
        let rules = try await automator.engine.store.rules(enabled: enabled, page: page)
        return try JSONBody.response(
            ListResource(data: rules.items.map { RuleResource($0) }, pagination: PaginationResource(rules)))
    }

    /// `POST`: validates and stores the rule in the body; 201 with it and its `Location`, 422 listing every problem,
    /// 409 when its id is taken.
    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let rule = try await ruleBody(request)
        let stored = try await automator.add(rule)
        return try Self.response(stored, rule: rule, status: .created, location: true)
    }

    /// `GET /{id}`: the stored rule, with its version in `ETag`.
    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let id = try Self.ruleID(context)
        guard let stored = try await automator.engine.store.rule(id) else {
            throw RuleRouteProblem.problem(for: AutomatorError(.ruleNotFound, field: "id", "no rule '\(id)'"))
        }
        return try Self.response(stored, rule: RuleResource.definition(of: stored))
    }

    /// `PUT /{id}`: replaces the stored rule with the body, whose `id` must be the path's. With `If-Match: "N"` or
    /// `?version=N`, an edit made on another version than the stored one is a 409 rather than lost.
    @Sendable func replace(_ request: Request, context: Context) async throws -> Response {
        let id = try Self.ruleID(context)
        let (expected, versionField) = try await expectedVersion(request, id: id)
        let rule = try await ruleBody(request)
        var problems = automator.validator.validate(rule)
        if rule.id != id {
            problems.insert(
                RuleProblem(path: "id", message: "must be the id in the path, '\(id)'; a rule's id cannot change"),
                at: 0)
        }
        guard problems.isEmpty else { throw RuleRefusal(problems: problems) }
        do {
            let stored = try await automator.replace(rule, expectedVersion: expected)
            return try Self.response(stored, rule: rule)
        } catch let error as AutomatorError {
            throw RuleRouteProblem.problem(for: error, versionField: versionField)
        }
    }

    /// `DELETE /{id}`: 204; the rule's history stays.
    @Sendable func delete(_ request: Request, context: Context) async throws -> Response {
        try await automator.delete(try Self.ruleID(context))
        return Response(status: .noContent)
    }

    /// `POST /{id}/enable`: the scheduler runs the rule again, from now.
    @Sendable func enable(_ request: Request, context: Context) async throws -> Response {
        let stored = try await automator.setEnabled(try Self.ruleID(context), true)
        return try Self.response(stored, rule: RuleResource.definition(of: stored))
    }

    /// `POST /{id}/disable`: the scheduler leaves the rule alone; it can still be previewed and run by hand.
    @Sendable func disable(_ request: Request, context: Context) async throws -> Response {
        let stored = try await automator.setEnabled(try Self.ruleID(context), false)
        return try Self.response(stored, rule: RuleResource.definition(of: stored))
    }

    /// `POST /{id}/preview`: a dry run of the stored rule; nothing is requested, sent or recorded.
    @Sendable func preview(_ request: Request, context: Context) async throws -> Response {
        let plan = try await automator.preview(try Self.ruleID(context))
        return try JSONBody.response(RulePlanResource(plan))
    }

    /// `POST /rule_previews`: a dry run of the rule in the body, which is not stored (an edit before it is saved).
    @Sendable func previewBody(_ request: Request, context: Context) async throws -> Response {
        let plan = try await automator.preview(try await ruleBody(request))
        return try JSONBody.response(RulePlanResource(plan))
    }

    /// `POST /{id}/run`: runs the stored rule now, enabled or not: every planned action is recorded in its history
    /// and stored as a lifecycle action for the worker (202), and its notifications are sent.
    @Sendable func run(_ request: Request, context: Context) async throws -> Response {
        let id = try Self.ruleID(context)
        guard let report = try await automator.runNow(id) else {
            throw RuleRouteProblem.problem(
                for: AutomatorError(.unreadableRule, field: "id", "rule '\(id)' cannot be compiled by this version"))
        }
        return try JSONBody.response(RuleRunResource(report), status: .accepted)
    }

    /// `GET /{id}/history`: the rule's history, newest first, optionally of one `campaign_id`. A deleted rule's
    /// history stays readable; an id that names no rule and no history is a 404.
    @Sendable func history(_ request: Request, context: Context) async throws -> Response {
        let id = try Self.ruleID(context)
        let page = try RouteParameters.page(request)
        let campaign = try Self.uuid("campaign_id", request)
        let lines = try await automator.history(rule: id, campaign: campaign, page: page)
        if lines.total == 0, try await automator.engine.store.rule(id) == nil {
            let any = try await automator.history(rule: id, campaign: nil, page: PageRequest(limit: 1))
            if any.total == 0 {
                throw RuleRouteProblem.problem(for: AutomatorError(.ruleNotFound, field: "id", "no rule '\(id)'"))
            }
        }
        return try JSONBody.response(
            ListResource(data: lines.items.map(RuleExecutionResource.init), pagination: PaginationResource(lines)))
    }

    /// `GET /rule_executions`: every rule's history, newest first, of one `rule_id`, one `campaign_id`, both or all.
    @Sendable func executions(_ request: Request, context: Context) async throws -> Response {
        let page = try RouteParameters.page(request)
        let campaign = try Self.uuid("campaign_id", request)
        let rule = request.uri.queryParameters.get("rule_id")
        let lines = try await automator.history(rule: rule, campaign: campaign, page: page)
        return try JSONBody.response(
            ListResource(data: lines.items.map(RuleExecutionResource.init), pagination: PaginationResource(lines)))
    }

    // MARK: - Helpers

    /// The rule in the body. A body that is not a JSON object is a 400; one that is but does not read as a rule is
    /// a 422 naming the path where it breaks, like every other problem of a rule.
    private func ruleBody(_ request: Request) async throws -> Rule {
        let data = try await JSONBody.bytes(of: request, limit: maximumBodyBytes)
        guard (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) is [String: Any] else {
            throw Problem.malformedBody(
                RequestDecodingError(fieldPath: "", message: "expected a JSON object: a rule in the rule format"))
        }
        return try RuleCoding.decodeJSON(data)
    }

    /// The path's rule id, percent-decoded.
    static func ruleID(_ context: Context) throws -> String {
        guard let text = context.parameters.get("id"), !text.isEmpty else {
            throw Problem.invalidParameter("id", "is required")
        }
        return text.removingPercentEncoding ?? text
    }

    /// The version an edit was made on, from `If-Match` (`"3"`, `W/"3"` or `3`; `*` for any) or `?version=3`, and
    /// which of the two named it. A malformed one is a 400 naming it. Two that differ cannot both be the stored
    /// version, so the edit is refused as a conflict once the rule is known to exist.
    func expectedVersion(_ request: Request, id: String) async throws -> (Int?, String) {
        var fromHeader: Int?
        if let header = request.headers[.ifMatch], header != "*" {
            fromHeader = try Self.version(ifMatch: header)
        }
        var fromQuery: Int?
        if let text = request.uri.queryParameters.get("version") {
            guard let version = Int(text), (1...RouteParameters.largestPageParameter).contains(version) else {
                throw Problem.invalidParameter("version", "'\(text)' is not a whole number from 1 to 2147483647")
            }
            fromQuery = version
        }
        if let fromHeader, let fromQuery, fromHeader != fromQuery {
            guard let stored = try await automator.engine.store.rule(id) else {
                throw RuleRouteProblem.problem(for: AutomatorError(.ruleNotFound, field: "id", "no rule '\(id)'"))
            }
            throw RuleRouteProblem.problem(
                for: AutomatorError(
                    .versionConflict, field: "version",
                    "If-Match names version \(fromHeader) and ?version \(fromQuery); rule '\(id)' is at version "
                        + "\(stored.version)"))
        }
        return (fromHeader ?? fromQuery, fromHeader != nil ? "If-Match" : "version")
    }

    /// The version an `If-Match` value names: digits, quoted or not, and quoted after `W/`. Digits beyond any
    /// version name one no rule is at.
    static func version(ifMatch header: String) throws -> Int {
        let weak = header.hasPrefix("W/")
        let text = weak ? header.dropFirst(2) : Substring(header)
        let digits: Substring
        if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") {
            digits = text.dropFirst().dropLast()
        } else if !weak {
            digits = text
        } else {
            digits = ""
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw Problem.invalidParameter(
                "If-Match", "'\(header)' is not a rule version such as \"3\" (the ETag of GET /api/v1/rules/{id})")
        }
        return Int(digits) ?? Int.max
    }

    /// An optional UUID query parameter; a malformed one is a 400 naming it.
    private static func uuid(_ name: String, _ request: Request) throws -> UUID? {
        guard let text = request.uri.queryParameters.get(name) else { return nil }
        guard let id = UUID(uuidString: text) else { throw Problem.invalidParameter(name, "'\(text)' is not a UUID") }
        return id
    }

    /// A rule as a response, with its version as `ETag` and, for a new one, its `Location`.
    private static func response(
        _ stored: StoredRule, rule: Rule?, status: HTTPResponse.Status = .ok, location: Bool = false
    ) throws -> Response {
        var headers: HTTPFields = [.eTag: "\"\(stored.version)\""]
        if location { headers[.location] = RuleResource.path(of: stored.id) }
        return try JSONBody.response(RuleResource(stored, rule: rule), status: status, headers: headers)
    }
}
