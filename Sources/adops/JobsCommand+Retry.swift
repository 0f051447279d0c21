import AdOpsServer
import ArgumentParser
import Foundation
import Trafficking

extension JobsCommand {
    /// `adops jobs retry ID`: puts a FAILED or PARTIAL_SUCCESS job back in the queue.
    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Put a FAILED or PARTIAL_SUCCESS job back in the queue; done steps are not redone.",
            discussion: """
                The job becomes PENDING with its ledger kept, so entities already created are not created again. A \
                worker (adops worker, or adops serve) picks it up.
                """
        )

        @OptionGroup var engine: EngineOptions

        @Argument(help: "The job id.")
        var job: String

        @Flag(help: "Print the job as JSON.")
        var json = false

        func run() async throws {
            try await CommandFailure.reporting {
                let id = try JobsCommand.jobID(job)
                let context = try engine.open()
                let retried: CampaignJob
                do {
                    retried = try await context.store.retry(job: id)
                } catch let error as StoreError {
                    throw CommandFailure.failed("ID: \(error.message)")
                }
                if json {
                    try Terminal.json(JobResource(retried))
                } else {
                    Terminal.output(
                        "Job \(retried.id.uuidString) (\(retried.platform)) is \(retried.status.rawValue) again; "
                            + "`adops worker` or `adops serve` will resume it from its ledger.")
                }
            }
        }
    }
}
