import AdOpsServer
import AdPlatformKit
import ArgumentParser
import Foundation
import Trafficking

extension CampaignsCommand {
    /// `adops campaigns list`: the newest campaigns first, filtered.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List campaigns, newest first.")

        @OptionGroup var engine: EngineOptions

        @Option(help: "Only campaigns with this status: draft, live, paused, completed or error.")
        var status: String?

        @Option(help: "Only campaigns on this platform.")
        var platform: String?

        @Option(help: "Only campaigns on this ad account (our id or the platform's account id).")
        var account: String?

        @Flag(help: "Only campaigns the platform was last seen to differ from.")
        var drifted = false

        @Option(help: "How many campaigns to show, 1–\(PageRequest.maximumLimit).")
        var limit = 20

        @Flag(help: "Print the campaigns as JSON.")
        var json = false

        func run() async throws {
            try await CommandFailure.reporting {
                let status = try self.status.map(CampaignsCommand.status)
                guard (1...PageRequest.maximumLimit).contains(limit) else {
                    throw CommandFailure.usage("--limit: \(limit) is not in 1…\(PageRequest.maximumLimit)")
                }
                let context = try engine.open()
                let known = context.registry.ids
                let platform = try self.platform.map { name in
                    guard let id = known.first(where: { $0.rawValue == name.lowercased() }) else {
                        throw CommandFailure.usage(
                            "--platform: unknown platform '\(name)'; known platforms: "
                                + known.map(\.rawValue).sorted().joined(separator: ", "))
                    }
                    return id
                }
                var accountID: UUID?
                if let account {
                    accountID = try await AccountResolver(store: context.store).account(account, field: "--account").id
                }
                let filter = CampaignFilter(
                    status: status, platform: platform, accountID: accountID, drifted: drifted ? true : nil)
                let page = try await context.store.campaigns(filter, page: PageRequest(limit: limit))
                if json {
                    try Terminal.json(page.items.map(CampaignResource.init))
                    return
                }
                guard !page.items.isEmpty else {
                    Terminal.output(
                        "No campaigns match. Each trafficked request on one ad account is one; launch some with "
                            + "`adops traffic TICKET` or `adops demo`.")
                    return
                }
                var table = TextTable(header: ["id", "platform", "status", "platform campaign", "budget", "name"])
                for campaign in page.items {
                    table.append([
                        campaign.id.uuidString, campaign.platform.rawValue,
                        campaign.status.rawValue + (campaign.drifted ? " (drifted)" : ""),
                        campaign.platformCampaignID ?? "-", "\(campaign.budget)", campaign.name,
                    ])
                }
                Terminal.output(table.render())
                if page.total > page.items.count {
                    Terminal.output(
                        "\(page.items.count) of \(page.total) campaigns; use --limit or a filter to see others.")
                }
            }
        }
    }
}
