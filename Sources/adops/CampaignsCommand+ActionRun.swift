import AdOpsServer
import AdPlatformKit
import Foundation
import Logging
import Trafficking

extension CampaignsCommand {
    /// Asks for one lifecycle action and, unless `--no-wait`, runs an in-process worker until it ends, printing each
    /// entity as it changes. Shared by `activate`, `pause`, `resume`, `budget`, `bid`, `targeting` and `archive`.
    struct ActionRun {
        let options: ActionOptions

        /// Stores the action; prints it; waits for it unless told not to. Exit status 1 when it is refused or ends
        /// FAILED.
        func run(_ kind: (Campaign, AdAccount?) throws -> ActionKind) async throws {
            try await CommandFailure.reporting {
                let id = try CampaignsCommand.campaignID(options.campaign)
                let level = try options.actionLevel()
                let entities = try options.entityIDs()
                let context = try options.engine.open()
                guard let campaign = try await context.store.campaign(id) else {
                    throw CommandFailure.failed("ID: no campaign \(id.uuidString) (see `adops campaigns list`)")
                }
                let account = try await context.store.account(campaign.accountID)
                let request = ActionRequest(
                    campaignID: id, kind: try kind(campaign, account), level: level, entityIDs: entities,
                    requestedBy: "cli")
                let action: LifecycleAction
                do {
                    action = try await context.engine.requestAction(request)
                } catch let refusal as ActionError {
                    throw CommandFailure.failed(Self.describe(refusal))
                }
                let say: @Sendable (String) -> Void = options.json ? Terminal.error : Terminal.output
                say(
                    "Action \(action.id.uuidString): \(action.kind) on \(campaign.platform) campaign "
                        + "\(campaign.platformCampaignID ?? campaign.id.uuidString) at level \(level), "
                        + "\(action.steps.count) \(action.steps.count == 1 ? "entity" : "entities")")
                if options.noWait {
                    if options.json { try Terminal.json(ActionResource(action)) }
                    say("Queued. `adops worker` (or `adops serve`) runs it; follow it with GET /api/v1/actions/ID.")
                    return
                }
                let printer = ActionProgressPrinter(store: context.store, action: action, write: say)
                let worker = context.worker(
                    concurrency: 1, logger: EngineContext.logger("adops.campaigns", level: .warning))
                try await worker.run(until: { try await printer.poll() })
                guard let detail = try await context.engine.actionDetail(of: action.id) else {
                    throw CommandFailure.failed("action \(action.id.uuidString) is gone")
                }
                if options.json { try Terminal.json(ActionResource(detail)) }
                let ended = detail.action
                guard ended.status == .done else {
                    throw CommandFailure.failed(
                        "action \(ended.id.uuidString) ended \(ended.status.rawValue): "
                            + (ended.error?.description ?? "no error recorded")
                            + " (\(ended.changes.count) of \(ended.steps.count) changes made, and kept in our records)")
                }
                say("Done: \(ended.changes.count) \(ended.changes.count == 1 ? "change" : "changes") made.")
            }
        }

        /// A refusal, its fields renamed to the command's options.
        static func describe(_ refusal: ActionError) -> String {
            var lines = ["refused: \(refusal.message)"]
            for violation in refusal.violations where violation.message != refusal.message || violation.limit != nil {
                var line = "  \(option(for: violation.fieldPath))  \(violation.message)"
                if let limit = violation.limit {
                    line += " (limit \(limit)" + (violation.actual.map { ", is \($0))" } ?? ")")
                }
                lines.append(line)
            }
            return lines.joined(separator: "\n")
        }

        /// `entityIDs[1]` → `--entity`, `budget.amount` → `--amount`, `targeting.ageRange` → `--age`, and so on.
        static func option(for fieldPath: String) -> String {
            switch fieldPath {
            case "campaign": "ID"
            case "level": "--level"
            case "action", "status": "action"
            case "bid.roas": "--target-roas"
            case let path where path.hasPrefix("bid."): "--bid-cap/--cost-cap"
            case "bid": "--bid-cap/--cost-cap/--target-roas/--automatic"
            case let path where path.hasPrefix("targeting.countries"): "--country"
            case "targeting.ageRange": "--age"
            case "targeting.genders": "--gender"
            case "budget.period": "--period"
            case let path where path.hasPrefix("budget"): "--amount"
            case let path where path.hasPrefix("entityIDs"): "--entity"
            default: fieldPath
            }
        }
    }
}
