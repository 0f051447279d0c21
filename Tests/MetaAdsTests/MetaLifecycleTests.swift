import AdPlatformKit
import AdPlatformTesting
import Foundation
import Testing

@testable import MetaAds

/// Bids, targeting and archive: the request builders field by field, the parsers, and the platform refusing what
/// its capability data says it cannot do before any call.
@Suite("Meta lifecycle changes")
struct MetaLifecycleTests {
    let builder = MetaRequestBuilder()
    let parser = MetaResponseParser(operation: "test")

    @Test(
        "bids go to the ad set node with bid_strategy and the amount in offset units",
        arguments: [
            (BidStrategy.automatic, "LOWEST_COST_WITHOUT_CAP", nil as String?),
            (.bidCap(Sample.usd(150)), "LOWEST_COST_WITH_BID_CAP", "150"),
            (.costCap(Sample.usd(1_200)), "COST_CAP", "1200"),
        ])
    func setBid(bid: BidStrategy, strategy: String, amount: String?) throws {
        let request = try builder.setBid(bid, of: Sample.adSetID, in: Sample.account())
        #expect(request.method == .post)
        #expect(request.pathText == "/v26.0/\(Sample.adSetID)/")
        #expect(request.queryValue("access_token") == Sample.token)
        #expect(request.formValue("bid_strategy") == strategy)
        #expect(request.formValue("bid_amount") == amount)
        #expect(request.formValue("bid_constraints") == nil)
    }

    @Test("a target ROAS is a minimum-ROAS strategy with the floor scaled by 10,000")
    func roasBid() throws {
        let request = try builder.setBid(
            .targetROAS(ReturnOnAdSpend(basisPoints: 25_000)), of: Sample.adSetID, in: Sample.account())
        #expect(request.formValue("bid_strategy") == "LOWEST_COST_WITH_MIN_ROAS")
        #expect(request.formJSON("bid_constraints") == ["roas_average_floor": 25_000])
        #expect(request.formValue("bid_amount") == nil)
    }

    @Test("a bid amount in a yen account has offset 1; another currency is refused naming the field")
    func bidUnits() throws {
        let yen = try builder.setBid(
            .costCap(Money(minorUnits: 300, currency: .jpy)), of: "1", in: Sample.account(currency: .jpy))
        #expect(yen.formValue("bid_amount") == "300")
        let error = #expect(throws: AdPlatformError.self) {
            try builder.setBid(.bidCap(Money(minorUnits: 300, currency: .jpy)), of: "1", in: Sample.account())
        }
        #expect(error?.code == .invalidParameter)
        #expect(error?.fieldPath == "bid.currency")
    }

    @Test("archive sets Meta's own ARCHIVED status on the node")
    func archive() throws {
        let request = try builder.archive(Sample.campaignID, in: Sample.account())
        #expect(request.pathText == "/v26.0/\(Sample.campaignID)/")
        #expect(request.formFields.map(\.name) == ["status"])
        #expect(request.formValue("status") == "ARCHIVED")
    }

    @Test("bid and targeting reads ask for their fields only")
    func reads() throws {
        let bid = try builder.readBid(of: Sample.adSetID, in: Sample.account())
        #expect(bid.method == .get && bid.pathText == "/v26.0/\(Sample.adSetID)")
        #expect(bid.queryValue("fields") == "bid_strategy,bid_amount,bid_constraints")
        let targeting = try builder.readTargeting(of: Sample.adSetID, in: Sample.account())
        #expect(targeting.queryValue("fields") == "targeting")
    }

    @Test("a targeting change rewrites the whole spec, keeping what it does not change")
    func changeTargeting() throws {
        let current: JSONValue = [
            "geo_locations": ["countries": ["US"], "regions": [["key": "3847"]], "location_types": ["home"]],
            "age_min": 18, "age_max": 49, "genders": [2],
            "flexible_spec": [["interests": [["id": "6003139266461"]]]],
        ]
        let change = TargetingChange(
            countries: ["gb", "CA"], ageRange: AgeRange(minimum: 25, maximum: 44), genders: [])
        let request = try builder.changeTargeting(change, current: current, of: Sample.adSetID, in: Sample.account())
        #expect(request.pathText == "/v26.0/\(Sample.adSetID)/")
        let spec = try #require(request.formJSON("targeting"))
        #expect(spec["geo_locations"] == ["countries": ["GB", "CA"], "location_types": ["home"]])
        #expect(spec["age_min"] == 25 && spec["age_max"] == 44)
        #expect(spec["genders"] == nil)
        #expect(spec["flexible_spec"] == current["flexible_spec"])
    }

    @Test("a change of genders alone leaves locations and ages as they were")
    func genderOnly() {
        let current: JSONValue = ["geo_locations": ["countries": ["US"]], "age_min": 18, "age_max": 49]
        let spec = MetaRequestBuilder.changedTargeting(current, applying: TargetingChange(genders: [.male]))
        #expect(spec["geo_locations"] == current["geo_locations"])
        #expect(spec["age_min"] == 18 && spec["genders"] == [1])
    }

    @Test(
        "bids parse from the ad set's fields",
        arguments: [
            (#"{"id":"1","bid_strategy":"COST_CAP","bid_amount":1200}"#, BidStrategy.costCap(Sample.usd(1_200))),
            (#"{"id":"1","bid_strategy":"LOWEST_COST_WITH_BID_CAP","bid_amount":"150"}"#, .bidCap(Sample.usd(150))),
            (
                #"{"id":"1","bid_strategy":"LOWEST_COST_WITH_MIN_ROAS","bid_constraints":{"roas_average_floor":25000}}"#,
                .targetROAS(ReturnOnAdSpend(basisPoints: 25_000))
            ),
            (#"{"id":"1","bid_strategy":"LOWEST_COST_WITHOUT_CAP"}"#, .automatic),
            (#"{"id":"1"}"#, .automatic),
            (#"{"id":"1","bid_amount":250}"#, .bidCap(Sample.usd(250))),
        ])
    func parsesBid(json: String, expected: BidStrategy) throws {
        let body = try JSONValue(parsing: Data(json.utf8))
        #expect(try parser.bid(in: body, currency: .usd, unit: MetaCapabilities.capabilities.budget.unit) == expected)
    }

    @Test("a capped strategy without an amount, or an unknown strategy, is a malformed response")
    func malformedBid() throws {
        for json in [#"{"bid_strategy":"COST_CAP"}"#, #"{"bid_strategy":"TARGET_COST"}"#, #"[]"#] {
            let body = try JSONValue(parsing: Data(json.utf8))
            let error = #expect(throws: AdPlatformError.self) {
                try parser.bid(in: body, currency: .usd, unit: MetaCapabilities.capabilities.budget.unit)
            }
            #expect(error?.code == .malformedResponse)
        }
    }

    @Test("targeting parses countries, ages and a single gender; none means everyone")
    func parsesTargeting() throws {
        let spec: JSONValue = [
            "geo_locations": ["countries": ["US", "CA"]], "age_min": 25, "age_max": 44, "genders": [2],
        ]
        let targeting = parser.targeting(fromSpec: spec)
        #expect(targeting.countries == ["US", "CA"])
        #expect(targeting.ageRange == AgeRange(minimum: 25, maximum: 44))
        #expect(targeting.genders == [.female])
        let open = parser.targeting(fromSpec: ["geo_locations": ["countries": ["US"]], "genders": [1, 2]])
        #expect(open.ageRange == nil && open.genders.isEmpty)
        #expect(throws: AdPlatformError.self) { try parser.targetingSpec(in: ["id": "1"]) }
    }

    @Test("what the capability data refuses never reaches the transport")
    func refusedBeforeAnyCall() async throws {
        let transport = ScriptedTransport()
        let platform = MetaAdsPlatform(transport: transport)
        let adSet = PlatformEntity(platform: .meta, kind: .adGroup, id: Sample.adSetID, name: "g")
        let campaign = PlatformEntity(platform: .meta, kind: .campaign, id: Sample.campaignID, name: "c")
        let roas = await #expect(throws: AdPlatformError.self) {
            try await platform.setBid(
                .targetROAS(ReturnOnAdSpend(basisPoints: 20_000)), of: adSet, in: Sample.account())
        }
        #expect(roas?.code == .unsupported && roas?.message.contains("VALUE") == true)
        await #expect(throws: AdPlatformError.self) {
            try await platform.setBid(.automatic, of: campaign, in: Sample.account())
        }
        let ages = await #expect(throws: AdPlatformError.self) {
            try await platform.changeTargeting(
                TargetingChange(ageRange: AgeRange(minimum: 10, maximum: 20)), of: adSet, in: Sample.account())
        }
        #expect(ages?.code == .invalidParameter && ages?.fieldPath == "targeting.ageRange")
        #expect(transport.requests.isEmpty)
    }

    @Test("a targeting change reads the spec, then posts it back changed")
    func targetingFlow() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(json: #"{"targeting":{"geo_locations":{"countries":["US"]},"age_min":18},"id":"2"}"#)
        transport.enqueue(json: #"{"success":true}"#)
        let platform = MetaAdsPlatform(transport: transport)
        let adSet = PlatformEntity(platform: .meta, kind: .adGroup, id: Sample.adSetID, name: "g")
        try await platform.changeTargeting(TargetingChange(countries: ["CA"]), of: adSet, in: Sample.account())
        #expect(transport.requests.count == 2)
        let posted = try #require(transport.lastRequest?.formJSON("targeting"))
        #expect(posted["geo_locations"]?["countries"] == ["CA"] && posted["age_min"] == 18)
    }

    @Test("Meta archives natively and refuses target ROAS and campaign-level bids in its data")
    func capabilities() {
        let lifecycle = MetaCapabilities.capabilities.lifecycle
        #expect(lifecycle.archive.kind == .archivedState && lifecycle.archive.platformValue == "ARCHIVED")
        #expect(!lifecycle.archive.reversible)
        for level in [lifecycle.campaign, lifecycle.adGroup, lifecycle.ad] {
            #expect(level.statusActions.contains(.archive))
        }
        #expect(lifecycle.adGroup.bidStrategies == [.automatic, .bidCap, .costCap])
        #expect(lifecycle.campaign.bidStrategies.isEmpty && lifecycle.adGroup.targetingFields.count == 3)
    }
}
