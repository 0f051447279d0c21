import AdPlatformKit
import Foundation
import Hummingbird
import Trafficking

/// `GET /jobs/{id}`: a launch job with its steps (the ledger), its error and its execution log, and a Retry form when
/// it failed; `POST /jobs/{id}/retry` queues a failed job again, as `POST /api/v1/jobs/{id}/retry` does.
struct JobPage: Sendable {
    /// The plumbing.
    let routes: ConsoleRoutes

    /// Adds the page's routes to the console's group.
    func addRoutes(to group: RouterGroup<BasicRequestContext>) {
        let environment = routes.environment
        group.get(
            "jobs/:id",
            use: routes.page("job", title: { _ in "Job" }, section: .jobs) { _, context in
                let id = try context.pathID(of: "a job")
                guard let detail = try await environment.engine.detail(of: id) else {
                    throw ConsoleError(.notFound, field: "id", "no job \(id.uuidString)")
                }
                let campaign = try await environment.engine.store.campaign(job: id)
                return JobView(detail: detail, campaign: campaign)
            })
        group.post(
            "jobs/:id/retry",
            use: routes.signedIn { request, context, session in
                let id = try context.pathID(of: "a job")
                _ = try await environment.form(request, context: context, session: session)
                try await Self.retry(id, environment: environment)
                return environment.redirect(to: "/jobs/\(id.uuidString)?done=\(ConsoleNotice.jobRetried.rawValue)")
            })
    }

    /// Queues the job again; only a FAILED or PARTIAL_SUCCESS job can be.
    static func retry(_ id: UUID, environment: ConsoleEnvironment) async throws {
        let store = environment.engine.store
        do {
            _ = try await store.retry(job: id)
        } catch let error as StoreError where error.code == .notFound {
            throw ConsoleError(.notFound, field: "id", "no job \(id.uuidString)")
        } catch let error as StoreError where error.code == .conflict {
            let status = try await store.job(id)?.status.rawValue ?? "gone"
            throw ConsoleError(
                .refused, field: "status", "the job is \(status); only FAILED and PARTIAL_SUCCESS jobs can be retried")
        }
    }
}
