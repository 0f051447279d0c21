import AdPlatformKit
import Foundation
import MockPlatforms
import Testing

/// The TikTok emulator's ad group updates for bids and targeting over real sockets: TikTok's 40002 naming the
/// field for what it refuses, and the values in force read back from `adgroup/get/`.
@Suite("TikTok emulator lifecycle")
struct TikTokLifecycleEmulatorTests {
    typealias Client = TikTokTestClient
    static let advertiser = TikTokTestClient.advertiser

    /// A campaign and a CPC ad group under it; returns the ad group id.
    static func adGroup(_ client: Client, world: MockWorld, extra: [(String, MockJSON)] = []) async throws -> String {
        let campaign = try await client.post("campaign/create", Client.campaign("Lifecycle"))
        let campaignID = try #require(campaign.data["campaign_id"]?.string)
        let adgroup = try await client.post(
            "adgroup/create", Client.adGroup("Group", campaign: campaignID, start: world.now, extra: extra))
        #expect(adgroup.code == 0, "\(adgroup.message)")
        return try #require(adgroup.data["adgroup_id"]?.string)
    }

    static func read(_ client: Client, _ id: String) async throws -> MockJSON {
        let reply = try await client.get(
            "adgroup/get",
            [
                ("advertiser_id", advertiser), ("filtering", #"{"adgroup_ids":["\#(id)"]}"#),
                (
                    "fields",
                    #"["bid_type","bid_price","conversion_bid_price","location_ids","age_groups","gender","roas_bid"]"#
                ),
            ])
        return reply.list.first ?? .null
    }

    static func update(_ id: String, _ fields: [(String, MockJSON)]) -> MockJSON {
        .object([("advertiser_id", .string(advertiser)), ("adgroup_id", .string(id))] + fields)
    }

    @Test("bids: custom needs the billing event's price above the minimum; no bid clears it; both read back")
    func bids() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let id = try await Self.adGroup(client, world: running.mock.world)
            let missing = try await client.post(
                "adgroup/update", Self.update(id, [("bid_type", .string("BID_TYPE_CUSTOM"))]))
            #expect(missing.code == 40002 && missing.message.hasPrefix("bid_price:"), "\(missing.message)")
            let tiny = try await client.post(
                "adgroup/update",
                Self.update(id, [("bid_type", .string("BID_TYPE_CUSTOM")), ("bid_price", .number("0.001"))]))
            #expect(tiny.code == 40002 && tiny.message.contains("at least 0.01"), "\(tiny.message)")
            let capped = try await client.post(
                "adgroup/update",
                Self.update(id, [("bid_type", .string("BID_TYPE_CUSTOM")), ("bid_price", .number("1.5"))]))
            #expect(capped.code == 0, "\(capped.message)")
            var read = try await Self.read(client, id)
            #expect(read["bid_type"]?.string == "BID_TYPE_CUSTOM" && read["bid_price"]?.decimal == 1.5)
            let automatic = try await client.post(
                "adgroup/update", Self.update(id, [("bid_type", .string("BID_TYPE_NO_BID"))]))
            #expect(automatic.code == 0)
            read = try await Self.read(client, id)
            #expect(read["bid_type"]?.string == "BID_TYPE_NO_BID" && read["bid_price"] == .null, "\(read)")
        }
    }

    @Test("minimum ROAS needs a value-optimised ad group and a positive roas_bid")
    func minimumROAS() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let id = try await Self.adGroup(client, world: running.mock.world)
            let wrongGoal = try await client.post(
                "adgroup/update",
                Self.update(id, [("deep_bid_type", .string("VO_MIN_ROAS")), ("roas_bid", .number("2.5"))]))
            #expect(wrongGoal.code == 40002 && wrongGoal.message.hasPrefix("deep_bid_type:"), "\(wrongGoal.message)")
            let valued = try await Self.adGroup(
                client, world: running.mock.world,
                extra: [("optimization_goal", .string("VALUE")), ("billing_event", .string("OCPM"))])
            let negative = try await client.post(
                "adgroup/update",
                Self.update(valued, [("deep_bid_type", .string("VO_MIN_ROAS")), ("roas_bid", .number("-1"))]))
            #expect(negative.message.hasPrefix("roas_bid:"), "\(negative.message)")
            let ok = try await client.post(
                "adgroup/update",
                Self.update(valued, [("deep_bid_type", .string("VO_MIN_ROAS")), ("roas_bid", .number("2.5"))]))
            #expect(ok.code == 0, "\(ok.message)")
            #expect(try await Self.read(client, valued)["roas_bid"]?.decimal == 2.5)
        }
    }

    @Test("targeting: unknown location ids and age groups are refused naming the field; a change reads back")
    func targeting() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let id = try await Self.adGroup(client, world: running.mock.world)
            let unknown = try await client.post(
                "adgroup/update", Self.update(id, [("location_ids", .array([.string("6252001"), .string("999")]))]))
            #expect(unknown.code == 40002 && unknown.message.hasPrefix("location_ids[1]:"), "\(unknown.message)")
            let ages = try await client.post(
                "adgroup/update", Self.update(id, [("age_groups", .array([.string("AGE_10_12")]))]))
            #expect(ages.code == 40002 && ages.message.hasPrefix("age_groups"), "\(ages.message)")
            let gender = try await client.post("adgroup/update", Self.update(id, [("gender", .string("GENDER_OTHER"))]))
            #expect(gender.code == 40002 && gender.message.hasPrefix("gender"), "\(gender.message)")

            let changed = try await client.post(
                "adgroup/update",
                Self.update(
                    id,
                    [
                        ("location_ids", .array([.string("2635167")])),
                        ("age_groups", .array([.string("AGE_25_34"), .string("AGE_35_44")])),
                        ("gender", .string("GENDER_FEMALE")),
                    ]))
            #expect(changed.code == 0, "\(changed.message)")
            let read = try await Self.read(client, id)
            #expect(read["location_ids"] == .array([.string("2635167")]))
            #expect(read["age_groups"]?.array?.count == 2 && read["gender"]?.string == "GENDER_FEMALE")
        }
    }
}
