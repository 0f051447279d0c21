import AdOpsServer
import AdPlatformKit
import ArgumentParser
import Foundation
import Trafficking

extension AccountsCommand {
    /// `adops accounts list`: the registered accounts, oldest first.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the ad accounts that are not deleted.")

        @OptionGroup var engine: EngineOptions

        @Option(help: "Only this platform's accounts: meta, tiktok, snapchat or google.")
        var platform: String?

        @Flag(help: "Print the accounts as JSON.")
        var json = false

        func run() async throws {
            try await CommandFailure.reporting {
                let platform = try self.platform.map {
                    try AccountsCommand.platform($0, in: BuiltInPlatforms.registry())
                }
                let context = try engine.open()
                let accounts = try await AccountResolver(store: context.store).all(platform: platform)
                if json {
                    try Terminal.json(accounts.map { AdAccountResource($0) })
                    return
                }
                guard !accounts.isEmpty else {
                    Terminal.output(
                        "No ad accounts\(platform.map { " on \($0)" } ?? ""). Add one with `adops accounts add "
                            + "--platform meta --account-id act_1001 --name \"…\" --currency USD`.")
                    return
                }
                var table = TextTable(
                    header: ["id", "platform", "account id", "name", "currency", "status", "token expires"])
                let now = context.store.clock.now
                for account in accounts {
                    table.append([
                        account.id.uuidString, account.platform.rawValue, account.platformAccountID, account.name,
                        account.currency.code, account.status.rawValue,
                        AccountsCommand.tokenExpiry(account.tokenExpiry, now: now),
                    ])
                }
                Terminal.output(table.render())
            }
        }
    }
}
