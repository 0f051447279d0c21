import Hummingbird
import Logging
import Trafficking

/// `GET /healthz`, open to all: `ok` with job counts when the store answers, 503 when it does not.
struct HealthRoutes<Context: RequestContext>: Sendable {
    /// The engine, for its store.
    let engine: TraffickingEngine

    /// Adds the route to `router`.
    func addRoutes(to router: Router<Context>) {
        router.get("healthz", use: health)
    }

    /// Counts jobs per status with one-row pages: cheap, and it proves the store can be read.
    @Sendable func health(_ request: Request, context: Context) async throws -> Response {
        var counts: [String: Int] = [:]
        do {
            for status in JobStatus.allCases {
                counts[status.rawValue] = try await engine.store.jobs(status: status, page: PageRequest(limit: 1)).total
            }
        } catch {
            context.logger.error("health check: the store failed", metadata: ["error": "\(String(reflecting: error))"])
            throw Problem(
                status: .serviceUnavailable, kind: "unavailable", title: "Service unavailable",
                detail: "the job store did not answer")
        }
        return try JSONBody.response(HealthResource(status: "ok", jobs: counts))
    }
}
