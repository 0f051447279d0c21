import AdOpsServer
import AdPlatformKit
import ArgumentParser
import Foundation
import Trafficking

/// `adops sync`: reads delivery from the platforms into our store now, rather than waiting for the sync service.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Read campaigns' daily metrics and status from the platforms into the database.",
        discussion: """
            Every ACTIVE account, or the one given, is read over its platform's restatement window (Meta 28 days, \
            Google 14, TikTok 7, Snapchat 28), or over each campaign's whole flight with --full. Rows are replaced, \
            never duplicated; a status changed outside AdOps Lab is recorded as drift. Progress goes to standard \
            error.

            Exit status: 0 when every run succeeded; 1 when a run failed, partly failed, or could not start.
            """)

    @OptionGroup var engine: EngineOptions

    @Option(help: "Only this ad account (our id or the platform's account id).")
    var account: String?

    @Option(help: "Only this campaign (see `adops campaigns list`), over its restatement window.")
    var campaign: String?

    @Flag(help: "Read each campaign's whole flight, not only the restatement window.")
    var full = false

    @Flag(help: "Print the runs as JSON.")
    var json = false

    func run() async throws {
        try await CommandFailure.reporting {
            if campaign != nil, full { throw CommandFailure.usage("--full and --campaign cannot be combined") }
            if campaign != nil, account != nil {
                throw CommandFailure.usage("--campaign already names its account; leave out --account")
            }
            let context = try engine.open()
            let store = context.store
            var accounts: [AdAccount]
            var campaignID: UUID?
            if let campaign {
                let id = try CampaignsCommand.campaignID(campaign)
                guard let found = try await store.campaign(id) else {
                    throw CommandFailure.failed("--campaign: no campaign \(id.uuidString) (see `adops campaigns list`)")
                }
                guard let owner = try await store.account(found.accountID) else {
                    throw CommandFailure.failed("--campaign: the campaign's ad account was deleted")
                }
                campaignID = id
                accounts = [owner]
            } else if let account {
                accounts = [try await AccountResolver(store: store).account(account, field: "--account")]
            } else {
                accounts = try await AccountResolver(store: store).all().filter { $0.status == .active }
                guard !accounts.isEmpty else {
                    throw CommandFailure.failed(
                        "no ACTIVE ad account to sync; add one with `adops accounts add` (see `adops accounts list`)")
                }
            }
            let kind: SyncKind = campaignID != nil ? .entity : full ? .full : .incremental
            let syncer = context.syncer()
            var runs: [SyncRun] = []
            var failures: [String] = []
            for account in accounts {
                let label = "\(account.platform) \(account.platformAccountID)"
                do {
                    let run = try await syncer.sync(account: account.id, kind: kind, campaign: campaignID) { progress in
                        Terminal.error(
                            "\(label): \(progress.chunksDone)/\(progress.chunksTotal) chunks, "
                                + "\(progress.run.campaigns) campaigns, \(progress.run.rows) rows")
                    }
                    runs.append(run)
                    failures += run.errors.map { "\(label): \($0)" }
                } catch let error as SyncError {
                    failures.append("\(label): \(error.message)")
                }
            }
            if json {
                try Terminal.json(runs.map(SyncRunResource.init))
            } else {
                Terminal.output(Self.render(runs, accounts: accounts))
            }
            for failure in failures { Terminal.error("error: \(failure)") }
            if !failures.isEmpty || runs.contains(where: { $0.status != .succeeded }) {
                throw ExitCode.failure
            }
        }
    }

    /// One line per run.
    static func render(_ runs: [SyncRun], accounts: [AdAccount]) -> String {
        guard !runs.isEmpty else { return "No account was synced." }
        var table = TextTable(header: [
            "account", "kind", "days", "status", "campaigns", "rows", "calls", "drifts", "took",
        ])
        for run in runs {
            let account = accounts.first { $0.id == run.accountID }
            let took =
                run.duration.map {
                    String(format: "%.1f s", Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18)
                } ?? "-"
            table.append([
                "\(run.platform) \(account?.platformAccountID ?? run.accountID.uuidString)", run.kind.rawValue,
                "\(run.since) – \(run.until)", run.status.rawValue, String(run.campaigns), String(run.rows),
                String(run.calls), String(run.drifts), took,
            ])
        }
        return table.render()
    }
}
