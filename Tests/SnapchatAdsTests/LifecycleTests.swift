import AdPlatformKit
import AdPlatformTesting
import Foundation
import SnapchatAds
import Testing

/// Bids and targeting on ad squads: the whole-squad PUT field by field, the parsers, and the refusals the
/// capability data makes before any call.
@Suite("Snapchat lifecycle changes")
struct LifecycleTests {
    let builder = SnapchatRequestBuilder()
    let parser = SnapchatResponseParser()
    let account = SnapchatTestValues.account()
    typealias V = SnapchatTestValues

    func squad() throws -> [String: JSONValue] {
        try parser.rawEntity(.adGroup, from: try Fixture.response("read_adsquad_response"), operation: "test")
    }

    func sentSquad(_ request: PlatformHTTPRequest) throws -> JSONValue {
        let body = try JSONValue(parsing: try #require(request.body))
        return try #require(body["adsquads"]?[0])
    }

    @Test(
        "bids put the whole squad back with the strategy and only its amount field",
        arguments: [
            (BidStrategy.automatic, "AUTO_BID", nil as Int64?, nil as Int64?),
            (.bidCap(Money(minorUnits: 150, currency: .usd)), "LOWEST_COST_WITH_MAX_BID", 1_500_000, nil),
            (.costCap(Money(minorUnits: 1_200, currency: .usd)), "TARGET_COST", 12_000_000, nil),
            (.targetROAS(ReturnOnAdSpend(basisPoints: 25_000)), "MIN_ROAS", nil, 2_500_000),
        ])
    func setBid(bid: BidStrategy, strategy: String, micros: Int64?, roasMicros: Int64?) throws {
        var current = try squad()
        current["bid_micro"] = 9_000_000
        let request = try builder.updateBid(bid, current: current, in: account)
        #expect(request.method == .put)
        #expect(request.url.path() == "/v1/campaigns/\(V.campaignID)/adsquads")
        #expect(request.headers["Authorization"] == "Bearer TOKEN")
        let sent = try sentSquad(request)
        #expect(sent["bid_strategy"]?.stringValue == strategy)
        #expect(sent["bid_micro"]?.int64Value == micros)
        #expect(sent["roas_value_micro"]?.int64Value == roasMicros)
        for field in ["id", "name", "campaign_id", "daily_budget_micro", "targeting", "optimization_goal"] {
            #expect(sent[field] == current[field], "\(field) is sent back as read")
        }
    }

    @Test("a bid in another currency is refused naming the field")
    func bidCurrency() throws {
        let error = #expect(throws: AdPlatformError.self) {
            try builder.updateBid(.bidCap(Money(minorUnits: 1, currency: .eur)), current: try squad(), in: account)
        }
        #expect(error?.fieldPath == "bid.amount")
    }

    @Test("targeting keeps the geos of countries that stay, adds new ones, and sets ages and gender")
    func changeTargeting() throws {
        var current = try squad()
        current["targeting"] = [
            "geos": [["country_code": "us", "region_id": ["3"], "operation": "INCLUDE"], ["country_code": "ca"]],
            "demographics": [["age_groups": ["18-20"], "languages": ["en"]]],
            "devices": [["os_type": "iOS"]],
        ]
        let change = TargetingChange(
            countries: ["US", "GB"], ageRange: AgeRange(minimum: 25, maximum: 44), genders: [.female])
        let sent = try sentSquad(try builder.updateTargeting(change, current: current, in: account))
        let targeting = try #require(sent["targeting"])
        #expect(
            targeting["geos"] == [
                ["country_code": "us", "region_id": ["3"], "operation": "INCLUDE"], ["country_code": "gb"],
            ])
        #expect(
            targeting["demographics"] == [["min_age": "25", "max_age": "44", "gender": "FEMALE", "languages": ["en"]]])
        #expect(targeting["devices"] == current["targeting"]?["devices"])
    }

    @Test("every gender removes the gender key; ages alone leave geos alone")
    func partialChanges() {
        let current: JSONValue = ["geos": [["country_code": "us"]], "demographics": [["gender": "MALE"]]]
        let everyone = SnapchatRequestBuilder.changedTargeting(current, applying: TargetingChange(genders: []))
        #expect(everyone["demographics"] == nil && everyone["geos"] == current["geos"])
        let ages = SnapchatRequestBuilder.changedTargeting(
            ["geos": [["country_code": "us"]]], applying: TargetingChange(ageRange: AgeRange(minimum: 18, maximum: 24)))
        #expect(ages["demographics"] == [["min_age": "18", "max_age": "24"]])
    }

    @Test(
        "bids parse from the squad",
        arguments: [
            (#"{"bid_strategy":"AUTO_BID"}"#, BidStrategy.automatic),
            (
                #"{"bid_strategy":"LOWEST_COST_WITH_MAX_BID","bid_micro":1500000}"#,
                .bidCap(Money(minorUnits: 150, currency: .usd))
            ),
            (
                #"{"bid_strategy":"TARGET_COST","bid_micro":12000000}"#,
                .costCap(Money(minorUnits: 1200, currency: .usd))
            ),
            (
                #"{"bid_strategy":"MIN_ROAS","roas_value_micro":2500000}"#,
                .targetROAS(ReturnOnAdSpend(basisPoints: 25_000))
            ),
            (#"{"bid_micro":2000000}"#, .bidCap(Money(minorUnits: 200, currency: .usd))),
        ])
    func parsesBid(json: String, expected: BidStrategy) throws {
        let squad = try #require(try JSONValue(parsing: Data(json.utf8)).objectValue)
        #expect(try parser.bid(ofSquad: squad, currency: .usd, operation: "readBid") == expected)
    }

    @Test("a strategy without its amount, or micros finer than a cent, is a malformed squad")
    func malformedBid() throws {
        for json in [
            #"{"bid_strategy":"TARGET_COST"}"#, #"{"bid_strategy":"MIN_ROAS"}"#, #"{"bid_strategy":"X"}"#,
            #"{"bid_strategy":"TARGET_COST","bid_micro":1234567}"#,
        ] {
            let squad = try #require(try JSONValue(parsing: Data(json.utf8)).objectValue)
            let error = #expect(throws: AdPlatformError.self) {
                try parser.bid(ofSquad: squad, currency: .usd, operation: "readBid")
            }
            #expect(error?.code == .malformedResponse, "\(json)")
        }
    }

    @Test("targeting parses included countries, ages (or age groups) and gender")
    func parsesTargeting() throws {
        let squad: [String: JSONValue] = [
            "targeting": [
                "geos": [
                    ["country_code": "us"], ["country_code": "gb"], ["country_code": "ca", "operation": "EXCLUDE"],
                ],
                "demographics": [["min_age": 25, "max_age": "44", "gender": "FEMALE"]],
            ]
        ]
        let targeting = parser.targeting(ofSquad: squad)
        #expect(targeting.countries == ["US", "GB"])
        #expect(targeting.ageRange == AgeRange(minimum: 25, maximum: 44) && targeting.genders == [.female])
        let groups = parser.targeting(
            ofSquad: [
                "targeting": ["geos": [["country_code": "us"]], "demographics": [["age_groups": ["21-24", "35+"]]]]
            ])
        #expect(groups.ageRange == AgeRange(minimum: 21, maximum: 50) && groups.genders.isEmpty)
    }

    @Test("a bid reads the squad, then puts it back changed")
    func bidFlow() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(status: 200, json: try Fixture.text("read_adsquad_response"))
        transport.enqueue(status: 200, json: try Fixture.text("read_adsquad_response"))
        let platform = SnapchatAdsPlatform(transport: transport)
        let squad = PlatformEntity(platform: .snapchat, kind: .adGroup, id: V.adSquadID, name: "s")
        try await platform.setBid(.costCap(Money(minorUnits: 800, currency: .usd)), of: squad, in: account)
        #expect(transport.requests.map(\.method) == [.get, .put])
        let sent = try sentSquad(try #require(transport.lastRequest))
        #expect(sent["bid_strategy"] == "TARGET_COST" && sent["bid_micro"] == 8_000_000)
    }

    @Test("archive, campaign bids and ages past 50 are refused by the data, before any call")
    func refusals() async throws {
        let capabilities = SnapchatCapabilities.capabilities
        #expect(capabilities.lifecycle.archive.kind == .unsupported)
        let archive = try #require(capabilities.lifecycleRefusal(for: .status(.archive), at: .adGroup))
        #expect(archive.message.contains("Snapchat") && archive.message.contains("status.archive"))
        let transport = ScriptedTransport()
        let platform = SnapchatAdsPlatform(transport: transport)
        let squad = PlatformEntity(platform: .snapchat, kind: .adGroup, id: V.adSquadID, name: "s")
        let campaign = PlatformEntity(platform: .snapchat, kind: .campaign, id: V.campaignID, name: "c")
        await #expect(throws: AdPlatformError.self) {
            try await platform.setBid(.automatic, of: campaign, in: account)
        }
        let ages = await #expect(throws: AdPlatformError.self) {
            try await platform.changeTargeting(
                TargetingChange(ageRange: AgeRange(minimum: 18, maximum: 65)), of: squad, in: account)
        }
        #expect(ages?.code == .invalidParameter && ages?.message.contains("13 to 50") == true)
        #expect(transport.requests.isEmpty)
    }
}
