import AdOpsServer
import AdPlatformKit
import ArgumentParser
import Foundation
import Logging
import Trafficking

/// `adops traffic TICKET`: submits a ticket to the chosen ad accounts, then runs the jobs to the end in-process.
struct TrafficCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "traffic",
        abstract: "Traffic a ticket (a request file) to ad accounts and wait for the platforms' answers.",
        discussion: """
            The ticket is a TraffickingRequest in JSON or YAML, or a {"ticket": {"platforms": […], "accounts": […]}, \
            "request": {…}} wrapper; media paths resolve against the ticket's folder. Accounts: each --account (our \
            id or the platform account id), else the first ACTIVE account of each platform in --platform, else of \
            the ticket's platforms, else of every platform that has one. Unless --no-wait, an in-process worker runs \
            the jobs, printing a line per status change, then a table of the ids created.

            Exit status: 0 when every job succeeded (or was queued, with --no-wait); 1 when a submission is refused \
            or a job ends FAILED or PARTIAL_SUCCESS; 2 when the ticket or an option cannot be read.
            """
    )

    @OptionGroup var engine: EngineOptions

    @Argument(help: "The ticket file: .json, .yaml or .yml.")
    var ticket: String

    @Option(help: "Comma-separated platforms, e.g. meta,google (default: the ticket's, else every platform).")
    var platform: String?

    @Option(
        name: .customLong("account"),
        help: "An ad account to traffic to, by our id or platform account id; repeatable.")
    var accounts: [String] = []

    @Flag(help: "Queue the jobs and exit; `adops worker` or `adops serve` runs them.")
    var noWait = false

    @Option(help: "Jobs the in-process worker runs at once (default: ADOPS_WORKER_CONCURRENCY, else 4).")
    var concurrency: Int?

    @Flag(help: "Print the jobs as JSON (progress lines go to standard error).")
    var json = false

    func run() async throws {
        try await CommandFailure.reporting {
            if let concurrency, !(1...256).contains(concurrency) {
                throw CommandFailure.usage("--concurrency: \(concurrency) is not in 1…256")
            }
            let settings = try AdOpsSettings.load()
            let platforms = try self.platform.map(Self.platforms)
            let ticket = try await TicketFileReader(path: self.ticket, clock: settings.clock).read()
            let context = try engine.open(settings: settings)
            let ordered = BuiltInPlatforms.ordered(context.registry.all).map(\.id)
            let accounts = try await AccountResolver(store: context.store).trafficAccounts(
                named: self.accounts.isEmpty ? ticket.accounts : self.accounts,
                accountField: self.accounts.isEmpty ? "\(self.ticket): ticket.accounts" : "--account",
                platforms: platforms ?? ticket.platforms,
                platformField: platforms == nil ? "\(self.ticket): ticket.platforms" : "--platform",
                registered: ordered)
            let jobs = try await submit(ticket, to: accounts, engine: context.engine)
            let say: @Sendable (String) -> Void = json ? Terminal.error : Terminal.output
            say("Submitted \(ticket.request.name) as \(jobs.count) job\(jobs.count == 1 ? "" : "s"):")
            for job in jobs {
                let platform = job.platform.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
                let account = accounts.first { $0.id == job.accountID }?.platformAccountID ?? job.accountID.uuidString
                say("  \(platform) \(job.id.uuidString)  account \(account)")
            }
            if noWait {
                if json { try Terminal.json(jobs.map(JobResource.init)) }
                say("Queued. `adops worker` (or `adops serve`) runs them; follow with `adops jobs show ID`.")
                return
            }
            let printer = JobProgressPrinter(store: context.store, jobs: jobs, write: say)
            let worker = context.worker(
                concurrency: concurrency, logger: EngineContext.logger("adops.traffic", level: .warning))
            try await worker.run(until: { try await printer.poll() })
            var details: [JobDetail] = []
            for job in await printer.jobs {
                if let detail = try await context.engine.detail(of: job.id) { details.append(detail) }
            }
            if json {
                try Terminal.json(details.map(JobResource.init))
            } else {
                Terminal.output("")
                Terminal.output(JobTable(details: details).render())
            }
            let failed = details.filter { $0.job.status != .success }
            guard failed.isEmpty else {
                for detail in failed {
                    Terminal.error(
                        "\(detail.job.platform) job \(detail.job.id.uuidString) ended \(detail.job.status.rawValue): "
                            + (detail.job.error?.description ?? "no error recorded"))
                }
                throw ExitCode(1)
            }
        }
    }

    /// Submits, turning a refusal into a failure that lists every violation with its platform and field.
    private func submit(
        _ ticket: Ticket, to accounts: [AdAccount], engine: TraffickingEngine
    ) async throws
        -> [CampaignJob]
    {
        let folder = URL(fileURLWithPath: self.ticket).deletingLastPathComponent()
        do {
            return try await engine.submit(
                ticket.request, accounts: accounts.map(\.id), media: .filesRelativeTo(folder))
        } catch let refusal as SubmissionError {
            // A refusal about one field carries its message twice: as the refusal's and as its one violation's.
            if refusal.violations.count == 1, let only = refusal.violations.first, only.message == refusal.message {
                let platform = only.platform.map { " (\($0))" } ?? ""
                throw CommandFailure.failed("\(self.ticket): refused: \(only.fieldPath)\(platform): \(only.message)")
            }
            var lines = ["\(self.ticket): refused: \(refusal.message)"]
            for violation in refusal.violations {
                var line = "  \(violation.platform?.rawValue ?? "all")  \(violation.fieldPath)  \(violation.message)"
                if let limit = violation.limit {
                    line += " (limit \(limit)" + (violation.actual.map { ", is \($0))" } ?? ")")
                }
                lines.append(line)
            }
            throw CommandFailure.failed(lines.joined(separator: "\n"))
        }
    }

    /// The platforms a `--platform` list names, or a usage error naming the unknown one.
    private static func platforms(_ list: String) throws -> [PlatformID] {
        let ids: [PlatformID]
        do {
            ids = try BuiltInPlatforms.ordered(BuiltInPlatforms.registry().platforms(named: list)).map(\.id)
        } catch let error as AdPlatformError {
            throw CommandFailure.usage("--platform: \(error.message)")
        }
        guard !ids.isEmpty else { throw CommandFailure.usage("--platform: name at least one platform, e.g. meta") }
        return ids
    }
}
