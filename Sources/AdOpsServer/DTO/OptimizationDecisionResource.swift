import AdPlatformKit
import Foundation
import Optimization
import Trafficking

/// One decision of the budget optimiser, as `POST` and `GET /api/v1/optimizations` and `adops optimize --json` give
/// it: a line of the optimisation log, with the figures it was made on and the action that carried it out.
public struct OptimizationDecisionResource: Encodable, Sendable {
    var id: UUID
    var campaignID: UUID
    var campaignName: String?
    var adAccountID: UUID
    var platform: PlatformID
    var action: String
    var previousValue: ActionValue?
    var newValue: ActionValue?
    var roas: String?
    var reason: String
    var confidence: Double
    var metrics: MetricTotalsResource?
    var deliveryDays: Int?
    var mode: String
    var createdAt: Date
    var actionID: UUID?
    var actionError: String?

    private enum CodingKeys: String, CodingKey {
        case id
        case campaignID = "campaign_id"
        case campaignName = "campaign_name"
        case adAccountID = "ad_account_id"
        case platform, action
        case previousValue = "previous_value"
        case newValue = "new_value"
        case roas, reason, confidence, metrics
        case deliveryDays = "delivery_days"
        case mode
        case createdAt = "created_at"
        case actionID = "action_id"
        case actionError = "action_error"
    }

    /// The resource of a decision a run just made.
    public init(_ line: CampaignOptimization, mode: OptimizationMode, at date: Date) {
        let decision = line.decision
        let entry = OptimizationLogEntry(decision, mode: mode, at: date)
        id = line.logID
        campaignID = line.campaign.id
        campaignName = line.campaign.name
        adAccountID = line.campaign.accountID
        platform = line.campaign.platform
        action = decision.action.rawValue
        previousValue = entry.previousValue
        newValue = entry.newValue
        reason = decision.reason
        confidence = decision.confidence
        self.mode = Self.name(of: mode)
        createdAt = date
        actionID = line.actionID
        actionError = line.actionError
        describe(decision.snapshot)
    }

    /// The resource of a stored line. Figures this version cannot read are left out.
    public init(_ record: OptimizationRecord) {
        id = record.id
        campaignID = record.campaignID
        adAccountID = record.accountID
        platform = record.platform
        action = record.action
        previousValue = record.previousValue
        newValue = record.newValue
        reason = record.reason
        confidence = record.confidence
        mode = OptimizationMode(rawValue: record.mode).map(Self.name) ?? record.mode
        createdAt = record.createdAt
        actionID = record.actionID
        actionError = record.actionError
        if case .campaign(let snapshot) = OptimizationLogEntry(record: record)?.metrics { describe(snapshot) }
    }

    private mutating func describe(_ snapshot: PerformanceSnapshot) {
        metrics = MetricTotalsResource(snapshot.totals, from: snapshot.since, to: snapshot.until)
        deliveryDays = snapshot.deliveryDays
        roas = snapshot.returnOnAdSpend?.decimalString
    }

    /// The API's name of a mode: `dry_run` or `apply`.
    public static func name(of mode: OptimizationMode) -> String {
        switch mode {
        case .dryRun: "dry_run"
        case .apply: "apply"
        }
    }
}
