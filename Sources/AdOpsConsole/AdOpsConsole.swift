import Foundation
import Hummingbird
import Logging
import Trafficking

/// The web console: server-rendered pages to launch, watch and steer campaigns, over the same service layer as
/// the REST API (the ``TraffickingEngine``, its store and the automator), never the API over HTTP.
///
/// Sign-in takes an API key and leaves a signed session cookie (`HttpOnly`, `SameSite=Strict`, `Secure` when
/// configured); every form that changes something carries the session's CSRF token; every answer carries a strict
/// Content-Security-Policy. See `docs/console.md`.
public enum AdOpsConsole {
    /// A function that adds the console's routes (`/`, `/campaigns`, `/jobs`, …, `/assets/…`) to a router, to pass
    /// as `AdOpsAPI.router(engine:configuration:logger:pages:)`'s `pages`, which adds them before any API
    /// middleware. Throws here, at start-up, when a built-in template does not parse.
    public static func pages(
        engine: TraffickingEngine, configuration: ConsoleConfiguration, logger: Logger
    ) throws -> @Sendable (Router<BasicRequestContext>) -> Void {
        let files = ConsoleFiles.embedded
        let environment = ConsoleEnvironment(
            engine: engine, configuration: configuration, renderer: try PageRenderer(files: files),
            codec: SessionCodec(key: configuration.sessionKey),
            verifier: APIKeyVerifier(apiKeyHashes: configuration.apiKeyHashes), files: files)
        return { router in
            let pages = router.group()
            pages.add(
                middleware: ConsoleMiddleware(
                    environment: environment, headers: SecurityHeaders(frameOrigins: configuration.frameOrigins),
                    logger: logger))
            let routes = ConsoleRoutes(environment: environment)
            AssetRoutes(files: files).addRoutes(to: pages)
            SignInPage(routes: routes).addRoutes(to: pages)
            OverviewPage(routes: routes).addRoutes(to: pages)
            CampaignsPage(routes: routes).addRoutes(to: pages)
            AccountsPage(routes: routes).addRoutes(to: pages)
            RulesPage(routes: routes).addRoutes(to: pages)
            CampaignPage(routes: routes).addRoutes(to: pages)
            ActionPage(routes: routes).addRoutes(to: pages)
            JobsPage(routes: routes).addRoutes(to: pages)
            JobPage(routes: routes).addRoutes(to: pages)
            StudioPage(routes: routes).addRoutes(to: pages)
            NotFoundPage().addRoutes(to: pages)
        }
    }
}

/// The plumbing every page shares: sign-in checks and the environment.
struct ConsoleRoutes: Sendable {
    /// The environment.
    let environment: ConsoleEnvironment

    /// A page handler that runs only for a signed-in session; anyone else is sent to sign in and back.
    func signedIn(
        _ handler: @escaping @Sendable (Request, BasicRequestContext, ConsoleSession) async throws -> Response
    ) -> @Sendable (Request, BasicRequestContext) async throws -> Response {
        let environment = environment
        return { request, context in
            guard let session = environment.session(of: request) else {
                if request.method == .get {
                    let back = request.uri.description
                    let encoded = back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
                    return environment.redirect(to: "/sign-in?next=\(encoded)")
                }
                throw ConsoleError(.signInRejected, field: "session", "you are signed out; sign in and try again")
            }
            return try await handler(request, context, session)
        }
    }

    /// A signed-in page that renders `template` with what `view` builds.
    func page(
        _ template: String, title: @escaping @Sendable (Request) -> String, section: ConsoleSection?,
        view: @escaping @Sendable (Request, BasicRequestContext) async throws -> Any
    ) -> @Sendable (Request, BasicRequestContext) async throws -> Response {
        let environment = environment
        return signedIn { request, context, session in
            let content = try await view(request, context)
            let notice = request.uri.queryParameters["done"].flatMap { ConsoleNotice(rawValue: String($0))?.message }
            return environment.html(
                environment.renderer.page(
                    template, title: (content as? any TitledView)?.pageTitle ?? title(request), section: section,
                    csrf: environment.codec.csrfToken(for: session), content: content, notice: notice))
        }
    }
}
