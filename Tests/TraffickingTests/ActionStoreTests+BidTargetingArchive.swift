import AdPlatformKit
import Foundation
import Testing

@testable import Trafficking

extension ActionStoreTests {
    @Test("bid, targeting and archive actions are stored and read back with their values, old and new")
    func storeNewKinds() async throws {
        let (store, campaigns) = try await Self.launched()
        let bid = BidStrategy.costCap(Money(minorUnits: 1_200, currency: .usd))
        let change = TargetingChange(countries: ["US", "CA"], ageRange: AgeRange(minimum: 25, maximum: 44))
        for kind in [ActionKind.bid(bid), .targeting(change), .bid(.targetROAS(ReturnOnAdSpend(basisPoints: 30_000)))] {
            let stored = try await store.enqueueAction(Self.action(kind, on: campaigns[0], steps: [(.adGroup, "g1")]))
            #expect(stored.kind == kind)
            #expect(try await store.action(stored.id)?.steps.first?.newValue == kind.newValue)
            #expect(try await store.actionLog(stored.id).first?.message.contains("asked to \(kind)") == true)
        }
        let archive = try await store.enqueueAction(Self.action(.archive, on: campaigns[0]))
        #expect(try await store.action(archive.id)?.kind == .archive)
        #expect(try await store.action(archive.id)?.steps.first?.newValue == .archived)
    }

    @Test("an old bid or targeting recorded before the call is kept with the step")
    func oldValues() async throws {
        let (store, campaigns) = try await Self.launched()
        let action = try await store.enqueueAction(
            Self.action(.bid(.automatic), on: campaigns[0], steps: [(.adGroup, "g1")]))
        _ = try await store.claimActions(owner: "w", limit: 1, lease: Self.lease, now: Self.later)
        let old = ActionValue.bid(.bidCap(Money(minorUnits: 250, currency: .usd)))
        #expect(
            try await store.startActionStep(
                action.id, owner: "w", position: 0, oldValue: old, source: .platform, records: .none))
        #expect(try await store.action(action.id)?.steps.first?.oldValue == old)
        #expect(
            try await store.action(action.id)?.steps.first?.summary == "adGroup g1: bid bidCap 2.50 USD → automatic")
    }

    @Test("a done archive of the campaign makes it archived, and its mapping removed, in the same write")
    func archiveFinish() async throws {
        let (store, campaigns) = try await Self.launched()
        let campaign = campaigns[0]
        let archive = try await store.enqueueAction(Self.action(.archive, on: campaign))
        _ = try await store.claimActions(owner: "w", limit: 1, lease: Self.lease, now: Self.later)
        _ = try await store.startActionStep(
            archive.id, owner: "w", position: 0, oldValue: .status(.paused), source: .platform, records: .none)
        _ = try await store.completeActionStep(
            archive.id, owner: "w", position: 0, response: "HTTP 200", records: .none)
        try await store.finishAction(archive.id, owner: "w", outcome: .done, records: .none)
        let detail = try #require(try await store.campaignDetail(campaign.id))
        #expect(detail.campaign.status == .archived)
        #expect(detail.mappings.first { $0.level == .campaign }?.lastSeenStatus == .removed)
        let archived = try await store.campaigns(CampaignFilter(status: .archived), page: PageRequest())
        #expect(archived.items.map(\.id) == [campaign.id])
    }
}
