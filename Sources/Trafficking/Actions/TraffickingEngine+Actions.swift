import AdPlatformKit
import Foundation

extension TraffickingEngine {
    /// Checks an action against the campaign, its launch, its ad account and its platform's abilities and budget
    /// rules, plans its steps, and stores it PENDING for the worker. Throws ``ActionError`` and stores nothing when
    /// anything is refused: no platform call is made before the action is stored, and none for a refused one. An
    /// archived campaign, or one with an archive waiting or running, is refused as ``ActionError/Kind/archived``.
    ///
    /// A request with an ``ActionRequest/id`` that is already stored is a repeat (a caller that stopped before it
    /// heard the answer): it returns the stored action, whatever state it is in, and stores nothing.
    public func requestAction(_ request: ActionRequest) async throws -> LifecycleAction {
        if let given = request.id, let stored = try await store.action(given) {
            return stored
        }
        let id = request.campaignID.uuidString
        guard let detail = try await store.campaignDetail(request.campaignID) else {
            throw ActionError.field(.campaignNotFound, "campaign", "no campaign \(id)")
        }
        let campaign = detail.campaign
        let launch = try await store.job(campaign.jobID)
        guard let launch, launch.status.isTerminal, campaign.status != .draft else {
            throw ActionError.field(
                .notLaunched, "campaign",
                "campaign \(id) is not launched yet: its launch job \(campaign.jobID.uuidString) is "
                    + "\(launch?.status.rawValue ?? "gone"); act on it once the job has ended",
                platform: campaign.platform, limit: "launched", actual: campaign.status.rawValue)
        }
        try await checkNotArchived(campaign)
        guard let account = try await store.account(campaign.accountID), account.status == .active else {
            throw ActionError.field(
                .accountUnavailable, "campaign",
                "the ad account of campaign \(id) is deleted or not ACTIVE; actions need an ACTIVE account",
                platform: campaign.platform)
        }
        guard let module = registry[campaign.platform] else {
            throw ActionError.field(
                .unsupported, "campaign", "no platform module is registered for '\(campaign.platform)'",
                platform: campaign.platform)
        }
        let steps = try ActionPlanner(platform: module).plan(
            request, detail: detail, launch: launch.request, currency: account.currency)
        let action = NewLifecycleAction(
            id: request.id ?? .timeOrdered(at: store.clock.now), campaignID: campaign.id, kind: request.kind,
            level: request.level, targets: request.entityIDs, requestedBy: request.requestedBy, steps: steps)
        do {
            return try await store.enqueueAction(action)
        } catch let error as StoreError where error.code == .conflict && request.id != nil {
            // Two callers repeated the same request at once; the other one stored it.
            guard let stored = try await store.action(action.id) else { throw error }
            return stored
        }
    }

    /// Refuses any action on an archived campaign, and any after an archive that has not ended yet: a campaign's
    /// actions run in the order asked, so one asked now would reach an archived entity.
    private func checkNotArchived(_ campaign: Campaign) async throws {
        let id = campaign.id.uuidString
        if campaign.status == .archived {
            throw ActionError.field(
                .archived, "campaign",
                "campaign \(id) is archived: an archived campaign is terminal and takes no further action",
                platform: campaign.platform, rule: "archived", actual: CampaignStatus.archived.rawValue)
        }
        let recent = try await store.actions(campaign: campaign.id, page: PageRequest(limit: 100))
        if let archive = recent.items.first(where: {
            $0.kind == .archive && $0.level == .campaign && !$0.status.isTerminal
        }) {
            throw ActionError.field(
                .archived, "campaign",
                "campaign \(id) is being archived by action \(archive.id.uuidString) "
                    + "(\(archive.status.rawValue)): an archived campaign takes no further action",
                platform: campaign.platform, rule: "archived", actual: archive.status.rawValue)
        }
    }

    /// An action with its log and its platform calls, or `nil`.
    public func actionDetail(of id: UUID) async throws -> ActionDetail? {
        guard let action = try await store.action(id) else { return nil }
        return ActionDetail(
            action: action, log: try await store.actionLog(id), calls: try await store.apiCalls(action: id))
    }
}
