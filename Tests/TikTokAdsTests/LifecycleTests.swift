import AdPlatformKit
import AdPlatformTesting
import Foundation
import Testing
import TikTokAds

/// Bids and targeting on ad groups: the update bodies field by field, the settings parser, and the refusals the
/// capability data makes before any call.
@Suite("TikTok lifecycle changes")
struct LifecycleTests {
    let builder = TikTokRequestBuilder()

    func body(_ request: PlatformHTTPRequest) throws -> JSONValue {
        try JSONValue(parsing: try #require(request.body))
    }

    @Test(
        "bids: bid type and the price the billing event uses, in major units",
        arguments: [
            (BidStrategy.automatic, "CPC" as String?, ["bid_type": "BID_TYPE_NO_BID"] as [String: JSONValue]),
            (.bidCap(Samples.usd("1.50")), "CPC", ["bid_type": "BID_TYPE_CUSTOM", "bid_price": .decimal(1.5)]),
            (
                .costCap(Samples.usd("12.00")), "OCPM",
                ["bid_type": "BID_TYPE_CUSTOM", "conversion_bid_price": .decimal(12)]
            ),
            (
                .targetROAS(ReturnOnAdSpend(basisPoints: 25_000)), "OCPM",
                ["deep_bid_type": "VO_MIN_ROAS", "roas_bid": .decimal(2.5)]
            ),
        ])
    func setBid(bid: BidStrategy, billing: String?, fields: [String: JSONValue]) throws {
        let request = try builder.setBid(
            bid, adGroupID: Samples.adGroupID, billingEvent: billing, in: Samples.account())
        #expect(request.method == .post)
        #expect(request.url.path() == "/open_api/v1.3/adgroup/update/")
        #expect(request.headers["Access-Token"] == "TOKEN")
        var expected = fields
        expected["advertiser_id"] = .string(Samples.advertiserID)
        expected["adgroup_id"] = .string(Samples.adGroupID)
        let sent = try body(request)
        #expect(sent.objectValue?.keys.sorted() == expected.keys.sorted(), "\(sent)")
        for (key, value) in expected {
            #expect(sent[key]?.scalarText == value.scalarText, "\(key): \(String(describing: sent[key]))")
        }
    }

    @Test("a cap that does not fit the billing event is refused naming the bid, before any call")
    func capMismatch() {
        let bidCap = #expect(throws: AdPlatformError.self) {
            try builder.setBid(.bidCap(Samples.usd("1")), adGroupID: "1", billingEvent: "OCPM", in: Samples.account())
        }
        #expect(bidCap?.code == .invalidParameter && bidCap?.fieldPath == "bid")
        #expect(bidCap?.message.contains("conversion_bid_price") == true)
        let costCap = #expect(throws: AdPlatformError.self) {
            try builder.setBid(.costCap(Samples.usd("1")), adGroupID: "1", billingEvent: "CPM", in: Samples.account())
        }
        #expect(costCap?.fieldPath == "bid" && costCap?.message.contains("bid_price") == true)
    }

    @Test("targeting sends only the fields the change gives")
    func changeTargeting() throws {
        let all = try body(
            try builder.changeTargeting(
                TargetingChange(
                    countries: ["us", "GB"], ageRange: AgeRange(minimum: 25, maximum: 44), genders: [.male]),
                adGroupID: Samples.adGroupID, in: Samples.account()))
        #expect(all["location_ids"] == ["6252001", "2635167"])
        #expect(all["age_groups"] == ["AGE_25_34", "AGE_35_44"])
        #expect(all["gender"] == "GENDER_MALE")
        let gendersOnly = try body(
            try builder.changeTargeting(TargetingChange(genders: []), adGroupID: "1", in: Samples.account()))
        #expect(gendersOnly.objectValue?.keys.sorted() == ["adgroup_id", "advertiser_id", "gender"])
        #expect(gendersOnly["gender"] == "GENDER_UNLIMITED")
        let unknown = #expect(throws: AdPlatformError.self) {
            try builder.changeTargeting(
                TargetingChange(countries: ["US", "NZ"]), adGroupID: "1", in: Samples.account())
        }
        #expect(unknown?.fieldPath == "targeting.countries[1]")
    }

    @Test("the settings read asks for one ad group with its bid and targeting fields")
    func readSettings() throws {
        let request = try builder.readAdGroupSettings(Samples.adGroupID, in: Samples.account(), operation: "readBid")
        #expect(request.method == .get && request.url.path() == "/open_api/v1.3/adgroup/get/")
        #expect(request.queryValue("filtering") == #"{"adgroup_ids":["1810000000000001"]}"#)
        let fields = try JSONValue(parsing: Data((request.queryValue("fields") ?? "").utf8))
        for field in ["billing_event", "bid_type", "bid_price", "conversion_bid_price", "location_ids", "age_groups"] {
            #expect(fields.arrayValue?.contains(.string(field)) == true, "\(field)")
        }
    }

    static func listResponse(_ item: String) -> PlatformHTTPResponse {
        PlatformHTTPResponse(
            status: 200,
            body: Data(
                #"{"code":0,"message":"OK","request_id":"r","data":{"list":[\#(item)],"page_info":{"page":1,"total_page":1}}}"#
                    .utf8))
    }

    @Test(
        "settings parse the bid in force and the targeting",
        arguments: [
            (
                #""billing_event":"OCPM","bid_type":"BID_TYPE_CUSTOM","conversion_bid_price":12.0"#,
                BidStrategy.costCap(Samples.usd("12"))
            ),
            (#""billing_event":"CPC","bid_type":"BID_TYPE_CUSTOM","bid_price":"1.50""#, .bidCap(Samples.usd("1.5"))),
            (#""billing_event":"OCPM","bid_type":"BID_TYPE_NO_BID","bid_price":null"#, .automatic),
            (
                #""billing_event":"OCPM","deep_bid_type":"VO_MIN_ROAS","roas_bid":2.5"#,
                .targetROAS(ReturnOnAdSpend(basisPoints: 25_000))
            ),
        ])
    func parsesSettings(fields: String, bid: BidStrategy) throws {
        let item =
            #"{"adgroup_id":"1810000000000001","location_ids":["6252001","123"],"age_groups":["AGE_25_34","AGE_55_100"],"gender":"GENDER_FEMALE","#
            + fields + "}"
        let settings = try TikTokResponseParser.adGroupSettings(
            Samples.adGroupID, currency: .usd, from: Self.listResponse(item), operation: "readBid")
        #expect(settings.bid == bid)
        #expect(settings.targeting.countries == ["US", "123"], "unknown location ids are kept as they are")
        #expect(settings.targeting.ageRange == AgeRange(minimum: 25, maximum: 65))
        #expect(settings.targeting.genders == [.female])
    }

    @Test("an ad group TikTok does not list is notFound; a custom bid without its price is malformed")
    func parseFailures() {
        let missing = #expect(throws: AdPlatformError.self) {
            try TikTokResponseParser.adGroupSettings(
                "9", currency: .usd, from: Self.listResponse(#"{"adgroup_id":"1"}"#), operation: "readBid")
        }
        #expect(missing?.code == .notFound)
        let priceless = #expect(throws: AdPlatformError.self) {
            try TikTokResponseParser.adGroupSettings(
                "1", currency: .usd,
                from: Self.listResponse(#"{"adgroup_id":"1","billing_event":"CPC","bid_type":"BID_TYPE_CUSTOM"}"#),
                operation: "readBid")
        }
        #expect(priceless?.code == .malformedResponse)
    }

    @Test("a bid reads the ad group's billing event first, then updates the right price")
    func bidFlow() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(Self.listResponse(#"{"adgroup_id":"1810000000000001","billing_event":"OCPM"}"#))
        transport.enqueue(json: #"{"code":0,"message":"OK","request_id":"r","data":{}}"#)
        let platform = TikTokAdsPlatform(transport: transport)
        try await platform.setBid(.costCap(Samples.usd("9.99")), of: Samples.adGroup, in: Samples.account())
        #expect(transport.requests.count == 2)
        let sent = try body(try #require(transport.lastRequest))
        #expect(sent["conversion_bid_price"]?.scalarText == "9.99")
    }

    @Test("archive, target ROAS and campaign bids are refused by the data, before any call")
    func refusals() async throws {
        let capabilities = TikTokCapabilities.capabilities
        let archive = try #require(capabilities.lifecycleRefusal(for: .status(.archive), at: .campaign))
        #expect(archive.message.contains("TikTok") && archive.message.contains("DELETE"))
        #expect(capabilities.lifecycle.archive.kind == .unsupported)
        let transport = ScriptedTransport()
        let platform = TikTokAdsPlatform(transport: transport)
        let roas = await #expect(throws: AdPlatformError.self) {
            try await platform.setBid(
                .targetROAS(ReturnOnAdSpend(basisPoints: 30_000)), of: Samples.adGroup, in: Samples.account())
        }
        #expect(roas?.code == .unsupported && roas?.message.contains("bid.targetROAS") == true)
        await #expect(throws: AdPlatformError.self) {
            try await platform.setBid(.automatic, of: Samples.campaign, in: Samples.account())
        }
        await #expect(throws: AdPlatformError.self) {
            try await platform.changeTargeting(
                TargetingChange(countries: ["NZ"]), of: Samples.adGroup, in: Samples.account())
        }
        #expect(transport.requests.isEmpty)
    }
}
