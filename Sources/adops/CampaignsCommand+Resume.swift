import ArgumentParser
import Trafficking

extension CampaignsCommand {
    /// `adops campaigns resume ID`: a lifecycle action, stored, then run by an in-process worker unless `--no-wait`.
    struct Resume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Resume what a pause stopped: set the campaign, or the given ad groups or ads, delivering again.",
            discussion: CampaignsCommand.actionDiscussion)

        @OptionGroup var options: ActionOptions

        func run() async throws {
            try await ActionRun(options: options).run { _, _ in .resume }
        }
    }
}
