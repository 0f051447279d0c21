import ArgumentParser
import Trafficking

extension CampaignsCommand {
    /// `adops campaigns archive ID`: stops a campaign, or ad groups or ads, for good where the platform can archive.
    struct Archive: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Archive a campaign, or ad groups or ads: delivery stops for good, reporting stays readable.",
            discussion: """
                Meta archives (ARCHIVED) and Google removes (REMOVED, which keeps the entity and its metrics \
                readable); TikTok and Snapchat have no archived state, only a deletion, so they are refused before \
                any platform call. An archived campaign is terminal: every later action on it is refused.

                """ + CampaignsCommand.actionDiscussion)

        @OptionGroup var options: ActionOptions

        func run() async throws {
            try await ActionRun(options: options).run { _, _ in .archive }
        }
    }
}
