import ArgumentParser
import Foundation
import Trafficking

/// `adops campaigns`: the campaigns of ours that launches made, with their platform ids at every level.
struct CampaignsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaigns",
        abstract: "List and inspect campaigns: each trafficked request on one ad account, with its platform ids.",
        subcommands: [List.self, Show.self]
    )

    /// The campaign a command-line id names, or a usage error saying what an id looks like.
    static func campaignID(_ text: String) throws -> UUID {
        try IDArgument.uuid(text, kind: "campaign", listCommand: "adops campaigns list")
    }

    /// The status a `--status` value names, or a usage error listing the valid ones.
    static func status(_ text: String) throws -> CampaignStatus {
        guard let status = CampaignStatus(rawValue: text.lowercased()) else {
            throw CommandFailure.usage(
                "--status: '\(text)' is not a campaign status; use one of "
                    + CampaignStatus.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return status
    }
}
