import AdPlatformKit
import Foundation
import Optimization
import Trafficking

/// The demo's closing step: seed 003's budget optimiser over the demo's live campaigns. Each campaign is given a
/// return on ad spend in one of the table's bands through the emulator's ground truth, the virtual clock moves past
/// the learning window, the metrics are synced, and one pass decides: a dry run that prints every decision, then
/// one decision applied (the first increase) through the optimiser and the worker, or every one with
/// `--apply-optimization`, each read back from the platform.
struct DemoOptimization {
    /// The demo, for its engine, its control plane and its helpers.
    let demo: DemoRun
    /// Whether every decision is applied, not only the first increase.
    let applyAll: Bool

    /// A ROAS the demo gives a campaign (basis points) and the band of seed 003's table it falls in.
    struct Band {
        var roas: Int64
        var band: PerformanceBand
    }

    /// Seed 003's bands, one ROAS well inside each: ≥ 3.0, ≥ 2.0, ≥ 1.0, 0.5 to 1.0 and under 0.5.
    static let bands = [
        Band(roas: 35_000, band: .excellent), Band(roas: 24_000, band: .good), Band(roas: 13_000, band: .acceptable),
        Band(roas: 7_000, band: .suboptimal), Band(roas: 3_000, band: .poor),
    ]

    /// The bands taken, by index, when there are fewer campaigns than bands: the most distinct first.
    static let mostDistinctFirst = [0, 4, 2, 1, 3]

    /// The band of each of `count` campaigns: the table's order, over again when there are more campaigns than
    /// bands; with fewer, the most distinct bands, in the table's order.
    static func bands(for count: Int) -> [Band] {
        guard count < bands.count else { return (0..<count).map { bands[$0 % bands.count] } }
        return mostDistinctFirst.prefix(count).sorted().map { bands[$0] }
    }

    // The truth every campaign delivers with: a 2% click-through rate, 10% of clicks converting, a CPM of 10 at the
    // reference audience, and the whole budget spent. The value per conversion, set per ad, makes the ROAS.

    /// Clicks per impression.
    static let clickThroughRate = 0.02
    /// Conversions per click.
    static let conversionRate = 0.1
    /// The CPM at the reference audience, in micros; an ad's audience multiplies it by its CPM factor.
    static let cpmMicros: Int64 = 10_000_000

    /// The value per conversion (micros) that makes an ad's ROAS `roas` (basis points) at its audience's CPM
    /// factor: value ÷ spend = 1,000 × CTR × conversion rate × value per conversion ÷ (CPM × factor).
    static func valuePerConversionMicros(roas: Int64, cpmFactor: Double) -> Int64 {
        let perUnitOfRoas = Double(cpmMicros) / (1_000 * clickThroughRate * conversionRate)
        return Int64((Double(roas) / 10_000 * perUnitOfRoas * cpmFactor).rounded())
    }

    /// Runs the step; returns whether every decision fell in its campaign's band and every applied change shows
    /// on the platform.
    func run(_ details: [JobDetail], accounts: [AdAccount]) async throws -> Bool {
        let store = demo.context.store
        var live: [Campaign] = []
        for detail in details where detail.job.status == .success {
            if let campaign = try await store.campaign(job: detail.job.id), campaign.status == .live {
                live.append(campaign)
            }
        }
        Terminal.output(
            "\n10. Seed 003's budget optimiser: each live campaign given a return on ad spend through the emulator's "
                + "ground truth (PUT /_mock/truth)")
        var expected: [UUID: Band] = [:]
        var table = TextTable(header: ["platform", "campaign", "ROAS given", "ads", "CPM factor", "value/conversion"])
        for (campaign, band) in zip(live, Self.bands(for: live.count)) {
            guard let platformID = campaign.platformCampaignID else { continue }
            let factors = try await demo.control.setTruth(
                platform: campaign.platform, entityID: platformID,
                [
                    "clickThroughRate": .double(Self.clickThroughRate), "conversionRate": .double(Self.conversionRate),
                    "cpm": .decimal(Decimal(Self.cpmMicros) / 1_000_000), "pacing": .integer(1),
                ])
            var values: [String] = []
            for (ad, factor) in factors.sorted(by: { $0.key < $1.key }) {
                let micros = Self.valuePerConversionMicros(roas: band.roas, cpmFactor: factor)
                _ = try await demo.control.setTruth(
                    platform: campaign.platform, entityID: ad,
                    ["valuePerConversion": .decimal(Decimal(micros) / 1_000_000)])
                values.append(Money(minorUnits: micros / 10_000, currency: campaign.budget.amount.currency).description)
            }
            expected[campaign.id] = band
            table.append([
                campaign.platform.rawValue, platformID, ReturnOnAdSpend(basisPoints: band.roas).decimalString + "x",
                String(factors.count),
                factors.sorted(by: { $0.key < $1.key }).map { String(format: "%.2f", $0.value) }.joined(
                    separator: ", "),
                values.joined(separator: ", "),
            ])
        }
        Terminal.output(table.render())

        // The truth holds from today; 8 days on, the 7 days ending yesterday are whole days under it, past the
        // learning window (3 days of delivery and 50 of spend).
        try await demo.control.advanceClock("8d")
        let now = store.clock.now
        Terminal.output(
            "    virtual clock moved 8 days on, to \(DemoRun.dayString(now)); every account synced over its flights:")
        let syncer = demo.context.syncer()
        var runs: [SyncRun] = []
        for account in accounts { runs.append(try await syncer.sync(account: account.id, kind: .full)) }
        Terminal.output(SyncCommand.render(runs, accounts: accounts))
        for run in runs { for error in run.errors { Terminal.output("   \(run.platform): \(error)") } }

        let optimizer = Optimizer(engine: demo.context.engine)
        // The optimiser lists the newest campaign first, and the worker made them concurrently; the demo shows them in
        // its tickets' order, so the table (and the first increase) is the same every run.
        let order = Dictionary(live.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        func ordered(_ run: OptimizationRun) -> OptimizationRun {
            var sorted = run
            sorted.decisions.sort { (order[$0.campaign.id] ?? 0) < (order[$1.campaign.id] ?? 0) }
            return sorted
        }
        let dryRun = ordered(try await optimizer.run(campaigns: Set(expected.keys), mode: .dryRun))
        Terminal.output("\n11. One optimiser pass (adops optimize), a dry run: every decision, logged, nothing changed")
        Terminal.output(OptimizeCommand.render(dryRun))
        var asExpected = runs.allSatisfy { $0.status == .succeeded } && dryRun.skipped.isEmpty
        asExpected = asExpected && dryRun.decisions.count == expected.count
        for line in dryRun.decisions where line.decision.band != expected[line.campaign.id]?.band {
            asExpected = false
            Terminal.output(
                "   \(line.campaign.name): expected the \(expected[line.campaign.id]?.band.rawValue ?? "?") band, "
                    + "decided \(line.decision.band.rawValue) (\(line.decision.reason))")
        }

        let chosen =
            applyAll
            ? dryRun.decisions.filter { $0.decision.changesCampaign }
            : Array(dryRun.decisions.first { $0.decision.action == .budgetIncrease }.map { [$0] } ?? [])
        guard !chosen.isEmpty else {
            Terminal.output("   no decision to apply")
            return false
        }
        Terminal.output(
            applyAll
                ? "\n12. Every change applied (--apply-optimization): the optimiser's lifecycle actions, run by the worker"
                : "\n12. One decision applied, the first increase (--apply-optimization applies every one): the "
                    + "optimiser's lifecycle action, run by the worker")
        let applied = ordered(try await optimizer.run(campaigns: Set(chosen.map(\.campaign.id)), mode: .apply))
        let actions = try await demo.runActions(try await actionsOf(applied))
        let shown = try await readBack(actions, run: applied)
        let matches = chosen.allSatisfy { line in
            applied.decisions.contains {
                $0.campaign.id == line.campaign.id && $0.decision.action == line.decision.action
                    && $0.decision.newBudget == line.decision.newBudget
            }
        }
        return asExpected && matches && shown && actions.count == chosen.count
    }

    /// The stored actions of an apply run; a refusal is printed and leaves its campaign out.
    private func actionsOf(_ run: OptimizationRun) async throws -> [LifecycleAction] {
        var actions: [LifecycleAction] = []
        for line in run.decisions {
            if let error = line.actionError { Terminal.output("   \(line.campaign.name): action refused: \(error)") }
            if let id = line.actionID, let action = try await demo.context.store.action(id) { actions.append(action) }
        }
        return actions
    }

    /// Prints each action's changes and the entity each changed, as its platform reads it back; returns whether
    /// every action is done and every change shows on the platform.
    private func readBack(_ actions: [LifecycleAction], run: OptimizationRun) async throws -> Bool {
        var table = TextTable(header: [
            "campaign", "action", "status", "level", "platform id", "change", "on the platform",
        ])
        var shown = true
        for action in actions {
            guard let line = run.decisions.first(where: { $0.actionID == action.id }) else { continue }
            let campaign = line.campaign
            shown = shown && action.status == .done && !action.changes.isEmpty
            if action.status != .done {
                Terminal.output("   \(campaign.name): \(action.status.rawValue): \(action.error?.description ?? "")")
            }
            let (module, account) = try await demo.moduleAndAccount(
                platform: campaign.platform, accountID: campaign.accountID)
            for change in action.changes {
                var readBack = "not readable"
                if let reader = module as? any EntityReading {
                    let entity = try await reader.readEntity(change.level.kind, id: change.platformID, in: account)
                    if let budget = change.newValue.budget {
                        var money =
                            entity.budget?.amount
                            ?? demo.budgetAttribute(
                                of: entity, platform: campaign.platform, currency: budget.amount.currency)?.money
                        if money == nil {
                            money = try await listedBudget(of: entity, reader: reader, in: account)
                        }
                        shown = shown && money == budget.amount
                        readBack = money.map { "daily budget \($0)" } ?? "budget not readable"
                    } else {
                        shown = shown && entity.status == change.newValue.status
                        readBack = "status \(entity.status?.rawValue ?? "?")"
                    }
                }
                table.append([
                    campaign.name, line.decision.action.rawValue, action.status.rawValue,
                    module.capabilities.hierarchy.name(of: change.level.kind), change.platformID,
                    "\(change.oldValue?.description ?? "?") → \(change.newValue)", readBack,
                ])
            }
        }
        Terminal.output(table.render())
        return shown
    }

    /// An entity's daily budget as its platform lists it, for a module whose read of one entity leaves the budget
    /// out (Google Ads keeps it on a separate campaign budget, selected with the campaign in a list).
    private func listedBudget(
        of entity: PlatformEntity, reader: any EntityReading, in account: AccountContext
    ) async throws -> Money? {
        var cursor: String?
        repeat {
            let page = try await reader.listEntities(entity.kind, in: account, pageSize: 100, after: cursor)
            if let found = page.entities.first(where: { $0.id == entity.id }) { return found.budget?.amount }
            cursor = page.nextCursor
        } while cursor != nil
        return nil
    }
}
