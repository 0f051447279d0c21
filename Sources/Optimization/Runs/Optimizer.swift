import AdPlatformKit
import Foundation
import Trafficking

/// The budget optimiser run on what the engine keeps: the live campaigns of one ad account or all, their synced
/// daily metrics over the window, and their optimisation settings. Every decision is logged
/// (``OptimizationStore``); in apply mode the changes are requested through ``TraffickingEngine/requestAction(_:)``,
/// so they are durable, run by the worker exactly once, and logged with their old and new values, and each action's
/// id is recorded on its decision's line.
///
/// It reads the time from the store's clock, never the wall clock, so a test or a demo on the virtual clock decides
/// as it would on that day. The CLI, the REST API and the console share it.
public struct Optimizer: Sendable {
    /// The engine: its store, registry and lifecycle actions.
    public let engine: TraffickingEngine
    /// The decision table; seed 003's by default.
    public var settings: BudgetOptimizerSettings

    /// An optimiser over an engine.
    public init(engine: TraffickingEngine, settings: BudgetOptimizerSettings = BudgetOptimizerSettings()) {
        self.engine = engine
        self.settings = settings
    }

    /// Decides for the live campaigns of `account` (every account's when `nil`), or only those of them in
    /// `campaigns` when given, and logs every decision; in `.apply` also requests the actions. Campaigns with
    /// optimisation off, on a platform with no module, with a lifecycle action still under way, or already changed
    /// by an applied run today are skipped with the reason. Throws ``OptimizerError`` naming `account` when it does
    /// not exist.
    public func run(
        account: UUID? = nil, campaigns only: Set<UUID>? = nil, mode: OptimizationMode
    ) async throws -> OptimizationRun {
        let store = engine.store
        if let account, try await store.account(account) == nil {
            throw OptimizerError(.accountNotFound, field: "account", "no ad account \(account.uuidString)")
        }
        let now = store.clock.now
        let pass = OptimizationPass(settings: settings, mode: mode)
        let (since, until) = pass.optimizer.window(at: now)
        let campaigns = try await liveCampaigns(account: account).filter { only?.contains($0.id) ?? true }
        let optimization = try await store.optimizationSettings(campaigns: campaigns.map(\.id))

        var candidates: [OptimizationCandidate] = []
        var skipped: [SkippedCampaign] = []
        for campaign in campaigns {
            let settings = optimization[campaign.id] ?? .default
            if let reason = try await skipReason(campaign, settings: settings, now: now) {
                skipped.append(SkippedCampaign(campaignID: campaign.id, reason: reason))
                continue
            }
            guard let module = engine.registry[campaign.platform] else {
                skipped.append(
                    SkippedCampaign(
                        campaignID: campaign.id, reason: "no platform module is registered for '\(campaign.platform)'"))
                continue
            }
            guard let detail = try await store.campaignDetail(campaign.id) else { continue }
            let metrics = try await store.metrics(
                campaign: campaign.id, since: since.description, until: until.description, level: nil)
            candidates.append(
                OptimizationCandidate(
                    detail: detail, capabilities: module.capabilities, metrics: metrics,
                    autoOptimize: settings.autoOptimize,
                    bounds: BudgetBounds(minimum: settings.minimumBudget, maximum: settings.maximumBudget)))
        }

        let result = pass.run(candidates, at: now)
        skipped += result.skipped
        let byID = Dictionary(campaigns.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var lines: [CampaignOptimization] = []
        var records: [OptimizationRecord] = []
        for (decision, entry) in zip(result.decisions, result.log) {
            guard let campaign = byID[decision.campaignID] else { continue }
            let id = UUID.timeOrdered(at: now)
            records.append(try entry.record(id: id, campaign: campaign))
            lines.append(CampaignOptimization(campaign: campaign, decision: decision, logID: id))
        }
        // Every decision is logged before any action is asked for, so a decision is on record even when its action
        // is refused or the process stops half-way.
        try await store.recordOptimizations(records)
        if mode == .apply {
            try await requestActions(result.actions, for: &lines)
        }
        return OptimizationRun(
            mode: mode, ranAt: now, since: since.description, until: until.description, decisions: lines,
            skipped: skipped, campaigns: byID)
    }

    /// Requests each action and records on its decision's line the action's id, or the engine's refusal. A failure
    /// other than a refusal (the store) stops the run after recording what was requested so far.
    private func requestActions(_ actions: [ActionRequest], for lines: inout [CampaignOptimization]) async throws {
        var links: [OptimizationActionLink] = []
        var failure: (any Error)?
        for action in actions {
            guard let index = lines.firstIndex(where: { $0.campaign.id == action.campaignID }) else { continue }
            do {
                let stored = try await engine.requestAction(action)
                lines[index].actionID = stored.id
                links.append(OptimizationActionLink(recordID: lines[index].logID, actionID: stored.id))
            } catch let error as ActionError {
                lines[index].actionError = error.message
                links.append(OptimizationActionLink(recordID: lines[index].logID, error: error.message))
            } catch {
                failure = error
                break
            }
        }
        try await engine.store.linkOptimizations(links)
        if let failure { throw failure }
    }

    /// Why a live campaign is left out before its metrics are read: optimisation off, an action under way (its
    /// budget is about to change, and another change would stack on it), or an applied change today (the window
    /// has not moved, so the same figures would change it again).
    private func skipReason(
        _ campaign: Campaign, settings: CampaignOptimizationSettings, now: Date
    ) async throws -> String? {
        let store = engine.store
        if !settings.autoOptimize { return "automatic optimisation is off for this campaign" }
        let recent = try await store.actions(campaign: campaign.id, page: PageRequest(limit: 20))
        if let running = recent.items.first(where: { !$0.status.isTerminal }) {
            return "lifecycle action \(running.id.uuidString) (\(running.kind)) is \(running.status.rawValue); "
                + "the optimiser waits for it to finish"
        }
        let log = try await store.optimizationLog(campaign: campaign.id, account: nil, page: PageRequest(limit: 20))
        let today = CalendarDay(now)
        if let applied = log.items.first(where: { $0.actionID != nil }), CalendarDay(applied.createdAt) == today {
            return "already changed by the optimiser today (\(applied.action) at \(applied.createdAt)); "
                + "the window has not moved since"
        }
        return nil
    }

    /// Every live campaign of the account, or of all accounts, newest first.
    private func liveCampaigns(account: UUID?) async throws -> [Campaign] {
        var campaigns: [Campaign] = []
        var page = PageRequest(limit: PageRequest.maximumLimit)
        while true {
            let slice = try await engine.store.campaigns(
                CampaignFilter(status: .live, accountID: account), page: page)
            campaigns += slice.items
            guard let next = slice.nextOffset else { return campaigns }
            page = PageRequest(limit: PageRequest.maximumLimit, offset: next)
        }
    }
}
