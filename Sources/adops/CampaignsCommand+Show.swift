import AdOpsServer
import AdPlatformKit
import ArgumentParser
import Foundation
import Trafficking

extension CampaignsCommand {
    /// `adops campaigns show ID`: a campaign, its platform entities at every level and its creatives' versions.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a campaign: status, budget, flight, its platform ids at every level, creative versions.")

        @OptionGroup var engine: EngineOptions

        @Argument(help: "The campaign id (see `adops campaigns list`).")
        var campaign: String

        @Flag(help: "Print the campaign, its entities and creative versions as JSON.")
        var json = false

        func run() async throws {
            try await CommandFailure.reporting {
                let id = try CampaignsCommand.campaignID(campaign)
                let context = try engine.open()
                guard let detail = try await context.store.campaignDetail(id) else {
                    throw CommandFailure.failed("ID: no campaign \(id.uuidString) (see `adops campaigns list`)")
                }
                if json {
                    try Terminal.json(CampaignResource(detail))
                    return
                }
                let account = try await context.store.account(detail.campaign.accountID)
                Terminal.output(Self.render(detail, accountName: account?.platformAccountID))
            }
        }

        /// The campaign's fields, then its entities, then its creative versions.
        static func render(_ detail: CampaignDetail, accountName: String?) -> String {
            let campaign = detail.campaign
            var lines = [
                "campaign   \(campaign.id.uuidString)",
                "name       \(campaign.name)",
                "platform   \(campaign.platform) (account \(accountName ?? campaign.accountID.uuidString))",
                "status     \(campaign.status.rawValue)\(campaign.drifted ? " (drifted from the platform)" : "")",
                "objective  \(campaign.objective.rawValue)",
                "budget     \(campaign.budget)",
                "flight     \(JobsCommand.format(campaign.schedule.start)) – \(JobsCommand.format(campaign.schedule.end))",
                "on platform \(campaign.platformCampaignID ?? "-")",
                "job        \(campaign.jobID.uuidString)",
                "synced     \(JobsCommand.format(campaign.lastSyncedAt))",
            ]
            if let ticket = campaign.ticket { lines.append("ticket     \(ticket)") }
            lines.append("")
            if detail.mappings.isEmpty {
                lines.append("No platform entities yet: the launch has not finished.")
            } else {
                var table = TextTable(header: ["level", "platform id", "parent", "status", "name"])
                for mapping in detail.mappings {
                    table.append([
                        mapping.level.rawValue, mapping.platformID, mapping.parentPlatformID ?? "-",
                        mapping.lastSeenStatus?.rawValue ?? "-", mapping.name,
                    ])
                }
                lines.append(table.render())
            }
            lines.append("")
            var versions = TextTable(header: ["creative", "version", "from", "headline"])
            for version in detail.creativeVersions {
                versions.append([
                    version.creativeKey, String(version.version), version.parentVersion.map(String.init) ?? "-",
                    version.creative.headlines.first ?? "-",
                ])
            }
            lines.append(versions.render())
            return lines.joined(separator: "\n")
        }
    }
}
