import AdPlatformKit
import Foundation
import GoogleAds
import MetaAds
import Testing

@testable import Trafficking

/// The planner refuses what a platform cannot do before any call, and orders the changes it plans.
@Suite("Lifecycle action planning")
struct ActionPlannerTests {
    static let campaignID = UUID()

    /// A launched campaign with one campaign, two ad groups and an ad under each, all paused.
    static func detail(budget: Budget = Budget(.daily, Money(minorUnits: 20_000, currency: .usd))) -> CampaignDetail {
        let now = StoreFixtures.epoch
        func mapping(_ level: EntityKind, _ id: String, parent: String?, step: String) -> EntityMapping {
            EntityMapping(
                campaignID: campaignID, level: level, platformID: id, parentPlatformID: parent, name: "\(id) [ao-x]",
                stepKey: step, lastSeenStatus: .paused, lastSeenBudget: level == .campaign ? budget : nil,
                lastSeenAt: now)
        }
        let campaign = Campaign(
            id: campaignID, jobID: UUID(), batchID: UUID(), ticket: nil, platform: .meta, accountID: UUID(),
            name: "Spring", objective: .conversions, status: .paused, budget: budget,
            schedule: Schedule(start: now, end: now.addingTimeInterval(10 * 86_400)), platformCampaignID: "c1",
            createdAt: now, updatedAt: now)
        return CampaignDetail(
            campaign: campaign,
            mappings: [
                mapping(.campaign, "c1", parent: "act_1", step: "campaign"),
                mapping(.adGroup, "g1", parent: "c1", step: "adGroup/families"),
                mapping(.adGroup, "g2", parent: "c1", step: "adGroup/students"),
                mapping(.media, "hash1", parent: nil, step: "media/hero/0"),
                mapping(.creative, "cr1", parent: "act_1", step: "ad/0/families/hero"),
                mapping(.ad, "a1", parent: "g1", step: "ad/0/families/hero"),
                mapping(.ad, "a2", parent: "g2", step: "ad/1/students/hero"),
            ], creativeVersions: [])
    }

    /// Capabilities like TikTok's: budgets on ad groups, at least 20 a day.
    static let groupBudgets: PlatformCapabilities = {
        var capabilities = MetaCapabilities.capabilities
        capabilities.platform = .tiktok
        capabilities.displayName = "TikTok"
        capabilities.hierarchy = EntityHierarchy([
            .init(.campaign, "campaign"), .init(.adGroup, "ad group"), .init(.ad, "ad"),
        ])
        capabilities.budget = BudgetRules(
            unit: .majorUnits, placement: .adGroup, dailyMinimumMicros: 20_000_000, minimumSource: "test")
        return capabilities
    }()

    static func planner(
        _ capabilities: PlatformCapabilities = MetaCapabilities.capabilities, status: Bool = true, budget: Bool = true
    ) -> ActionPlanner {
        ActionPlanner(capabilities: capabilities, canChangeStatus: status, canChangeBudget: budget)
    }

    static func request(
        _ kind: ActionKind, level: ActionLevel = .campaign, entities: [String] = []
    ) -> ActionRequest {
        ActionRequest(campaignID: campaignID, kind: kind, level: level, entityIDs: entities, requestedBy: "test")
    }

    static func usd(_ text: String, _ period: Budget.Period = .daily) throws -> Budget {
        Budget(period, try Money(decimal: text, currency: .usd))
    }

    @Test("activation walks bottom-up: ads, ad groups, then the campaign, with the old values we hold")
    func activationOrder() throws {
        let steps = try Self.planner().plan(
            Self.request(.activate), detail: Self.detail(), launch: nil, currency: .usd)
        #expect(steps.map(\.platformID) == ["a1", "a2", "g1", "g2", "c1"])
        #expect(steps.map(\.position) == Array(0..<5))
        #expect(steps.allSatisfy { $0.newValue == .status(.active) && $0.oldValue == .status(.paused) })
        #expect(steps.allSatisfy { $0.oldValueSource == .records && $0.state == .pending })
        let group = try Self.planner().plan(
            Self.request(.activate, level: .adGroup, entities: ["g2"]), detail: Self.detail(), launch: nil,
            currency: .usd)
        #expect(group.map(\.platformID) == ["a2", "g2"])
        #expect(group.first?.parentPlatformID == "g2")
    }

    @Test("pause and resume change their targets only; every entity of the level by default")
    func pauseTargetsOnly() throws {
        let planner = Self.planner()
        let campaign = try planner.plan(Self.request(.pause), detail: Self.detail(), launch: nil, currency: .usd)
        #expect(campaign.map(\.platformID) == ["c1"] && campaign.first?.newValue == .status(.paused))
        let groups = try planner.plan(
            Self.request(.resume, level: .adGroup), detail: Self.detail(), launch: nil, currency: .usd)
        #expect(groups.map(\.platformID) == ["g1", "g2"])
        let ads = try planner.plan(
            Self.request(.pause, level: .ad, entities: ["a2", "a2"]), detail: Self.detail(), launch: nil,
            currency: .usd)
        #expect(ads.map(\.platformID) == ["a2"])
    }

    @Test("a module without the ability is refused, naming the platform and the capability")
    func missingAbility() throws {
        let error = #expect(throws: ActionError.self) {
            try Self.planner(status: false).plan(
                Self.request(.pause), detail: Self.detail(), launch: nil, currency: .usd)
        }
        #expect(error?.kind == .unsupported)
        #expect(error?.message.contains("Meta") == true && error?.message.contains("StatusChanging") == true)
        let budget = #expect(throws: ActionError.self) {
            try Self.planner(budget: false).plan(
                Self.request(.budget(try Self.usd("50.00"))), detail: Self.detail(), launch: nil, currency: .usd)
        }
        #expect(budget?.message.contains("BudgetChanging") == true)
    }

    @Test("what the platform's lifecycle capability data refuses is refused before any call, naming the capability")
    func capabilityData() throws {
        var capabilities = MetaCapabilities.capabilities
        capabilities.lifecycle.ad.statusActions.remove(.pause)
        let error = #expect(throws: ActionError.self) {
            try Self.planner(capabilities).plan(
                Self.request(.pause, level: .ad), detail: Self.detail(), launch: nil, currency: .usd)
        }
        #expect(error?.kind == .unsupported)
        #expect(error?.violations.first?.fieldPath == "status")
        #expect(error?.violations.first?.limit?.contains("pause") == true, "\(String(describing: error))")
        #expect(error?.message.contains("Meta cannot pause") == true, "\(String(describing: error))")
        // The campaign level still takes it.
        #expect(
            try Self.planner(capabilities).plan(
                Self.request(.pause), detail: Self.detail(), launch: nil, currency: .usd
            )
            .count == 1)
    }

    @Test("a budget where the platform holds none is refused, naming the level it does hold them at")
    func budgetPlacement() throws {
        let meta = #expect(throws: ActionError.self) {
            try Self.planner().plan(
                Self.request(.budget(try Self.usd("50.00")), level: .adGroup), detail: Self.detail(), launch: nil,
                currency: .usd)
        }
        #expect(meta?.kind == .unsupported)
        #expect(meta?.violations.first?.fieldPath == "level" && meta?.violations.first?.limit == "campaign")
        #expect(meta?.message.contains("Meta holds budgets on the campaign, not the ad set") == true)
        let tiktok = #expect(throws: ActionError.self) {
            try Self.planner(Self.groupBudgets).plan(
                Self.request(.budget(try Self.usd("50.00"))), detail: Self.detail(), launch: nil, currency: .usd)
        }
        #expect(tiktok?.violations.first?.limit == "adGroup")
    }

    @Test("a budget under the minimum gives the limit; one the unit cannot express, or in another currency, is refused")
    func budgetRules() throws {
        let low = #expect(throws: ActionError.self) {
            try Self.planner(Self.groupBudgets).plan(
                Self.request(.budget(try Self.usd("19.99")), level: .adGroup), detail: Self.detail(), launch: nil,
                currency: .usd)
        }
        #expect(low?.kind == .budgetBelowMinimum)
        #expect(low?.violations.first?.limit == "at least 20.00 USD")
        #expect(low?.violations.first?.fieldPath == "budget.amount")
        let lifetime = #expect(throws: ActionError.self) {
            try Self.planner(Self.groupBudgets).plan(
                Self.request(.budget(try Self.usd("150.00", .lifetime)), level: .adGroup), detail: Self.detail(),
                launch: nil, currency: .usd)
        }
        #expect(lifetime?.violations.first?.limit == "at least 200.00 USD", "10 days at 20 a day")
        let google = #expect(throws: ActionError.self) {
            try Self.planner(GoogleCapabilities.capabilities).plan(
                Self.request(.budget(try Self.usd("150.00", .lifetime))), detail: Self.detail(), launch: nil,
                currency: .usd)
        }
        #expect(google?.violations.first?.fieldPath == "budget.period")
        let twd = try Currency(code: "TWD").map { Budget(.daily, try Money(decimal: "100.50", currency: $0)) }
        let inexact = #expect(throws: ActionError.self) {
            try Self.planner().plan(
                Self.request(.budget(try #require(twd))), detail: Self.detail(), launch: nil,
                currency: try #require(Currency(code: "TWD")))
        }
        #expect(inexact?.kind == .invalidBudget)
        let euros = #expect(throws: ActionError.self) {
            try Self.planner().plan(
                Self.request(.budget(Budget(.daily, Money(minorUnits: 5_000, currency: .eur)))),
                detail: Self.detail(), launch: nil, currency: .usd)
        }
        #expect(euros?.violations.first?.fieldPath == "budget.currency")
    }

    @Test("ad group budgets take the launch's shares as old values where none was seen")
    func groupBudgetOldValues() throws {
        let request = try StoreFixtures.request()
        var launch = request
        launch.adGroups = [
            AdGroupDefinition(key: "families", name: "Families"), AdGroupDefinition(key: "students", name: "Students"),
        ]
        launch.budget = try Self.usd("100.00")
        let new = try Self.usd("60.00")
        let steps = try Self.planner(Self.groupBudgets).plan(
            Self.request(.budget(new), level: .adGroup), detail: Self.detail(), launch: launch, currency: .usd)
        #expect(steps.map(\.oldValue) == [.budget(try Self.usd("50.00")), .budget(try Self.usd("50.00"))])
        #expect(steps.allSatisfy { $0.newValue == .budget(new) })
    }

    @Test("unknown targets are refused with each field; a campaign without entities is refused")
    func targets() throws {
        let unknown = #expect(throws: ActionError.self) {
            try Self.planner().plan(
                Self.request(.pause, level: .adGroup, entities: ["g1", "nope", "zzz"]), detail: Self.detail(),
                launch: nil, currency: .usd)
        }
        #expect(unknown?.kind == .unknownEntity)
        #expect(unknown?.violations.map(\.fieldPath) == ["entityIDs[1]", "entityIDs[2]"])
        var empty = Self.detail()
        empty.mappings = []
        let none = #expect(throws: ActionError.self) {
            try Self.planner().plan(Self.request(.pause), detail: empty, launch: nil, currency: .usd)
        }
        #expect(none?.kind == .noEntities)
    }
}
