import AdPlatformKit
import Foundation
import Hummingbird
import Trafficking

/// `GET /jobs`: the launch queue, newest first, filtered by `?status=` and `?batch=` (one submission's jobs), paged
/// by `?page=`; each row links to its job. While a shown job waits or runs, the table refreshes itself.
struct JobsPage: Sendable {
    /// The plumbing.
    let routes: ConsoleRoutes

    /// Rows per page.
    static let pageSize = 50

    /// Adds the page's routes to the console's group.
    func addRoutes(to group: RouterGroup<BasicRequestContext>) {
        let environment = routes.environment
        group.get(
            "jobs",
            use: routes.page("jobs", title: { _ in "Jobs" }, section: .jobs) { request, _ in
                try await Self.view(request.queryFields, environment: environment)
            })
    }

    /// The query read into a status, a batch and a page, and the jobs they select.
    static func view(_ query: [String: String], environment: ConsoleEnvironment) async throws -> JobsView {
        let store = environment.engine.store
        var status: JobStatus?
        if let text = query["status"], !text.isEmpty {
            guard let parsed = JobStatus(rawValue: text.uppercased()) else {
                throw ConsoleError(
                    .invalidField, field: "status",
                    "'\(text)' is not a status; use one of \(JobStatus.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            status = parsed
        }
        var batch: UUID?
        if let text = query["batch"], !text.isEmpty {
            guard let id = UUID(uuidString: text) else {
                throw ConsoleError(.invalidField, field: "batch", "'\(text)' is not a submission (batch) id")
            }
            batch = id
        }
        let pageNumber = try CampaignsPage.pageNumber(query["page"])
        let request = PageRequest(limit: pageSize, offset: (pageNumber - 1) * pageSize)
        let page: Page<CampaignJob>
        if let batch {
            // A submission holds one job per ad account: few enough to filter and page here.
            let jobs = try await store.jobs(batch: batch).filter { status == nil || $0.status == status }
                .sorted { $0.createdAt > $1.createdAt }
            page = Page(
                items: Array(jobs.dropFirst(request.offset).prefix(pageSize)), total: jobs.count, limit: pageSize,
                offset: request.offset)
        } else {
            page = try await store.jobs(status: status, page: request)
        }
        let accounts = try await store.accounts(platform: nil, page: PageRequest(limit: PageRequest.maximumLimit))
        return JobsView(query: query, page: page, pageNumber: pageNumber, accounts: accounts.items)
    }
}
