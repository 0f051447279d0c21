import AdPlatformKit
import Foundation
import HTTPTypes
import Hummingbird
import Trafficking

/// `/studio`: the new-campaign wizard and creative studio. The wizard posts to `/studio/review` (every platform's
/// plan and every violation) and `/studio/launch` (the engine's submission, paused); the page's script asks
/// `/studio/limits` once and `/studio/check` as the person types, and `/studio/platform-preview` and
/// `/studio/variations` on request. Every answer comes from the engine, its registry's capability data and
/// ``RequestValidator``; the page adds no rule of its own.
struct StudioPage: Sendable {
    /// The plumbing.
    let routes: ConsoleRoutes

    /// Adds the studio's routes.
    func addRoutes(to group: RouterGroup<BasicRequestContext>) {
        let environment = routes.environment
        group.get(
            "studio",
            use: routes.page("studio", title: { _ in "New campaign" }, section: .studio) { _, _ in
                try await Self.view(Self.defaultDraft(environment), evaluation: nil, environment: environment)
            })
        group.post(
            "studio/review",
            use: routes.signedIn { request, context, session in
                let draft = StudioDraft(
                    fields: try await environment.form(request, context: context, session: session).values)
                let evaluation = try await StudioEvaluation.evaluate(draft, engine: environment.engine)
                return try await Self.render(draft, evaluation: evaluation, session: session, environment: environment)
            })
        group.post(
            "studio/launch",
            use: routes.signedIn { request, context, session in
                try await Self.launch(request, context: context, session: session, environment: environment)
            })
        group.get(
            "studio/limits",
            use: routes.signedIn { _, _, _ in
                try Self.json(StudioLimits(registry: environment.engine.registry))
            })
        group.post(
            "studio/check",
            use: routes.signedIn { request, context, session in
                let (draft, platforms) = try await Self.jsonDraft(
                    request, context: context, session: session, environment: environment)
                let evaluation = try await StudioEvaluation.evaluate(
                    draft, engine: environment.engine, extraPlatforms: platforms)
                return try Self.json(StudioCheck(draft: draft, evaluation: evaluation))
            })
        group.post(
            "studio/platform-preview",
            use: routes.signedIn { request, context, session in
                try await Self.platformPreview(request, context: context, session: session, environment: environment)
            })
        group.post(
            "studio/variations",
            use: routes.signedIn { request, context, session in
                try await Self.variations(request, context: context, session: session, environment: environment)
            })
    }

    /// A fresh draft: starting tomorrow and ending 30 days later by the store's clock, 50.00 a day, paused. The budget
    /// is filled in, as Ads Manager fills one in, so that the first thing typed is checked against the platforms'
    /// limits rather than answered with "no budget".
    static func defaultDraft(_ environment: ConsoleEnvironment) -> StudioDraft {
        let day: TimeInterval = 86_400
        let today = StudioDraft.day(StudioDraft.dayText(environment.now)) ?? environment.now
        return StudioDraft(fields: [
            "objective": [Objective.traffic.rawValue], "budget-amount": ["50.00"],
            "period": [Budget.Period.daily.rawValue], "start": [StudioDraft.dayText(today.addingTimeInterval(day))],
            "end": [StudioDraft.dayText(today.addingTimeInterval(31 * day))], "countries": ["US"],
            "cta": [CallToAction.learnMore.rawValue],
        ])
    }

    /// The wizard's view, with every account of the store to choose from.
    static func view(
        _ draft: StudioDraft, evaluation: StudioEvaluation?, extraViolations: [Violation] = [],
        environment: ConsoleEnvironment
    ) async throws -> StudioView {
        let accounts = try await environment.engine.store.accounts(
            platform: nil, page: PageRequest(limit: PageRequest.maximumLimit))
        return StudioView(
            draft: draft, accounts: accounts.items.filter { $0.status == .active }, evaluation: evaluation,
            extraViolations: extraViolations, environment: environment)
    }

    /// The studio page for `draft`, reviewed, as an HTML answer.
    static func render(
        _ draft: StudioDraft, evaluation: StudioEvaluation, extraViolations: [Violation] = [],
        status: HTTPResponse.Status = .ok, session: ConsoleSession, environment: ConsoleEnvironment,
        adjust: (inout StudioView) -> Void = { _ in }
    ) async throws -> Response {
        var view = try await Self.view(
            draft, evaluation: evaluation, extraViolations: extraViolations, environment: environment)
        adjust(&view)
        return environment.html(
            environment.renderer.page(
                "studio", title: "Review · New campaign", section: .studio,
                csrf: environment.codec.csrfToken(for: session), content: view),
            status: status)
    }

    /// `POST /studio/launch`: the engine's submission, paused, one job per account; 303 to the batch's jobs. A
    /// refusal shows the review again with the engine's violations.
    static func launch(
        _ request: Request, context: BasicRequestContext, session: ConsoleSession, environment: ConsoleEnvironment
    ) async throws -> Response {
        let draft = StudioDraft(fields: try await environment.form(request, context: context, session: session).values)
        let evaluation = try await StudioEvaluation.evaluate(draft, engine: environment.engine)
        guard var submission = evaluation.request, !evaluation.accounts.isEmpty, evaluation.problems.isEmpty else {
            return try await render(
                draft, evaluation: evaluation, status: .unprocessableContent, session: session,
                environment: environment)
        }
        submission.status = .paused
        do {
            let jobs = try await environment.engine.submit(
                submission, accounts: evaluation.accounts.map(\.id), media: .noFiles)
            guard let batch = jobs.first?.batchID else {
                throw ConsoleError(.refused, field: "account", "the engine stored no job")
            }
            return environment.redirect(
                to: "/jobs?batch=\(batch.uuidString)&done=\(ConsoleNotice.launched.rawValue)")
        } catch let error as SubmissionError {
            let known = Set(evaluation.violations)
            return try await render(
                draft, evaluation: evaluation, extraViolations: error.violations.filter { !known.contains($0) },
                status: .unprocessableContent, session: session, environment: environment)
        }
    }

    /// `POST /studio/platform-preview`: JSON for the page's script; a form post (no script) shows the page with
    /// the platform's frames.
    static func platformPreview(
        _ request: Request, context: BasicRequestContext, session: ConsoleSession, environment: ConsoleEnvironment
    ) async throws -> Response {
        if isJSON(request) {
            let (draft, platforms) = try await jsonDraft(
                request, context: context, session: session, environment: environment)
            guard let platform = platforms.first else {
                throw ConsoleError(.invalidField, field: "platform", "name the platform to preview on")
            }
            let evaluation = try await StudioEvaluation.evaluate(draft, engine: environment.engine)
            return try json(
                try await StudioPlatformPreview.ask(
                    platform, evaluation: evaluation, engine: environment.engine,
                    rateBudget: environment.configuration.rateBudget))
        }
        let draft = StudioDraft(fields: try await environment.form(request, context: context, session: session).values)
        let platform = PlatformID(rawValue: draft.value("preview-platform"))
        let evaluation = try await StudioEvaluation.evaluate(draft, engine: environment.engine)
        let answer = try await StudioPlatformPreview.ask(
            platform, evaluation: evaluation, engine: environment.engine,
            rateBudget: environment.configuration.rateBudget)
        return try await render(draft, evaluation: evaluation, session: session, environment: environment) { view in
            view.frames = answer.previews.map {
                StudioView.Frame(
                    label: "\(platform.rawValue): \($0.label)", url: $0.url, format: $0.format,
                    shape: $0.height > $0.width ? "portrait" : "landscape")
            }
            view.platformPreviewNote = answer.note
        }
    }

    /// `POST /studio/variations`: the creative generator's variations of the draft's headline and description.
    static func variations(
        _ request: Request, context: BasicRequestContext, session: ConsoleSession, environment: ConsoleEnvironment
    ) async throws -> Response {
        if isJSON(request) {
            let (draft, extra) = try await jsonDraft(
                request, context: context, session: session, environment: environment)
            let evaluation = try await StudioEvaluation.evaluate(
                draft, engine: environment.engine, extraPlatforms: extra)
            let platforms = evaluation.platforms.isEmpty ? environment.engine.registry.all : evaluation.platforms
            return try json(try await StudioVariation.suggest(for: draft, platforms: platforms))
        }
        let draft = StudioDraft(fields: try await environment.form(request, context: context, session: session).values)
        let evaluation = try await StudioEvaluation.evaluate(draft, engine: environment.engine)
        let platforms = evaluation.platforms.isEmpty ? environment.engine.registry.all : evaluation.platforms
        let suggested = try await StudioVariation.suggest(for: draft, platforms: platforms)
        return try await render(draft, evaluation: evaluation, session: session, environment: environment) { view in
            view.variations = suggested
        }
    }

    /// Whether a request's body is JSON.
    static func isJSON(_ request: Request) -> Bool {
        request.headers[.contentType]?.lowercased().hasPrefix("application/json") ?? false
    }

    /// A JSON body `{"fields": {"name": "…" or ["…"]}, "platforms": ["google"]}` once the `X-CSRF-Token` header
    /// is checked: the draft, and the platforms named besides the accounts'.
    static func jsonDraft(
        _ request: Request, context: BasicRequestContext, session: ConsoleSession, environment: ConsoleEnvironment
    ) async throws -> (StudioDraft, [PlatformID]) {
        let token = HTTPField.Name("X-CSRF-Token").flatMap { request.headers[$0] }
        guard environment.codec.checks(csrfToken: token, for: session) else {
            throw ConsoleError(
                .csrfRejected, field: "_csrf", "the page's security token is missing or expired; reload the page")
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: ConsoleEnvironment.maximumFormBytes)
        } catch {
            throw ConsoleError(
                .invalidField, field: "body", "the draft is larger than \(ConsoleEnvironment.maximumFormBytes) bytes")
        }
        let decoded: StudioJSONDraft
        do {
            decoded = try JSONDecoder().decode(StudioJSONDraft.self, from: Data(String(buffer: body).utf8))
        } catch {
            throw ConsoleError(.invalidField, field: "body", "the draft is not the JSON the page sends: \(error)")
        }
        let known = Set(environment.engine.registry.ids)
        let platforms = (decoded.platforms ?? []).map(PlatformID.init(rawValue:))
        if let unknown = platforms.first(where: { !known.contains($0) }) {
            throw ConsoleError(.invalidField, field: "platforms", "'\(unknown)' is not a platform of this console")
        }
        return (StudioDraft(fields: decoded.fields.mapValues(\.values)), platforms)
    }

    /// A JSON answer.
    static func json(_ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}
