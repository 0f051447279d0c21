import AdOpsServer
import AdPlatformKit
import ArgumentParser
import Foundation
import Trafficking

extension AccountsCommand {
    /// `adops accounts show ID`: one account, with the names of its stored secrets.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one ad account and which secrets it has stored (never their values).")

        @OptionGroup var engine: EngineOptions

        @Argument(help: "The account: our id, or the platform account id (act_1001).")
        var account: String

        @Flag(help: "Print the account as JSON.")
        var json = false

        func run() async throws {
            try await CommandFailure.reporting {
                let context = try engine.open()
                let account = try await AccountResolver(store: context.store).account(self.account, field: "ID")
                let credentials = try await context.store.credentials(ofAccount: account.id)
                if json {
                    try Terminal.json(AdAccountResource(account, credentials: credentials))
                } else {
                    Terminal.output(
                        AccountsCommand.describe(account, credentials: credentials, now: context.store.clock.now))
                }
            }
        }
    }
}
