import Foundation
import Hummingbird
import Trafficking

/// `/api/v1/jobs`: list jobs, show one with its ledger and log, and retry a failed one.
struct JobRoutes<Context: RequestContext>: Sendable {
    /// The engine.
    let engine: TraffickingEngine

    /// Adds the routes under `group` (`/api/v1/jobs`).
    func addRoutes(to group: RouterGroup<Context>) {
        group.get(use: list)
        group.get(":id", use: show)
        group.post(":id/retry", use: retry)
    }

    /// `GET`: a page of jobs, newest first, optionally with one `status`.
    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let page = try RouteParameters.page(request)
        var status: JobStatus?
        if let text = request.uri.queryParameters.get("status") {
            guard let parsed = JobStatus(rawValue: text.uppercased()) else {
                let accepted = JobStatus.allCases.map(\.rawValue).joined(separator: ", ")
                throw Problem.invalidParameter("status", "unknown status '\(text)'; expected one of: \(accepted)")
            }
            status = parsed
        }
        let jobs = try await engine.store.jobs(status: status, page: page)
        return try JSONBody.response(
            ListResource(data: jobs.items.map { JobResource($0) }, pagination: PaginationResource(jobs)))
    }

    /// `GET /{id}`: the job with the ids it created, its steps and its log; 404 when unknown.
    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let id = try RouteParameters.uuid("id", in: context)
        guard let detail = try await engine.detail(of: id) else { throw Self.notFound(id) }
        return try JSONBody.response(JobResource(detail))
    }

    /// `POST /{id}/retry`: 202 with the job back in PENDING; 409 unless it is FAILED or PARTIAL_SUCCESS.
    @Sendable func retry(_ request: Request, context: Context) async throws -> Response {
        let id = try RouteParameters.uuid("id", in: context)
        let job: CampaignJob
        do {
            job = try await engine.store.retry(job: id)
        } catch let error as StoreError where error.code == .notFound {
            throw Self.notFound(id)
        } catch let error as StoreError where error.code == .conflict {
            guard let current = try await engine.store.job(id) else { throw Self.notFound(id) }
            let rule = "only FAILED and PARTIAL_SUCCESS jobs can be retried"
            throw Problem(
                status: .conflict, kind: "job-not-retryable", title: "Job cannot be retried",
                detail: "job \(id.uuidString) is \(current.status.rawValue); \(rule)",
                violations: [
                    ProblemViolation(
                        field: "status", rule: "notRetryable", message: rule,
                        limit: "FAILED, PARTIAL_SUCCESS", actual: current.status.rawValue)
                ])
        }
        return try JSONBody.response(
            JobResource(job), status: .accepted, headers: [.location: JobResource.path(of: job.id)])
    }

    static func notFound(_ id: UUID) -> Problem {
        .notFound("no job \(id.uuidString)", field: "id")
    }
}
