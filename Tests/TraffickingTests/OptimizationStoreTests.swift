import AdPlatformKit
import Foundation
import Testing

@testable import Trafficking

/// The optimisation log keeps every decision with its values, figures and mode, and the action that carried it
/// out; each campaign carries whether it is optimised and its budget bounds.
@Suite("Optimisation log and settings in the store")
struct OptimizationStoreTests {
    static func record(
        _ campaign: Campaign, action: String = "BUDGET_INCREASE", mode: String = "apply", at seconds: TimeInterval
    ) -> OptimizationRecord {
        let before = Budget(.daily, Money(minorUnits: 10_000, currency: .usd))
        let after = Budget(.daily, Money(minorUnits: 12_000, currency: .usd))
        return OptimizationRecord(
            id: .timeOrdered(at: StoreFixtures.epoch.addingTimeInterval(seconds)), campaignID: campaign.id,
            accountID: campaign.accountID, platform: campaign.platform, action: action,
            previousValue: .budget(before), newValue: .budget(after), reason: "excellent ROAS 3.5x", confidence: 0.9,
            metricsJSON: #"{"campaign":{"deliveryDays":7}}"#, mode: mode,
            createdAt: StoreFixtures.epoch.addingTimeInterval(seconds))
    }

    @Test("lines round-trip newest first, filter by campaign and account, page, and take their action or refusal")
    func logRoundTrip() async throws {
        let (store, campaigns) = try await ActionStoreTests.launched(2)
        let lines = [
            Self.record(campaigns[0], at: 10), Self.record(campaigns[1], action: "CAMPAIGN_PAUSED", at: 20),
            Self.record(campaigns[0], action: "BUDGET_MAINTAIN", mode: "dryRun", at: 30),
        ]
        try await store.recordOptimizations(lines)
        let all = try await store.optimizationLog(campaign: nil, account: nil, page: PageRequest())
        #expect(all.total == 3)
        #expect(all.items == lines.reversed())
        let first = try await store.optimizationLog(
            campaign: campaigns[0].id, account: nil, page: PageRequest(limit: 1))
        #expect(first.total == 2 && first.items.map(\.action) == ["BUDGET_MAINTAIN"] && first.nextOffset == 1)
        let mine = try await store.optimizationLog(
            campaign: nil, account: campaigns[0].accountID, page: PageRequest(offset: 1))
        #expect(mine.total == 3 && mine.items.map(\.id) == [lines[1].id, lines[0].id])
        #expect(try await store.optimizationLog(campaign: nil, account: UUID(), page: PageRequest()).total == 0)

        let action = try await store.enqueueAction(
            ActionStoreTests.action(
                .budget(Budget(.daily, Money(minorUnits: 12_000, currency: .usd))), on: campaigns[0]))
        try await store.linkOptimizations([
            OptimizationActionLink(recordID: lines[0].id, actionID: action.id),
            OptimizationActionLink(recordID: lines[1].id, error: "campaign is archived"),
            OptimizationActionLink(recordID: UUID(), error: "no such line: ignored"),
        ])
        let linked = try await store.optimizationLog(campaign: nil, account: nil, page: PageRequest()).items
        #expect(linked.first { $0.id == lines[0].id }?.actionID == action.id)
        #expect(linked.first { $0.id == lines[1].id }?.actionError == "campaign is archived")
        #expect(linked.first { $0.id == lines[2].id }.map { $0.actionID == nil && $0.actionError == nil } == true)
    }

    @Test("a line for an unknown campaign is refused and none of its write is stored")
    func unknownCampaign() async throws {
        let (store, campaigns) = try await ActionStoreTests.launched()
        var orphan = Self.record(campaigns[0], at: 20)
        orphan.campaignID = UUID()
        await #expect(throws: StoreError.self) {
            try await store.recordOptimizations([Self.record(campaigns[0], at: 10), orphan])
        }
        #expect(try await store.optimizationLog(campaign: nil, account: nil, page: PageRequest()).total == 0)
    }

    @Test("campaigns are optimised by default, without bounds; settings are replaced and checked field by field")
    func settings() async throws {
        let (store, campaigns) = try await ActionStoreTests.launched(2)
        let ids = campaigns.map(\.id)
        let defaults = try await store.optimizationSettings(campaigns: ids + [UUID()])
        #expect(defaults.count == 2 && defaults.values.allSatisfy { $0 == .default })

        let bounded = CampaignOptimizationSettings(
            autoOptimize: false, minimumBudget: Money(minorUnits: 2_000, currency: .usd),
            maximumBudget: Money(minorUnits: 50_000, currency: .usd))
        #expect(try await store.setOptimizationSettings(bounded, campaign: ids[0]) == bounded)
        let read = try await store.optimizationSettings(campaigns: ids)
        #expect(read[ids[0]] == bounded && read[ids[1]] == .default)

        let euros = CampaignOptimizationSettings(maximumBudget: Money(minorUnits: 5_000, currency: .eur))
        let error = await #expect(throws: StoreError.self) {
            try await store.setOptimizationSettings(euros, campaign: ids[0])
        }
        #expect(error?.code == .conflict && error?.message.contains("maximumBudget is in EUR") == true)
        let inverted = CampaignOptimizationSettings(
            minimumBudget: Money(minorUnits: 9_000, currency: .usd),
            maximumBudget: Money(minorUnits: 1_000, currency: .usd))
        let invertedError = await #expect(throws: StoreError.self) {
            try await store.setOptimizationSettings(inverted, campaign: ids[0])
        }
        #expect(invertedError?.message.contains("minimumBudget") == true)
        #expect(try await store.optimizationSettings(campaigns: [ids[0]])[ids[0]] == bounded, "refusals change nothing")
        let missing = await #expect(throws: StoreError.self) {
            try await store.setOptimizationSettings(.default, campaign: UUID())
        }
        #expect(missing?.code == .notFound)
    }
}
