import AdPlatformKit
import Foundation
import GoogleAds
import MetaAds
import Testing

@testable import Trafficking

extension ActionPlannerTests {
    /// A Meta planner with every ability: status, budget, bid, targeting and archive.
    static func fullPlanner(_ capabilities: PlatformCapabilities = MetaCapabilities.capabilities) -> ActionPlanner {
        ActionPlanner(
            capabilities: capabilities, canChangeStatus: true, canChangeBudget: true, canChangeBid: true,
            canChangeTargeting: true, canArchive: true)
    }

    static func plan(_ planner: ActionPlanner, _ request: ActionRequest) throws(ActionError) -> [ActionStep] {
        try planner.plan(request, detail: detail(), launch: nil, currency: .usd)
    }

    @Test("a bid is set on each ad group the platform holds bids on, its old value read from the platform later")
    func bidSteps() throws {
        let bid = BidStrategy.costCap(try Money(decimal: "12.00", currency: .usd))
        let steps = try Self.plan(Self.fullPlanner(), Self.request(.bid(bid), level: .adGroup))
        #expect(steps.map(\.platformID) == ["g1", "g2"])
        #expect(steps.allSatisfy { $0.newValue == .bid(bid) && $0.oldValue == nil && $0.field == "bid" })
        let google = try Self.plan(
            Self.fullPlanner(GoogleCapabilities.capabilities),
            Self.request(.bid(.targetROAS(ReturnOnAdSpend(basisPoints: 25_000)))))
        #expect(google.map(\.platformID) == ["c1"], "Google holds bidding strategies on campaigns too")
    }

    @Test("a bid the platform cannot take is refused before any call, naming the platform and the capability")
    func bidRefusals() throws {
        let cap = BidStrategy.bidCap(try Money(decimal: "1.50", currency: .usd))
        let campaign = #expect(throws: ActionError.self) {
            try Self.plan(Self.fullPlanner(), Self.request(.bid(cap)))
        }
        #expect(campaign?.kind == .unsupported && campaign?.violations.first?.fieldPath == "bid")
        #expect(campaign?.violations.first?.limit == "bid.bidCap")
        #expect(
            campaign?.message.contains("Meta cannot set a bidCap bid on a campaign") == true,
            "\(String(describing: campaign))")
        let roas = #expect(throws: ActionError.self) {
            try Self.plan(
                Self.fullPlanner(),
                Self.request(.bid(.targetROAS(ReturnOnAdSpend(basisPoints: 20_000))), level: .adGroup))
        }
        #expect(roas?.kind == .unsupported && roas?.message.contains("bid.targetROAS") == true)
        let zero = #expect(throws: ActionError.self) {
            try Self.plan(
                Self.fullPlanner(), Self.request(.bid(.bidCap(Money(minorUnits: 0, currency: .usd))), level: .adGroup))
        }
        #expect(zero?.kind == .bidBelowMinimum && zero?.violations.first?.fieldPath == "bid.amount")
        #expect(zero?.violations.first?.limit == "at least 0.01 USD")
        let euros = #expect(throws: ActionError.self) {
            try Self.plan(
                Self.fullPlanner(), Self.request(.bid(.bidCap(Money(minorUnits: 150, currency: .eur))), level: .adGroup)
            )
        }
        #expect(euros?.kind == .invalidBid && euros?.violations.first?.fieldPath == "bid.currency")
        let noAbility = #expect(throws: ActionError.self) {
            try Self.plan(Self.planner(), Self.request(.bid(cap), level: .adGroup))
        }
        #expect(noAbility?.kind == .unsupported && noAbility?.message.contains("BidChanging") == true)
    }

    @Test("targeting: the fields a level holds are planned; others, bad values and empty changes are refused")
    func targeting() throws {
        let change = TargetingChange(
            countries: ["ca"], ageRange: AgeRange(minimum: 25, maximum: 44), genders: [.female])
        let steps = try Self.plan(Self.fullPlanner(), Self.request(.targeting(change), level: .adGroup))
        #expect(steps.map(\.platformID) == ["g1", "g2"] && steps.allSatisfy { $0.newValue == .targeting(change) })

        let google = Self.fullPlanner(GoogleCapabilities.capabilities)
        let countries = #expect(throws: ActionError.self) {
            try Self.plan(google, Self.request(.targeting(TargetingChange(countries: ["US"])), level: .adGroup))
        }
        #expect(countries?.kind == .unsupported && countries?.violations.first?.fieldPath == "targeting.countries")
        #expect(countries?.message.contains("Google") == true && countries?.message.contains("campaign") == true)
        #expect(try Self.plan(google, Self.request(.targeting(TargetingChange(countries: ["US"])))).count == 1)

        let old = #expect(throws: ActionError.self) {
            try Self.plan(
                Self.fullPlanner(),
                Self.request(.targeting(TargetingChange(ageRange: AgeRange(minimum: 10, maximum: 30))), level: .adGroup)
            )
        }
        #expect(old?.kind == .invalidTargeting && old?.violations.first?.fieldPath == "targeting.ageRange")
        let code = #expect(throws: ActionError.self) {
            try Self.plan(
                Self.fullPlanner(), Self.request(.targeting(TargetingChange(countries: ["US", "XX"])), level: .adGroup))
        }
        #expect(code?.kind == .invalidTargeting && code?.violations.first?.fieldPath == "targeting.countries[1]")
        let empty = #expect(throws: ActionError.self) {
            try Self.plan(Self.fullPlanner(), Self.request(.targeting(TargetingChange()), level: .adGroup))
        }
        #expect(empty?.kind == .invalidTargeting && empty?.violations.first?.fieldPath == "targeting")
        let noAbility = #expect(throws: ActionError.self) {
            try Self.plan(Self.planner(), Self.request(.targeting(change), level: .adGroup))
        }
        #expect(noAbility?.message.contains("TargetingChanging") == true)
    }

    @Test("archive: planned on platforms with an archived state; refused with the platform's explanation elsewhere")
    func archive() throws {
        let steps = try Self.plan(Self.fullPlanner(), Self.request(.archive))
        #expect(steps.map(\.platformID) == ["c1"])
        #expect(steps.first?.newValue == .archived && steps.first?.oldValue == .status(.paused))
        #expect(steps.first?.summary == "campaign c1: status PAUSED → ARCHIVED")

        var tiktok = Self.groupBudgets
        tiktok.lifecycle.campaign.statusActions.remove(.archive)
        tiktok.lifecycle.archive = .unsupported("TikTok has no archived state")
        let refused = #expect(throws: ActionError.self) {
            try Self.plan(Self.fullPlanner(tiktok), Self.request(.archive))
        }
        #expect(refused?.kind == .unsupported && refused?.violations.first?.fieldPath == "status")
        #expect(refused?.violations.first?.limit == "status.archive")
        #expect(refused?.message.contains("TikTok cannot archive a campaign: TikTok has no archived state") == true)
        let module = #expect(throws: ActionError.self) {
            try Self.plan(Self.planner(), Self.request(.archive))
        }
        #expect(module?.message.contains("Archiving") == true, "Meta declares ARCHIVED, so only the module lacks it")
    }

    @Test(
        "kinds and values round-trip through JSON in the budget's shape",
        arguments: [
            ActionKind.archive, .pause, .bid(.automatic), .bid(.bidCap(Money(minorUnits: 150, currency: .usd))),
            .bid(.costCap(Money(minorUnits: 1_200, currency: .usd))),
            .bid(.targetROAS(ReturnOnAdSpend(basisPoints: 25_000))),
            .targeting(TargetingChange(countries: ["US", "CA"], ageRange: AgeRange(minimum: 25, maximum: 44))),
            .targeting(TargetingChange(genders: [])), .budget(Budget(.daily, Money(minorUnits: 5_000, currency: .usd))),
        ])
    func codable(kind: ActionKind) throws {
        let data = try JSONEncoder().encode(kind)
        #expect(try JSONDecoder().decode(ActionKind.self, from: data) == kind)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["type"] as? String == kind.name)
        let value = kind.newValue
        #expect(try JSONDecoder().decode(ActionValue.self, from: try JSONEncoder().encode(value)) == value)
    }

    @Test("the JSON of bid, targeting and archive actions and of the archived value")
    func encodings() throws {
        let bid = try JSONDecoder().decode(
            ActionKind.self,
            from: Data(#"{"type":"bid","bid":{"strategy":"costCap","amount":"12.00","currency":"USD"}}"#.utf8))
        #expect(bid == .bid(.costCap(Money(minorUnits: 1_200, currency: .usd))))
        let targeting = try JSONDecoder().decode(
            ActionKind.self,
            from: Data(#"{"type":"targeting","targeting":{"ageRange":{"min":18,"max":34},"genders":["male"]}}"#.utf8))
        #expect(
            targeting == .targeting(TargetingChange(ageRange: AgeRange(minimum: 18, maximum: 34), genders: [.male])))
        #expect(try JSONDecoder().decode(ActionKind.self, from: Data(#"{"type":"archive"}"#.utf8)) == .archive)
        #expect(
            String(decoding: try JSONEncoder().encode(ActionValue.archived), as: UTF8.self) == #"{"status":"ARCHIVED"}"#
        )
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ActionKind.self, from: Data(#"{"type":"delete"}"#.utf8))
        }
    }
}
