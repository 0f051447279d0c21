import AdPlatformKit
import ArgumentParser
import Trafficking

extension CampaignsCommand {
    /// `adops campaigns bid ID --level adGroup --bid-cap 1.50`: sets a bid where the platform holds bids.
    struct SetBid: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bid",
            abstract:
                "Set the bid of ad groups (or a Google campaign): a cap, a target cost, a target ROAS or automatic.",
            discussion: """
                Give exactly one of --bid-cap, --cost-cap, --target-roas or --automatic. Amounts are in the ad \
                account's currency. Bids sit on ad groups on every platform (pass --level adGroup); Google also \
                takes them on the campaign. A strategy the platform does not take at the level, or an amount not \
                above zero, is refused before any platform call.

                """ + CampaignsCommand.actionDiscussion)

        @OptionGroup var options: ActionOptions

        @Option(help: "A maximum bid per result, e.g. 1.50.")
        var bidCap: String?

        @Option(help: "A target average cost per result, e.g. 12.00.")
        var costCap: String?

        @Option(help: "A target return on ad spend as a ratio, e.g. 2.5 (250%).")
        var targetRoas: String?

        @Flag(help: "Bid automatically for the lowest cost, with no cap or target.")
        var automatic = false

        func run() async throws {
            try await ActionRun(options: options).run { campaign, account in
                let given = [bidCap != nil, costCap != nil, targetRoas != nil, automatic].filter { $0 }.count
                guard given == 1 else {
                    throw CommandFailure.usage(
                        "give exactly one of --bid-cap, --cost-cap, --target-roas or --automatic")
                }
                let currency = account?.currency ?? campaign.budget.amount.currency
                func money(_ text: String, option: String) throws -> Money {
                    do {
                        return try Money(decimal: text, currency: currency)
                    } catch {
                        throw CommandFailure.usage("\(option): \(error.message)")
                    }
                }
                if let bidCap { return .bid(.bidCap(try money(bidCap, option: "--bid-cap"))) }
                if let costCap { return .bid(.costCap(try money(costCap, option: "--cost-cap"))) }
                if let targetRoas {
                    do {
                        return .bid(.targetROAS(try ReturnOnAdSpend(decimal: targetRoas)))
                    } catch let error as MoneyError {
                        throw CommandFailure.usage("--target-roas: \(error.message)")
                    }
                }
                return .bid(.automatic)
            }
        }
    }
}
