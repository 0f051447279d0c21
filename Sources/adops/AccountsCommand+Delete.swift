import ArgumentParser
import Foundation
import Trafficking

extension AccountsCommand {
    /// `adops accounts delete ID`: a soft delete; the account's jobs and history stay.
    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete an ad account (soft: its jobs and history are kept; it takes no new jobs).")

        @OptionGroup var engine: EngineOptions

        @Argument(help: "The account: our id, or the platform account id (act_1001).")
        var account: String

        func run() async throws {
            try await CommandFailure.reporting {
                let context = try engine.open()
                let found = try await AccountResolver(store: context.store).account(account, field: "ID")
                guard try await context.store.deleteAccount(found.id) else {
                    throw CommandFailure.failed("ID: account \(found.id) was deleted meanwhile")
                }
                Terminal.output(
                    "Deleted \(found.platform) account \(found.platformAccountID) (\(found.id.uuidString)); its jobs "
                        + "and history are kept.")
            }
        }
    }
}
