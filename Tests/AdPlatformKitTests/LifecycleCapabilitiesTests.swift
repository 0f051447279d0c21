import AdPlatformKit
import Foundation
import Testing

/// The capability data the engine refuses lifecycle actions from, before any call.
@Suite("Lifecycle capabilities")
struct LifecycleCapabilitiesTests {
    /// A social platform: bids and targeting on squads, archive refused, ages 13–50, three countries.
    static let social: PlatformCapabilities = {
        var capabilities = TestCapabilities.social
        capabilities.lifecycle = LifecycleCapabilities(
            campaign: .init(statusActions: [.activate, .pause, .resume, .remove]),
            adGroup: .init(
                statusActions: [.activate, .pause, .resume, .remove], budgetPeriods: [.daily],
                bidStrategies: [.automatic, .bidCap], targetingFields: [.countries, .ageRange, .genders]),
            ad: .init(statusActions: [.activate, .pause]),
            archive: .unsupported("SocialAds deletes instead of archiving"),
            ageLimits: AgeRange(minimum: 13, maximum: 50), countries: ["US", "CA", "GB"],
            notes: ["bid.costCap": "squads here take max bids only"])
        return capabilities
    }()

    static let usd = Currency.usd

    @Test(
        "supported actions pass",
        arguments: [
            (LifecycleChange.status(.pause), EntityKind.campaign),
            (.status(.resume), .adGroup),
            (.budget(Budget(.daily, Money(minorUnits: 500, currency: usd))), .adGroup),
            (.bid(.bidCap(Money(minorUnits: 150, currency: usd))), .adGroup),
            (.bid(.automatic), .adGroup),
            (
                .targeting(TargetingChange(countries: ["us", "GB"], ageRange: AgeRange(minimum: 13, maximum: 50))),
                .adGroup
            ),
            (.targeting(TargetingChange(genders: [])), .adGroup),
        ])
    func supported(action: LifecycleChange, level: EntityKind) {
        #expect(Self.social.lifecycleRefusal(for: action, at: level) == nil)
    }

    @Test(
        "unsupported actions are refused naming the platform, the level and the capability",
        arguments: [
            (LifecycleChange.status(.archive), EntityKind.campaign, "status.archive", "deletes instead of archiving"),
            (.status(.remove), .ad, "status.remove", "not supported at this level"),
            (
                .budget(Budget(.lifetime, Money(minorUnits: 5_000, currency: usd))), .adGroup, "budget.lifetime",
                "only daily budgets"
            ),
            (
                .budget(Budget(.daily, Money(minorUnits: 5_000, currency: usd))), .campaign, "budget.daily",
                "budgets sit on the squad"
            ),
            (.bid(.costCap(Money(minorUnits: 900, currency: usd))), .adGroup, "bid.costCap", "max bids only"),
            (.bid(.targetROAS(ReturnOnAdSpend(basisPoints: 20_000))), .campaign, "bid.targetROAS", "not supported"),
            (
                .targeting(TargetingChange(countries: ["US"])), .campaign, "targeting.countries",
                "holds countries on the squad"
            ),
            (.targeting(TargetingChange(countries: ["FR"])), .adGroup, "targeting.countries", "knows CA, GB, US"),
            (.status(.pause), .creative, "status.pause", "only campaigns, ad groups and ads"),
        ])
    func refused(action: LifecycleChange, level: EntityKind, capability: String, why: String) throws {
        let refusal = try #require(Self.social.lifecycleRefusal(for: action, at: level))
        #expect(refusal.reason == .unsupported)
        #expect(refusal.capability == capability)
        #expect(refusal.platform == "socialads" && refusal.level == level)
        #expect(refusal.message.contains("SocialAds"), "\(refusal.message)")
        #expect(refusal.message.contains(capability), "\(refusal.message)")
        #expect(refusal.message.contains(why), "\(refusal.message)")
        let error = refusal.error(operation: "lifecycle")
        #expect(error.code == .unsupported && error.platform == "socialads" && error.fieldPath != nil)
    }

    @Test(
        "impossible values are refused with the field and the limit",
        arguments: [
            (
                LifecycleChange.targeting(TargetingChange(ageRange: AgeRange(minimum: 10, maximum: 20))),
                "targeting.ageRange", "13 to 50"
            ),
            (
                .targeting(TargetingChange(ageRange: AgeRange(minimum: 40, maximum: 30))), "targeting.ageRange",
                "minimum above its maximum"
            ),
            (.targeting(TargetingChange(countries: [])), "targeting.countries", "at least one country"),
            (.targeting(TargetingChange(countries: ["US", "XX"])), "targeting.countries[1]", "'XX'"),
            (.targeting(TargetingChange()), "targeting", "must give"),
            (.bid(.bidCap(Money(minorUnits: 0, currency: usd))), "bid.amount", "above zero"),
            (.budget(Budget(.daily, Money(minorUnits: -1, currency: usd))), "budget.amount", "above zero"),
        ])
    func invalidValues(action: LifecycleChange, fieldPath: String, limit: String) throws {
        let refusal = try #require(Self.social.lifecycleRefusal(for: action, at: .adGroup))
        #expect(refusal.reason == .invalidValue)
        #expect(refusal.fieldPath == fieldPath)
        #expect(refusal.message.contains(limit), "\(refusal.message)")
        #expect(refusal.error(operation: "lifecycle").code == .invalidParameter)
    }

    @Test("a daily budget below the minimum where budgets sit is budgetTooLow, naming the minimum")
    func budgetMinimum() throws {
        let refusal = try #require(
            Self.social.lifecycleRefusal(
                for: .budget(Budget(.daily, Money(minorUnits: 499, currency: Self.usd))), at: .adGroup))
        #expect(refusal.reason == .budgetTooLow && refusal.fieldPath == "budget.amount")
        #expect(refusal.message.contains("5.00 USD"), "\(refusal.message)")
        #expect(refusal.error(operation: "setBudget").code == .budgetTooLow)
    }

    @Test("checkLifecycle throws the refusal as an AdPlatformError and passes what is possible")
    func check() throws {
        #expect(throws: AdPlatformError.self) {
            try Self.social.checkLifecycle(.status(.archive), at: .adGroup, operation: "archive")
        }
        try Self.social.checkLifecycle(.status(.pause), at: .adGroup, operation: "setStatus")
    }

    @Test("notes can differ per level")
    func levelNotes() {
        var capabilities = Self.social
        capabilities.lifecycle.notes["campaign.bid.bidCap"] = "campaigns bid through their squads"
        let campaign = capabilities.lifecycleRefusal(
            for: .bid(.bidCap(Money(minorUnits: 1, currency: Self.usd))), at: .campaign)
        #expect(campaign?.message.contains("campaigns bid through their squads") == true)
    }

    @Test("a platform that declares nothing gets status changes and budgets where they sit, nothing more")
    func basicDefault() {
        let search = TestCapabilities.search
        #expect(search.lifecycle.campaign.statusActions == [.activate, .pause, .resume, .remove])
        #expect(search.lifecycle.campaign.budgetPeriods == [.daily])
        #expect(search.lifecycle.adGroup.budgetPeriods.isEmpty)
        #expect(search.lifecycle.adGroup.bidStrategies.isEmpty && search.lifecycle.adGroup.targetingFields.isEmpty)
        #expect(search.lifecycle.archive.kind == .unsupported)
        #expect(search.lifecycleRefusal(for: .status(.archive), at: .campaign) != nil)
    }

    @Test("status actions map to delivery statuses; archive goes through Archiving")
    func statusActions() {
        #expect(StatusAction.activate.deliveryStatus == .active && StatusAction.resume.deliveryStatus == .active)
        #expect(StatusAction.pause.deliveryStatus == .paused && StatusAction.remove.deliveryStatus == .removed)
        #expect(StatusAction.archive.deliveryStatus == nil)
    }
}

@Suite("Bid strategies and targeting changes")
struct BidStrategyTests {
    @Test(
        "ROAS parses exactly in basis points",
        arguments: [("2.5", Int64(25_000), "2.5"), ("3", 30_000, "3"), ("0.0125", 125, "0.0125"), (".5", 5_000, "0.5")])
    func roas(text: String, basisPoints: Int64, printed: String) throws {
        let roas = try ReturnOnAdSpend(decimal: text)
        #expect(roas.basisPoints == basisPoints && roas.decimalString == printed)
    }

    @Test("ROAS text that is not exact or not a number is rejected", arguments: ["2.00001", "two", "", "-1", "1e2"])
    func roasRejects(text: String) {
        #expect(throws: MoneyError.self) { try ReturnOnAdSpend(decimal: text) }
    }

    @Test(
        "bid strategies round-trip through JSON",
        arguments: [
            BidStrategy.automatic, .bidCap(Money(minorUnits: 150, currency: .usd)),
            .costCap(Money(minorUnits: 1200, currency: .jpy)), .targetROAS(ReturnOnAdSpend(basisPoints: 25_000)),
        ])
    func codable(bid: BidStrategy) throws {
        let data = try JSONEncoder().encode(bid)
        #expect(try JSONDecoder().decode(BidStrategy.self, from: data) == bid)
    }

    @Test("a bid decodes from the API's shape, naming a bad strategy")
    func decodesShape() throws {
        let json = Data(#"{"strategy":"costCap","amount":"12.00","currency":"USD"}"#.utf8)
        #expect(
            try JSONDecoder().decode(BidStrategy.self, from: json) == .costCap(Money(minorUnits: 1200, currency: .usd)))
        let roas = Data(#"{"strategy":"targetROAS","roas":2.5}"#.utf8)
        #expect(
            try JSONDecoder().decode(BidStrategy.self, from: roas) == .targetROAS(ReturnOnAdSpend(basisPoints: 25_000)))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(BidStrategy.self, from: Data(#"{"strategy":"maxClicks"}"#.utf8))
        }
    }

    @Test("a targeting change replaces only the fields it gives")
    func applied() {
        let before = Targeting(
            countries: ["US"], ageRange: AgeRange(minimum: 18, maximum: 49), genders: [.female], interests: ["Film"])
        let after = TargetingChange(countries: ["ca", "gb"]).applied(to: before)
        #expect(after.countries == ["CA", "GB"] && after.ageRange == before.ageRange && after.genders == [.female])
        #expect(after.interests == ["Film"])
        #expect(TargetingChange(genders: []).applied(to: before).genders.isEmpty)
        #expect(TargetingChange(countries: ["US"], genders: []).fields == [.countries, .genders])
        #expect(TargetingChange().isEmpty)
    }

    @Test("a targeting change decodes with only the fields given")
    func decodesChange() throws {
        let change = try JSONDecoder().decode(
            TargetingChange.self, from: Data(#"{"ageRange":{"min":25,"max":44}}"#.utf8))
        #expect(change == TargetingChange(ageRange: AgeRange(minimum: 25, maximum: 44)))
    }
}
