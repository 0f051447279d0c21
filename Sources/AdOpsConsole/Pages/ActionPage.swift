import AdPlatformKit
import Foundation
import Hummingbird
import Trafficking

/// Lifecycle actions from the campaign page: `POST /campaigns/{id}/actions/confirm` shows what would change on
/// which platform entity, `POST /campaigns/{id}/actions` asks the engine for it under the request id the
/// confirmation carried (so a double submit is one action), and `GET /actions/{id}` follows its progress.
struct ActionPage: Sendable {
    /// The plumbing.
    let routes: ConsoleRoutes

    /// Who the engine records as asking.
    static let requester = "console"

    /// Adds the page's routes to the console's group.
    func addRoutes(to group: RouterGroup<BasicRequestContext>) {
        let environment = routes.environment
        group.post(
            "campaigns/:id/actions/confirm",
            use: routes.signedIn { request, context, session in
                let id = try context.pathID(of: "a campaign")
                let form = try ActionForm(try await environment.form(request, context: context, session: session))
                let view = try await Self.confirmation(of: form, campaign: id, environment: environment)
                return environment.html(
                    environment.renderer.page(
                        "action-confirm", title: "Confirm", section: .campaigns,
                        csrf: environment.codec.csrfToken(for: session), content: view))
            })
        group.post(
            "campaigns/:id/actions",
            use: routes.signedIn { request, context, session in
                let id = try context.pathID(of: "a campaign")
                let fields = try await environment.form(request, context: context, session: session)
                let requestID = try Self.requestID(fields)
                let action = try await Self.request(
                    ActionForm(fields), campaign: id, requestID: requestID, environment: environment)
                return environment.redirect(
                    to: "/actions/\(action.id.uuidString)?done=\(ConsoleNotice.actionRequested.rawValue)")
            })
        group.get(
            "actions/:id",
            use: routes.page("action", title: { _ in "Action" }, section: .campaigns) { _, context in
                try await Self.progress(of: try context.pathID(of: "an action"), environment: environment)
            })
    }

    /// The campaign, its account and the action's kind and level, or an error naming the field.
    static func resolve(
        _ form: ActionForm, campaign id: UUID, environment: ConsoleEnvironment
    ) async throws -> (detail: CampaignDetail, account: AdAccount?, kind: ActionKind, level: ActionLevel) {
        let store = environment.engine.store
        guard let detail = try await store.campaignDetail(id) else {
            throw ConsoleError(.notFound, field: "id", "no campaign \(id.uuidString)")
        }
        let account = try await store.account(detail.campaign.accountID)
        let kind = try await form.kind(campaign: detail.campaign, account: account)
        return (detail, account, kind, try form.level())
    }

    /// The confirmation: each entity the action would change, with its field's value now and after, as the engine's
    /// planner plans it; a refusal is shown as an error naming the field, and nothing is stored either way.
    static func confirmation(
        of form: ActionForm, campaign id: UUID, environment: ConsoleEnvironment
    ) async throws -> ActionConfirmView {
        let (detail, account, kind, level) = try await resolve(form, campaign: id, environment: environment)
        let campaign = detail.campaign
        guard let module = environment.engine.registry[campaign.platform] else {
            throw ConsoleError(
                .refused, field: "campaign", "no platform module is registered for '\(campaign.platform.rawValue)'")
        }
        let request = ActionRequest(campaignID: id, kind: kind, level: level, requestedBy: requester)
        let launch = try await environment.engine.store.job(campaign.jobID)
        let steps: [ActionStep]
        do {
            steps = try ActionPlanner(platform: module).plan(
                request, detail: detail, launch: launch?.request,
                currency: ActionValues.defaultCurrency(campaign: campaign, account: account))
        } catch {
            throw refusal(error)
        }
        return ActionConfirmView(
            campaign: campaign, kind: kind, level: level, steps: steps, hidden: form.hidden, requestID: UUID())
    }

    /// Asks the engine for the action under `requestID`; a repeat returns the action already stored.
    static func request(
        _ form: ActionForm, campaign id: UUID, requestID: UUID, environment: ConsoleEnvironment
    ) async throws -> LifecycleAction {
        let (_, _, kind, level) = try await resolve(form, campaign: id, environment: environment)
        do {
            return try await environment.engine.requestAction(
                ActionRequest(campaignID: id, kind: kind, level: level, requestedBy: requester, id: requestID))
        } catch let error as ActionError {
            throw refusal(error)
        }
    }

    /// The confirmation's request id, a UUID.
    static func requestID(_ fields: FormFields) throws -> UUID {
        let text = try fields.required("request", label: "The request id")
        guard let id = UUID(uuidString: text) else {
            throw ConsoleError(
                .invalidField, field: "request", "'\(text)' is not a request id; confirm the change again")
        }
        return id
    }

    /// An engine refusal as a console error naming the form's field.
    static func refusal(_ error: ActionError) -> ConsoleError {
        let field = error.violations.first.map { ActionForm.formField($0.fieldPath) } ?? "campaign"
        return ConsoleError(.refused, field: field, error.message)
    }

    /// The action's progress, with the campaign as now recorded.
    static func progress(of id: UUID, environment: ConsoleEnvironment) async throws -> ActionProgressView {
        guard let detail = try await environment.engine.actionDetail(of: id) else {
            throw ConsoleError(.notFound, field: "id", "no action \(id.uuidString)")
        }
        let campaign = try await environment.engine.store.campaign(detail.action.campaignID)
        return ActionProgressView(detail: detail, campaign: campaign)
    }
}
