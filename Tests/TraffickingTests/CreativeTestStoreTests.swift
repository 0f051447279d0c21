import AdPlatformKit
import Foundation
import Testing

@testable import Trafficking

/// Creative tests are stored with every ad's figures and standing, listed newest first per campaign, and take the
/// pause requested for each loser or why it was refused.
@Suite("Creative tests in the store")
struct CreativeTestStoreTests {
    static func record(_ campaign: Campaign, mode: String = "apply", at seconds: TimeInterval) -> CreativeTestRecord {
        let at = StoreFixtures.epoch.addingTimeInterval(seconds)
        return CreativeTestRecord(
            id: .timeOrdered(at: at), runID: .timeOrdered(at: at), campaignID: campaign.id,
            accountID: campaign.accountID, platform: campaign.platform, adGroupID: "g1", adGroupName: "Families",
            metric: "clickThroughRate", mode: mode, since: "2027-01-01", until: "2027-01-05", leaderAdID: "a2",
            winnerAdID: "a2", threshold: 0.05, sampleNeededPerArm: 0, summary: "winner a2",
            arms: [
                CreativeTestArmRecord(
                    adID: "a1", adName: "Hero", impressions: 5000, clicks: 100, conversions: 10, rate: 0.02,
                    z: 5.86, pValue: 4.6e-9, status: "LOSER"),
                CreativeTestArmRecord(
                    adID: "a2", adName: nil, impressions: 5000, clicks: 200, conversions: 20, rate: 0.04, z: nil,
                    pValue: nil, status: "WINNER", note: nil),
            ],
            createdAt: at)
    }

    @Test("tests round-trip with their arms in order, newest first per campaign, paged; losers take their pause")
    func roundTrip() async throws {
        let (store, campaigns) = try await ActionStoreTests.launched(2)
        var keepTesting = Self.record(campaigns[0], mode: "dryRun", at: 30)
        keepTesting.winnerAdID = nil
        keepTesting.sampleNeededPerArm = nil
        keepTesting.arms[0].status = "TESTING"
        keepTesting.arms[1].status = "TESTING"
        let tests = [Self.record(campaigns[0], at: 10), Self.record(campaigns[1], at: 20), keepTesting]
        try await store.recordCreativeTests(tests)

        let first = try await store.creativeTests(campaign: campaigns[0].id, page: PageRequest())
        #expect(first.total == 2 && first.items == [tests[2], tests[0]])
        let page = try await store.creativeTests(campaign: campaigns[0].id, page: PageRequest(limit: 1, offset: 1))
        #expect(page.items == [tests[0]] && page.nextOffset == nil && page.total == 2)
        #expect(try await store.creativeTests(campaign: UUID(), page: PageRequest()).total == 0)

        let action = try await store.enqueueAction(
            ActionStoreTests.action(.pause, on: campaigns[0], steps: [(.ad, "a1")]))
        try await store.linkCreativeTests([
            CreativeTestActionLink(testID: tests[0].id, adID: "a1", actionID: action.id),
            CreativeTestActionLink(testID: tests[1].id, adID: "a1", error: "campaign is archived"),
            CreativeTestActionLink(testID: UUID(), adID: "a1", error: "no such test: ignored"),
        ])
        let linked = try await store.creativeTests(campaign: campaigns[0].id, page: PageRequest()).items
        #expect(linked.last?.arms.first?.actionID == action.id && linked.last?.actionIDs == [action.id])
        #expect(linked.first?.arms.allSatisfy { $0.actionID == nil && $0.actionError == nil } == true)
        let refused = try await store.creativeTests(campaign: campaigns[1].id, page: PageRequest()).items
        #expect(refused.first?.arms.first?.actionError == "campaign is archived")
    }

    @Test("a test of an unknown campaign is refused and none of its write is stored")
    func unknownCampaign() async throws {
        let (store, campaigns) = try await ActionStoreTests.launched()
        var orphan = Self.record(campaigns[0], at: 20)
        orphan.campaignID = UUID()
        await #expect(throws: StoreError.self) {
            try await store.recordCreativeTests([Self.record(campaigns[0], at: 10), orphan])
        }
        #expect(try await store.creativeTests(campaign: campaigns[0].id, page: PageRequest()).total == 0)
    }
}
