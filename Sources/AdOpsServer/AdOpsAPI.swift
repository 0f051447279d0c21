import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Trafficking

/// The trafficking engine's REST API: ad accounts, submissions, jobs, campaigns, their actions and metrics, metrics
/// syncs, the budget optimiser and its log, creative tests, automation rules and their history, health and the
/// OpenAPI document.
///
/// Every route but `GET /healthz` and the Meta webhook (`/api/v1/webhooks/meta`, which checks Meta's verify token
/// and signature instead) needs `Authorization: Bearer <key>`; every error is an RFC 9457 problem. See
/// `docs/api.md` and `GET /api/v1/openapi.yaml`.
public enum AdOpsAPI {
    /// The router with every route, for tests (`app.test(.router)`) and for
    /// ``application(engine:configuration:host:port:services:logger:pages:onServerRunning:)``.
    ///
    /// `pages` adds routes outside `/api/v1` that answer for themselves (the web console): they are added before
    /// the API's problem and key middleware, so their answers and sign-in are their own.
    public static func router(
        engine: TraffickingEngine, configuration: AdOpsServerConfiguration, logger: Logger,
        pages: (Router<BasicRequestContext>) -> Void = { _ in }
    ) -> Router<BasicRequestContext> {
        let invalid = APIKeyVerifier.invalidHashes(configuration.apiKeyHashes)
        if !invalid.isEmpty {
            // The hashes are not secrets, but they are not logged either: the count is enough to act on.
            logger.warning("ignoring \(invalid.count) API key hash(es) that are not 64 hex digits")
        }
        if configuration.apiKeyHashes.count == invalid.count {
            logger.warning("no valid API key hash is configured; every route but /healthz will answer 401")
        }
        let router = Router(context: BasicRequestContext.self)
        pages(router)
        // Middleware applies to routes added after it, and to the router's not-found answer, so it comes first.
        // Problems outermost, so 401s and unknown routes are problem objects too.
        let routeMethods = RouteMethods()
        router.add(
            middleware: ProblemMiddleware(maximumBodyBytes: configuration.maximumBodyBytes, routeMethods: routeMethods))
        // Meta cannot send an API key: its webhook route is open, and checks the verify token and the signature.
        router.add(
            middleware: APIKeyMiddleware(
                apiKeyHashes: configuration.apiKeyHashes,
                openPaths: ["/healthz", MetaWebhookRoutes<BasicRequestContext>.path]))

        HealthRoutes(engine: engine).addRoutes(to: router)
        let api = router.group("api/v1")
        OpenAPIRoutes().addRoutes(to: api)
        AccountRoutes(engine: engine, maximumBodyBytes: configuration.maximumBodyBytes)
            .addRoutes(to: api.group("ad_accounts"))
        SubmissionRoutes(engine: engine, maximumBodyBytes: configuration.maximumBodyBytes).addRoutes(to: api)
        JobRoutes(engine: engine).addRoutes(to: api.group("jobs"))
        CampaignRoutes(engine: engine).addRoutes(to: api.group("campaigns"))
        ActionRoutes(engine: engine, maximumBodyBytes: configuration.maximumBodyBytes).addRoutes(to: api)
        MetricsRoutes(engine: engine).addRoutes(to: api)
        SyncRoutes(engine: engine, maximumBodyBytes: configuration.maximumBodyBytes).addRoutes(to: api)
        OptimizationRoutes(engine: engine, maximumBodyBytes: configuration.maximumBodyBytes).addRoutes(to: api)
        CreativeTestRoutes(engine: engine, maximumBodyBytes: configuration.maximumBodyBytes).addRoutes(to: api)
        RuleRoutes(automator: configuration.automator(engine: engine), maximumBodyBytes: configuration.maximumBodyBytes)
            .addRoutes(to: api)
        MetaWebhookRoutes(
            engine: engine, configuration: configuration.metaWebhook, maximumBodyBytes: configuration.maximumBodyBytes
        ).addRoutes(to: api)
        routeMethods.fill(from: router)
        return router
    }

    /// An application serving the API on `host:port` (0 picks a free port), running `services` (the worker,
    /// the ticket intake) beside the server in one service group, with `pages` (the web console) beside the API.
    /// `onServerRunning` is called once the port is bound, e.g. to print it.
    public static func application(
        engine: TraffickingEngine, configuration: AdOpsServerConfiguration, host: String = "127.0.0.1",
        port: Int = 8080, services: [any Service] = [], logger: Logger,
        pages: (Router<BasicRequestContext>) -> Void = { _ in },
        onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(engine: engine, configuration: configuration, logger: logger, pages: pages),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "adops"),
            services: services, onServerRunning: onServerRunning, logger: logger)
    }
}
