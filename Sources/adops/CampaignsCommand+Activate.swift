import ArgumentParser
import Trafficking

extension CampaignsCommand {
    /// `adops campaigns activate ID`: a lifecycle action, stored, then run by an in-process worker unless `--no-wait`.
    struct Activate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Activate a campaign, or ad groups or ads, and everything under them, bottom-up: ads, ad groups, then the campaign.",
            discussion: CampaignsCommand.actionDiscussion)

        @OptionGroup var options: ActionOptions

        func run() async throws {
            try await ActionRun(options: options).run { _, _ in .activate }
        }
    }
}
