import Automation
import Foundation
import Hummingbird
import Trafficking

/// `/rules`: the automation rules (list, a form to write or edit one as YAML or JSON, a dry-run preview of what it
/// would do now, run now, enable, disable, delete) and each rule's history, through the same ``Automator`` as
/// `adops rules` and `/api/v1/rules`.
struct RulesPage: Sendable {
    /// The plumbing.
    let routes: ConsoleRoutes

    func addRoutes(to group: RouterGroup<BasicRequestContext>) {
        let environment = routes.environment
        group.get(
            "rules",
            use: routes.page("rules", title: { _ in "Rules" }, section: .rules) { request, _ in
                let pageNumber = try CampaignsPage.pageNumber(request.queryFields["page"])
                let page = try await environment.engine.store.rules(
                    enabled: nil, page: PageRequest(limit: 100, offset: (pageNumber - 1) * 100))
                let history = try await environment.engine.store.ruleExecutions(
                    rule: nil, campaign: nil, since: nil, page: PageRequest(limit: 20))
                return RulesView(rules: page.items, total: page.total, history: history.items)
            })
        group.get(
            "rules/new",
            use: routes.signedIn { _, _, session in
                try Self.editor(environment, session: session, rule: nil, text: RuleEditorView.example, problems: [])
            })
        group.post(
            "rules",
            use: routes.signedIn { request, context, session in
                let fields = try await environment.form(request, context: context, session: session)
                let text = fields["definition"] ?? ""
                do {
                    let stored = try await Self.automator(environment).add(try Self.decode(text))
                    return environment.redirect(to: "/rules/\(Self.escapePath(stored.id))?done=rule-saved")
                } catch let refusal as RuleRefusal {
                    return try Self.editor(
                        environment, session: session, rule: nil, text: text,
                        problems: refusal.problems.map(\.description), status: .badRequest)
                } catch let error as AutomatorError {
                    return try Self.editor(
                        environment, session: session, rule: nil, text: text, problems: [error.description],
                        status: .conflict)
                }
            })
        group.get(
            "rules/:id",
            use: routes.signedIn { request, context, session in
                let id = try context.parameters.require("id")
                let (rule, stored) = try await Self.read(environment, id: id)
                return try await Self.detail(
                    environment, request: request, session: session, stored: stored,
                    text: (try? RuleCoding.encodeYAML(rule)) ?? stored.definitionJSON, problems: [], plan: nil)
            })
        group.post(
            "rules/:id",
            use: routes.signedIn { request, context, session in
                let id = try context.parameters.require("id")
                let fields = try await environment.form(request, context: context, session: session)
                let text = fields["definition"] ?? ""
                let (_, stored) = try await Self.read(environment, id: id)
                do {
                    var rule = try Self.decode(text)
                    guard rule.id == id else {
                        throw RuleRefusal(problems: [
                            RuleProblem(
                                path: "id",
                                message: "is '\(rule.id)'; a rule keeps its id (\(id)); add a new rule for a new id")
                        ])
                    }
                    rule.enabled = stored.enabled
                    let version = Int(fields["version"] ?? "")
                    _ = try await Self.automator(environment).replace(rule, expectedVersion: version)
                    return environment.redirect(to: "/rules/\(Self.escapePath(id))?done=rule-saved")
                } catch let refusal as RuleRefusal {
                    return try await Self.detail(
                        environment, request: request, session: session, stored: stored, text: text,
                        problems: refusal.problems.map(\.description), plan: nil, status: .badRequest)
                } catch let error as AutomatorError {
                    return try await Self.detail(
                        environment, request: request, session: session, stored: stored, text: text,
                        problems: [error.description], plan: nil, status: .conflict)
                }
            })
        group.post(
            "rules/:id/preview",
            use: routes.signedIn { request, context, session in
                let id = try context.parameters.require("id")
                _ = try await environment.form(request, context: context, session: session)
                let (rule, stored) = try await Self.read(environment, id: id)
                let plan = try await Self.automator(environment).preview(id)
                return try await Self.detail(
                    environment, request: request, session: session, stored: stored,
                    text: (try? RuleCoding.encodeYAML(rule)) ?? stored.definitionJSON, problems: [], plan: plan)
            })
        group.post(
            "rules/:id/run",
            use: routes.signedIn { request, context, session in
                let id = try context.parameters.require("id")
                _ = try await environment.form(request, context: context, session: session)
                _ = try await Self.read(environment, id: id)
                _ = try await Self.automator(environment).runNow(id)
                return environment.redirect(to: "/rules/\(Self.escapePath(id))?done=rule-run")
            })
        for (verb, enabled) in [("enable", true), ("disable", false)] {
            group.post(
                "rules/:id/\(verb)",
                use: routes.signedIn { request, context, session in
                    let id = try context.parameters.require("id")
                    _ = try await environment.form(request, context: context, session: session)
                    _ = try await Self.read(environment, id: id)
                    _ = try await Self.automator(environment).setEnabled(id, enabled)
                    return environment.redirect(to: "/rules/\(Self.escapePath(id))?done=rule-saved")
                })
        }
        group.post(
            "rules/:id/delete",
            use: routes.signedIn { request, context, session in
                let id = try context.parameters.require("id")
                _ = try await environment.form(request, context: context, session: session)
                _ = try await Self.read(environment, id: id)
                try await Self.automator(environment).delete(id)
                return environment.redirect(to: "/rules?done=rule-deleted")
            })
    }

    /// The automator, or an error page when this console was started without one.
    static func automator(_ environment: ConsoleEnvironment) throws -> Automator {
        guard let automator = environment.configuration.automator else {
            throw ConsoleError(.refused, field: "rules", "this console was started without automation rules")
        }
        return automator
    }

    /// A rule and its stored record, or a not-found page naming the id.
    static func read(_ environment: ConsoleEnvironment, id: String) async throws -> (Rule, StoredRule) {
        do {
            return try await automator(environment).rule(id)
        } catch let error as AutomatorError where error.code == .ruleNotFound {
            throw ConsoleError(.notFound, field: "id", "there is no rule \(id)")
        }
    }

    /// A rule written as JSON (it starts with `{`) or YAML.
    static func decode(_ text: String) throws(RuleRefusal) -> Rule {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw RuleRefusal(problems: [
                RuleProblem(path: "definition", message: "is empty; write the rule as YAML or JSON")
            ])
        }
        return trimmed.hasPrefix("{")
            ? try RuleCoding.decodeJSON(Data(trimmed.utf8)) : try RuleCoding.decodeYAML(trimmed)
    }

    /// An id as a path segment.
    static func escapePath(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/")))
            ?? id
    }

    /// The editor for a new rule.
    static func editor(
        _ environment: ConsoleEnvironment, session: ConsoleSession, rule: StoredRule?, text: String,
        problems: [String], status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let body = environment.renderer.page(
            "rule-new", title: "New rule", section: .rules, csrf: environment.codec.csrfToken(for: session),
            content: RuleEditorView(text: text, problems: problems))
        return environment.html(body, status: status)
    }

    /// A rule's page: its definition to edit, its controls, a preview when asked, and its history.
    static func detail(
        _ environment: ConsoleEnvironment, request: Request, session: ConsoleSession, stored: StoredRule, text: String,
        problems: [String], plan: RulePlan?, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let history = try await automator(environment).history(
            rule: stored.id, campaign: nil, page: PageRequest(limit: 50))
        let notice = request.uri.queryParameters["done"].flatMap { ConsoleNotice(rawValue: String($0))?.message }
        let body = environment.renderer.page(
            "rule", title: "Rule \(stored.name)", section: .rules, csrf: environment.codec.csrfToken(for: session),
            content: RuleDetailView(stored: stored, text: text, problems: problems, plan: plan, history: history.items),
            notice: notice)
        return environment.html(body, status: status)
    }
}
