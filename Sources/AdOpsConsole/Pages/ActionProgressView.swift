import AdPlatformKit
import Foundation
import Trafficking

/// What an action's page shows: its status, each step with the platform's answer, its log, and once it ended the
/// campaign as now recorded.
struct ActionProgressView {
    /// The action's id.
    var id: String
    /// `PENDING`, `PROCESSING`, `DONE`, `FAILED`.
    var status: String
    /// Whether it has not ended, so the section refreshes itself.
    var running: Bool
    /// Whether it ended DONE.
    var done: Bool
    /// `pause`, `budget 250.00 USD daily`, …
    var action: String
    /// The level.
    var level: String
    /// Who asked.
    var requestedBy: String
    /// When it was asked, and when it ended.
    var createdAt: String
    var finishedAt: String
    /// Why it failed, when it did.
    var error: String?
    /// The campaign's id, name and platform, for the link back.
    var campaignID: String
    var campaignName: String
    var platform: String
    /// The campaign's status and budget as now recorded.
    var campaignStatus: String
    var campaignBudget: String
    /// Each entity's change.
    var steps: [Step]
    /// The log.
    var log: [CampaignView.LogLine]
    /// Whether anything is logged.
    var hasLog: Bool
    /// The platform calls.
    var calls: [Call]
    /// Whether any call was made.
    var hasCalls: Bool

    /// One entity's change and the platform's answer.
    struct Step {
        var level: String
        var name: String
        var platformID: String
        var field: String
        var before: String
        var after: String
        var state: String
        var response: String
    }

    /// A platform call, redacted.
    struct Call {
        var at: String
        var request: String
        var status: String
        var response: String
    }

    init(detail: ActionDetail, campaign: Campaign?) {
        let action = detail.action
        id = action.id.uuidString
        status = action.status.rawValue
        running = !action.status.isTerminal
        done = action.status == .done
        self.action = action.kind.description
        level = action.level.rawValue
        requestedBy = action.requestedBy
        createdAt = Format.time(action.createdAt)
        finishedAt = Format.time(action.finishedAt)
        error = action.error.map { $0.description }
        campaignID = action.campaignID.uuidString
        campaignName = campaign?.name ?? action.campaignID.uuidString
        platform = action.platform.rawValue
        campaignStatus = campaign?.status.rawValue ?? "—"
        campaignBudget = campaign.map { "\(Format.money($0.budget.amount)) \($0.budget.period.rawValue)" } ?? "—"
        steps = action.steps.map {
            Step(
                level: $0.level.rawValue, name: $0.name, platformID: $0.platformID, field: $0.field,
                before: $0.oldValue?.description ?? "read from the platform when it runs",
                after: $0.newValue.description,
                state: $0.state.rawValue, response: $0.response ?? "—")
        }
        log = detail.log.map {
            CampaignView.LogLine(at: Format.time($0.at), level: "\($0.level)", event: $0.event, message: $0.message)
        }
        hasLog = !log.isEmpty
        calls = detail.calls.map {
            Call(
                at: Format.time($0.at), request: "\($0.method) \($0.path)", status: $0.status.map(String.init) ?? "—",
                response: $0.responseSummary)
        }
        hasCalls = !calls.isEmpty
    }
}

extension ActionProgressView: TitledView {
    /// The action and its campaign's name.
    var pageTitle: String { "\(action): \(campaignName)" }
}
