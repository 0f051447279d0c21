import AdOpsServer
import AdPlatformKit
import ArgumentParser
import Foundation
import Trafficking

extension AccountsCommand {
    /// `adops accounts update ID`: changes an account's name, status, settings or secrets.
    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change an ad account's name, status, settings or credentials.",
            discussion: """
                --setting merges into the current settings; key= (empty) removes a setting. Secret options replace \
                only the secrets they name; an empty value removes an optional secret.
                """
        )

        @OptionGroup var engine: EngineOptions

        @Argument(help: "The account: our id, or the platform account id (act_1001).")
        var account: String

        @Option(help: "A new name.")
        var name: String?

        @Option(help: "A new status: ACTIVE, INACTIVE, REQUIRES_REAUTH or SUSPENDED.")
        var status: String?

        @Option(help: "A new owning team.")
        var ownerTeam: String?

        @Option(
            name: .customLong("setting"),
            help: ArgumentHelp("Set a platform setting (key= removes it); repeatable.", valueName: "key=value"))
        var settings: [String] = []

        @OptionGroup var credentials: CredentialOptions

        @Flag(help: "Print the updated account as JSON.")
        var json = false

        func run() async throws {
            try await CommandFailure.reporting {
                let status = try self.status.map(AccountsCommand.status)
                let assignments = try SettingAssignment.parse(settings)
                if let name, name.trimmingCharacters(in: .whitespaces).isEmpty {
                    throw CommandFailure.usage("--name: must not be empty")
                }
                guard name != nil || status != nil || ownerTeam != nil || !assignments.isEmpty || !credentials.isEmpty
                else {
                    throw CommandFailure.usage(
                        "nothing to change: pass --name, --status, --owner-team, --setting or a credential option")
                }
                let context = try engine.open()
                let current = try await AccountResolver(store: context.store).account(account, field: "ID")
                var changes = AdAccountChanges(name: name, status: status, ownerTeam: ownerTeam)
                if !assignments.isEmpty {
                    var merged = current.settings
                    for (key, value) in assignments { merged[key] = value.isEmpty ? nil : value }
                    changes.settings = merged
                }
                if !credentials.isEmpty {
                    guard let stored = try await context.store.credentials(ofAccount: current.id) else {
                        throw CommandFailure.failed("ID: account \(current.id) has no stored credentials")
                    }
                    changes.credentials = try credentials.applied(to: stored, now: context.store.clock.now)
                }
                guard let updated = try await context.store.updateAccount(current.id, changes) else {
                    throw CommandFailure.failed("ID: account \(current.id) was deleted meanwhile")
                }
                let secrets = try await context.store.credentials(ofAccount: updated.id)
                if json {
                    try Terminal.json(AdAccountResource(updated, credentials: secrets))
                } else {
                    Terminal.output("Updated \(updated.platform) account \(updated.platformAccountID).")
                    Terminal.output(
                        AccountsCommand.describe(updated, credentials: secrets, now: context.store.clock.now))
                }
            }
        }
    }
}
