import AdPlatformKit
import Foundation
import Hummingbird
import Trafficking

/// `POST /api/v1/ads/{platform}` and `POST /api/v1/campaigns`: validate a request and store PENDING jobs for the
/// worker. Nothing is stored when anything is refused.
struct SubmissionRoutes<Context: RequestContext>: Sendable {
    /// The engine.
    let engine: TraffickingEngine
    /// The request-body limit.
    let maximumBodyBytes: Int

    /// Adds the routes under `group` (`/api/v1`).
    func addRoutes(to group: RouterGroup<Context>) {
        group.post("ads/:platform", use: submitToPlatform)
        group.post("campaigns", use: submitCampaign)
    }

    /// One account on the platform the path names: 202 with the job and its `Location`.
    @Sendable func submitToPlatform(_ request: Request, context: Context) async throws -> Response {
        let name = context.parameters.get("platform") ?? ""
        let platform = PlatformID(rawValue: name)
        guard engine.registry.ids.contains(platform) else {
            throw Problem.notFound(
                "unknown platform '\(name)'; known: \(engine.registry.ids.map(\.rawValue).joined(separator: ", "))",
                field: "platform")
        }
        let body = try await JSONBody.decode(SubmissionBody.self, from: request, limit: maximumBodyBytes)
        let jobs: [CampaignJob]
        do {
            jobs = try await engine.submit(
                body.request, accounts: [body.adAccountID], expecting: platform, media: .noFiles)
        } catch let error as SubmissionError {
            throw SubmissionProblem.problem(for: error, accountField: { _ in "ad_account_id" })
        }
        guard let job = jobs.first else { throw Problem.internalError }
        return try JSONBody.response(
            SubmissionAccepted(job), status: .accepted, headers: [.location: JobResource.path(of: job.id)])
    }

    /// Any number of accounts on any platforms: 202 with one job per account, sharing a batch id.
    @Sendable func submitCampaign(_ request: Request, context: Context) async throws -> Response {
        let body = try await JSONBody.decode(CampaignBody.self, from: request, limit: maximumBodyBytes)
        // Two jobs for one account would create the campaign twice on the platform.
        var seen: Set<UUID> = []
        let duplicates = body.adAccountIDs.enumerated().filter { !seen.insert($0.element).inserted }.map { index, id in
            ProblemViolation(
                field: "ad_account_ids[\(index)]", rule: "duplicate",
                message: "ad account \(id.uuidString) is listed twice")
        }
        guard duplicates.isEmpty else {
            throw Problem.invalidRequest("each ad account may be listed once", duplicates)
        }
        let jobs: [CampaignJob]
        do {
            jobs = try await engine.submit(body.request, accounts: body.adAccountIDs, media: .noFiles)
        } catch let error as SubmissionError {
            throw SubmissionProblem.problem(
                for: error, accountField: { $0.map { "ad_account_ids[\($0)]" } ?? "ad_account_ids" })
        }
        guard let batchID = jobs.first?.batchID else { throw Problem.internalError }
        return try JSONBody.response(
            BatchAccepted(batchID: batchID, jobs: jobs.map(SubmissionAccepted.init)), status: .accepted)
    }
}
