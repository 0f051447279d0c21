import AdPlatformKit
import ArgumentParser
import Trafficking

extension CampaignsCommand {
    /// `adops campaigns budget ID --amount 250.00`: sets a budget at the level the platform holds budgets.
    struct SetBudget: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "budget",
            abstract: "Set a campaign's budget, or its ad groups' where the platform holds budgets on ad groups.",
            discussion: """
                The amount is in the ad account's currency and is set on each entity at --level: the campaign on \
                Meta and Google, each ad group on TikTok and Snapchat (pass --level adGroup there). A level where \
                the platform holds no budget, a period it does not take or an amount under its minimum is refused \
                before any platform call.

                """ + CampaignsCommand.actionDiscussion)

        @OptionGroup var options: ActionOptions

        @Option(help: "The new budget, a decimal amount in the ad account's currency, e.g. 250.00.")
        var amount: String

        @Option(help: "daily or lifetime (default: the campaign's current period).")
        var period: String?

        func run() async throws {
            try await ActionRun(options: options).run { campaign, account in
                var period = campaign.budget.period
                if let text = self.period {
                    guard let named = Budget.Period(rawValue: text.lowercased()) else {
                        throw CommandFailure.usage("--period: '\(text)' is not a period; use daily or lifetime")
                    }
                    period = named
                }
                let currency = account?.currency ?? campaign.budget.amount.currency
                let money: Money
                do {
                    money = try Money(decimal: amount, currency: currency)
                } catch let error as MoneyError {
                    throw CommandFailure.usage("--amount: \(error.message)")
                }
                return .budget(Budget(period, money))
            }
        }
    }
}
