import AdPlatformKit
import AdPlatformTesting
import Foundation
import MockPlatforms
import Testing
import Trafficking

/// Campaigns launched on the Meta emulator, activated, and given a known delivery: the tests of the optimiser and
/// the rules start from these.
enum DeliveringCampaigns {
    /// The sample request on one country, ages 18–65+ and both genders: the emulator's reference audience, whose
    /// CPM is exactly the one set, so every count is a whole number.
    static func request(_ fixture: EngineFixture) throws -> TraffickingRequest {
        var request = try EngineFixture.disneyRequest(mock: fixture.mock)
        request.targeting.countries = ["US"]
        request.targeting.ageRange = AgeRange(minimum: 18, maximum: 65)
        return request
    }

    /// Launches one campaign on `account` through the worker, activates it, and gives both its ad sets
    /// `performance` from now on. The campaign's 200 a day is split between its two ad sets' ads: 100 each, spent
    /// in full (pacing 1). At a CPM of 10 that is 10,000 impressions an ad set a day, 200 clicks at 2%, and
    /// `200 × conversionRate` conversions.
    static func launch(
        on account: AdAccount, in fixture: EngineFixture, conversionRate: Double, valuePerConversionMicros: Int64
    ) async throws -> Campaign {
        let world = fixture.mock.mock.world
        let campaign = try await launchAndActivate(try request(fixture), on: account, in: fixture)
        let detail = try #require(try await fixture.store.campaignDetail(campaign.id))
        let adSets = detail.mappings.filter { $0.level == .adGroup }
        try #require(adSets.count == 2)
        for adSet in adSets {
            let entity = try #require(LifecycleActionTests.entity(adSet.platformID, on: .meta, in: fixture))
            try world.setPerformance(
                PerformanceTruth(
                    from: world.now, clickThroughRate: 0.02, conversionRate: conversionRate,
                    valuePerConversionMicros: valuePerConversionMicros, cpmMicros: 10_000_000, pacing: 1),
                platform: "meta", entityID: entity.id)
        }
        return try #require(try await fixture.store.campaign(campaign.id))
    }

    /// Launches `request` on `account` through the worker and activates the campaign; returns it.
    static func launchAndActivate(
        _ request: TraffickingRequest, on account: AdAccount, in fixture: EngineFixture
    ) async throws -> Campaign {
        let jobs = try await fixture.engine.submit(request, accounts: [account.id])
        let finished = try await fixture.runUntilOver(jobs)
        try #require(finished.first?.status == .success, "\(finished.first?.error?.description ?? "")")
        let campaign = try #require(try await fixture.store.campaign(job: jobs[0].id))
        let activated = try await LifecycleActionTests.run(
            try await LifecycleActionTests.request(.activate, on: campaign, in: fixture), in: fixture)
        try #require(activated.status == .done, "\(activated.error?.description ?? "")")
        return campaign
    }
}
