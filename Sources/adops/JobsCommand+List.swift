import AdOpsServer
import AdPlatformKit
import ArgumentParser
import Foundation
import Trafficking

extension JobsCommand {
    /// `adops jobs list`: the newest jobs first.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List jobs, newest first.")

        @OptionGroup var engine: EngineOptions

        @Option(help: "Only jobs with this status: PENDING, PROCESSING, SUCCESS, FAILED or PARTIAL_SUCCESS.")
        var status: String?

        @Option(help: "How many jobs to show, 1–\(PageRequest.maximumLimit).")
        var limit = 20

        @Flag(help: "Print the jobs as JSON.")
        var json = false

        func run() async throws {
            try await CommandFailure.reporting {
                let status = try self.status.map(JobsCommand.status)
                guard (1...PageRequest.maximumLimit).contains(limit) else {
                    throw CommandFailure.usage("--limit: \(limit) is not in 1…\(PageRequest.maximumLimit)")
                }
                let context = try engine.open()
                let page = try await context.store.jobs(status: status, page: PageRequest(limit: limit))
                if json {
                    try Terminal.json(page.items.map(JobResource.init))
                    return
                }
                guard !page.items.isEmpty else {
                    Terminal.output(
                        "No jobs\(status.map { " with status \($0.rawValue)" } ?? ""). Submit one with "
                            + "`adops traffic docs/examples/disneyplus-signup.json`.")
                    return
                }
                var table = TextTable(header: ["id", "platform", "status", "campaign", "name", "created"])
                for job in page.items {
                    table.append([
                        job.id.uuidString, job.platform.rawValue, job.status.rawValue, job.platformCampaignID ?? "-",
                        job.request.name, JobsCommand.format(job.createdAt),
                    ])
                }
                Terminal.output(table.render())
                if page.total > page.items.count {
                    Terminal.output("\(page.items.count) of \(page.total) jobs; use --limit or --status to see others.")
                }
            }
        }
    }
}
