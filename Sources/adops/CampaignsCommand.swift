import ArgumentParser
import Foundation
import Trafficking

/// `adops campaigns`: the campaigns of ours that launches made, with their platform ids at every level.
struct CampaignsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaigns",
        abstract: "List, inspect and operate campaigns: each trafficked request on one ad account.",
        subcommands: [
            List.self, Show.self, Activate.self, Pause.self, Resume.self, SetBudget.self, SetBid.self,
            ChangeTargeting.self, Archive.self,
        ]
    )

    /// How the lifecycle-action subcommands behave, for their help.
    static let actionDiscussion = """
        The action is stored before any platform call and run by a worker: this command's own (printing each \
        entity as it changes, with its old and new value), or with --no-wait an `adops worker` or `adops serve` \
        sharing the database. A campaign's actions run one at a time, in the order asked. What the platform cannot \
        do is refused before any call, naming the platform and the capability.

        Exit status: 0 when the action is done (or queued, with --no-wait); 1 when it is refused or ends FAILED, \
        or the campaign does not exist; 2 when an option cannot be read.
        """

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
