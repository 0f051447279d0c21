import AdPlatformKit
import Foundation
import MockPlatforms
import Testing

/// The Google Ads emulator's mutates for bids, demographics and locations over real sockets: `GoogleAdsFailure`
/// codes with field locations for what it refuses, and the new values read back with GAQL.
@Suite("Google emulator lifecycle")
struct GoogleLifecycleEmulatorTests {
    typealias Client = GoogleTestClient

    /// Creates the hierarchy and returns the resource names of the campaign and the ad group.
    static func hierarchy(_ client: Client) async throws -> (campaign: String, adGroup: String) {
        let reply = try await client.call("googleAds:mutate", Client.hierarchy(name: "Lifecycle \(UUID())"))
        #expect(reply.status == 200, "\(reply.json.serialized)")
        let names = (reply.json["mutateOperationResponses"]?.array ?? []).compactMap {
            $0.members?.first?.1["resourceName"]?.string
        }
        let campaign = try #require(names.first { $0.contains("/campaigns/") })
        let adGroup = try #require(names.first { $0.contains("/adGroups/") })
        return (campaign, adGroup)
    }

    static func id(_ name: String) -> String { String(name.split(separator: "/").last ?? "") }

    static func update(_ members: [(String, MockJSON)], mask: String) -> MockJSON {
        Client.operations([.object([("update", .object(members)), ("updateMask", .string(mask))])])
    }

    @Test("campaign bidding: one strategy of the oneof at a time, its type follows, bad targets are refused")
    func campaignBidding() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let ids = try await Self.hierarchy(client)
            let roasTooHigh = try await client.call(
                "campaigns:mutate",
                Self.update(
                    [
                        ("resourceName", .string(ids.campaign)),
                        ("maximizeConversionValue", .object([("targetRoas", .number("1001"))])),
                    ],
                    mask: "maximizeConversionValue.targetRoas"))
            #expect(roasTooHigh.codes == ["rangeError.TOO_HIGH"], "\(roasTooHigh.json.serialized)")
            #expect(
                roasTooHigh.fieldPath.hasSuffix("maximize_conversion_value.target_roas"), "\(roasTooHigh.fieldPath)")
            let fractional = try await client.call(
                "campaigns:mutate",
                Self.update(
                    [
                        ("resourceName", .string(ids.campaign)),
                        ("maximizeConversions", .object([("targetCpaMicros", .string("1234567"))])),
                    ],
                    mask: "maximizeConversions.targetCpaMicros"))
            #expect(fractional.codes == ["biddingError.BID_TOO_MANY_FRACTIONAL_DIGITS"])

            let cpa = try await client.call(
                "campaigns:mutate",
                Self.update(
                    [
                        ("resourceName", .string(ids.campaign)),
                        ("maximizeConversions", .object([("targetCpaMicros", .string("12000000"))])),
                    ],
                    mask: "maximizeConversions.targetCpaMicros"))
            #expect(cpa.status == 200, "\(cpa.json.serialized)")
            let query =
                "SELECT campaign.bidding_strategy_type, campaign.manual_cpc.enhanced_cpc_enabled, "
                + "campaign.maximize_conversions.target_cpa_micros FROM campaign WHERE campaign.id = \(Self.id(ids.campaign))"
            var row = try #require(try await client.search(query).results.first?["campaign"])
            #expect(row["biddingStrategyType"]?.string == "MAXIMIZE_CONVERSIONS")
            #expect(row["maximizeConversions"]?["targetCpaMicros"]?.int64 == 12_000_000)
            #expect(
                row["manualCpc"] == nil || row["manualCpc"]?["enhancedCpcEnabled"]?.bool != true, "manual CPC is gone")

            let cleared = try await client.call(
                "campaigns:mutate",
                Self.update([("resourceName", .string(ids.campaign))], mask: "maximizeConversions.targetCpaMicros"))
            #expect(cleared.status == 200)
            row = try #require(try await client.search(query).results.first?["campaign"])
            #expect(row["biddingStrategyType"]?.string == "MAXIMIZE_CONVERSIONS")
            #expect((row["maximizeConversions"]?["targetCpaMicros"]?.int64 ?? 0) == 0, "\(row.serialized)")
        }
    }

    @Test("ad group bids: below a cent and out-of-range ROAS are refused; values read back and clear")
    func adGroupBids() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let ids = try await Self.hierarchy(client)
            let mask = "cpcBidMicros,targetCpaMicros,targetRoas"
            let small = try await client.call(
                "adGroups:mutate",
                Self.update([("resourceName", .string(ids.adGroup)), ("cpcBidMicros", .string("5000"))], mask: mask))
            #expect(small.codes == ["biddingError.BID_TOO_SMALL"] && small.fieldPath.hasSuffix("cpc_bid_micros"))
            let low = try await client.call(
                "adGroups:mutate",
                Self.update([("resourceName", .string(ids.adGroup)), ("targetRoas", .number("0.001"))], mask: mask))
            #expect(low.codes == ["rangeError.TOO_LOW"])

            let roas = try await client.call(
                "adGroups:mutate",
                Self.update([("resourceName", .string(ids.adGroup)), ("targetRoas", .number("2.5"))], mask: mask))
            #expect(roas.status == 200, "\(roas.json.serialized)")
            let query =
                "SELECT ad_group.cpc_bid_micros, ad_group.target_cpa_micros, ad_group.target_roas FROM ad_group "
                + "WHERE ad_group.id = \(Self.id(ids.adGroup))"
            let row = try #require(try await client.search(query).results.first?["adGroup"])
            #expect(row["targetRoas"]?.decimal == 2.5, "\(row.serialized)")
            #expect((row["cpcBidMicros"]?.int64 ?? 0) == 0, "the mask cleared the max CPC")
        }
    }

    @Test("criteria: age and gender exclusions take Google's fixed ids, unknown types and countries are refused")
    func criteria() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let ids = try await Self.hierarchy(client)
            func ageExclusion(_ type: String) -> MockJSON {
                Client.create([
                    ("adGroup", .string(ids.adGroup)), ("negative", .bool(true)),
                    ("ageRange", .object([("type", .string(type))])),
                ])
            }
            let bad = try await client.call(
                "adGroupCriteria:mutate", Client.operations([ageExclusion("AGE_RANGE_10_17")]))
            #expect(bad.status == 400)
            #expect(bad.error?["message"]?.string?.contains("operations[0].create.age_range.type") == true)
            let untyped = try await client.call(
                "adGroupCriteria:mutate",
                Client.operations([
                    Client.create([
                        ("adGroup", .string(ids.adGroup)), ("negative", .bool(true)), ("ageRange", .object([])),
                    ])
                ]))
            #expect(
                untyped.codes == ["fieldError.REQUIRED"] && untyped.fieldPath.hasSuffix("age_range.type"),
                "\(untyped.json.serialized)")
            let added = try await client.call(
                "adGroupCriteria:mutate",
                Client.operations([
                    ageExclusion("AGE_RANGE_18_24"),
                    Client.create([
                        ("adGroup", .string(ids.adGroup)), ("negative", .bool(true)),
                        ("gender", .object([("type", .string("MALE"))])),
                    ]),
                ]))
            #expect(added.status == 200, "\(added.json.serialized)")
            let names = added.results.compactMap { $0["resourceName"]?.string }
            #expect(names.map { String($0.split(separator: "~").last ?? "") } == ["503001", "10"])
            let twice = try await client.call(
                "adGroupCriteria:mutate", Client.operations([ageExclusion("AGE_RANGE_18_24")]))
            #expect(twice.codes == ["mutateError.RESOURCE_ALREADY_EXISTS"])

            let rows = try await client.search(
                "SELECT ad_group_criterion.negative, ad_group_criterion.age_range.type, ad_group_criterion.gender.type "
                    + "FROM ad_group_criterion WHERE ad_group.id = \(Self.id(ids.adGroup)) "
                    + "AND ad_group_criterion.type IN ('AGE_RANGE', 'GENDER')")
            #expect(rows.results.count == 2, "\(rows.json.serialized)")

            let unknown = try await client.call(
                "campaignCriteria:mutate",
                Client.operations([
                    Client.create([
                        ("campaign", .string(ids.campaign)),
                        ("location", .object([("geoTargetConstant", .string("geoTargetConstants/2999"))])),
                    ])
                ]))
            #expect(unknown.codes == ["criterionError.INVALID_CRITERION_ID"], "\(unknown.json.serialized)")
            let britain = try await client.call(
                "campaignCriteria:mutate",
                Client.operations([
                    Client.create([
                        ("campaign", .string(ids.campaign)),
                        ("location", .object([("geoTargetConstant", .string("geoTargetConstants/2826"))])),
                    ])
                ]))
            #expect(britain.status == 200, "\(britain.json.serialized)")
        }
    }
}
