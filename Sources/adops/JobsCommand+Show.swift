import AdOpsServer
import AdPlatformKit
import ArgumentParser
import Foundation
import Trafficking

extension JobsCommand {
    /// `adops jobs show ID`: a job's status, error, steps with the ids they created, and its execution log.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a job: status, error, each step with the platform ids it created, and the execution log.")

        @OptionGroup var engine: EngineOptions

        @Argument(help: "The job id.")
        var job: String

        @Flag(help: "Print the job, its steps and its log as JSON.")
        var json = false

        func run() async throws {
            try await CommandFailure.reporting {
                let id = try JobsCommand.jobID(job)
                let context = try engine.open()
                guard let detail = try await context.engine.detail(of: id) else {
                    throw CommandFailure.failed("ID: no job \(id.uuidString) (see `adops jobs list`)")
                }
                if json {
                    try Terminal.json(JobResource(detail))
                    return
                }
                let account = try await context.store.account(detail.job.accountID)
                Terminal.output(Self.render(detail, accountName: account?.platformAccountID))
            }
        }

        /// The job's fields, then its steps, then its log.
        static func render(_ detail: JobDetail, accountName: String?) -> String {
            let job = detail.job
            var lines = [
                "job        \(job.id.uuidString)",
                "name       \(job.request.name)",
                "platform   \(job.platform) (account \(accountName ?? job.accountID.uuidString))",
                "status     \(job.status.rawValue)",
                "campaign   \(job.platformCampaignID ?? "-")",
                "attempts   \(job.attempts)",
                "batch      \(job.batchID.uuidString)",
                "created    \(JobsCommand.format(job.createdAt))",
                "finished   \(JobsCommand.format(job.finishedAt))",
            ]
            if let ticket = job.ticket { lines.append("ticket     \(ticket)") }
            if let error = job.error {
                lines.append("error      \(error)")
                if let field = error.fieldPath { lines.append("field      \(field)") }
            }
            lines.append("")
            if detail.steps.isEmpty {
                lines.append("No steps yet.")
            } else {
                var steps = TextTable(header: ["step", "kind", "state", "attempts", "created"])
                for step in detail.steps {
                    let created = step.entities.map { "\($0.kind) \($0.id)" }
                    let media = step.media.map { ["\($0.kind.rawValue) \($0.id)"] } ?? []
                    steps.append([
                        step.key, step.kind.rawValue, step.state.rawValue, String(step.attempts),
                        (created + (created.isEmpty ? media : [])).joined(separator: ", "),
                    ])
                }
                lines.append(steps.render())
            }
            lines.append("")
            if detail.log.isEmpty {
                lines.append("No log entries yet.")
            } else {
                var log = TextTable(header: ["at", "level", "event", "message"])
                for entry in detail.log {
                    log.append([JobsCommand.format(entry.at), entry.level.rawValue, entry.event, entry.message])
                }
                lines.append(log.render())
            }
            return lines.joined(separator: "\n")
        }
    }
}
