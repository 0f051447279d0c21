import ArgumentParser
import Trafficking

extension CampaignsCommand {
    /// `adops campaigns pause ID`: a lifecycle action, stored, then run by an in-process worker unless `--no-wait`.
    struct Pause: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Pause a campaign, or ad groups or ads; what is under them keeps its own status.",
            discussion: CampaignsCommand.actionDiscussion)

        @OptionGroup var options: ActionOptions

        func run() async throws {
            try await ActionRun(options: options).run { _, _ in .pause }
        }
    }
}
