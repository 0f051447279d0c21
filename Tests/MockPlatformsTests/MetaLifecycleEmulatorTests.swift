import AdPlatformKit
import Foundation
import MockPlatforms
import Testing

/// The Meta emulator's lifecycle endpoints over real sockets: archive, bids and targeting on node updates, each
/// validated as Graph does and stored so it reads back.
@Suite("Meta emulator lifecycle")
struct MetaLifecycleEmulatorTests {
    typealias Client = MetaTestClient

    @Test("ARCHIVED stops delivery, keeps the node readable, leaves edges unless asked, and only moves to DELETED")
    func archive() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let campaign = try await client.createCampaign("Archive me")
            _ = try await client.post(campaign.id + "/", [("status", "ACTIVE")])
            let archived = try await client.post(campaign.id + "/", [("status", "ARCHIVED")])
            #expect(archived.json["success"]?.bool == true, "\(archived.json)")
            #expect(running.mock.world.entity("meta", campaign.id)?.isActive == false)
            #expect(running.mock.world.entity("meta", campaign.id)?.deleted == false)

            let read = try await client.get(campaign.id, [("fields", "status,effective_status")])
            #expect(read.json["status"]?.string == "ARCHIVED")
            let listed = try await client.get("\(Client.account)/campaigns")
            #expect(!listed.data.contains { $0["id"]?.string == campaign.id }, "archived objects leave edges")
            let asked = try await client.get(
                "\(Client.account)/campaigns", [("effective_status", #"["ARCHIVED"]"#)])
            #expect(asked.data.contains { $0["id"]?.string == campaign.id }, "unless a status filter asks")

            let reactivate = try await client.post(campaign.id + "/", [("status", "ACTIVE")])
            #expect(reactivate.code == 100, "\(reactivate.json)")
            #expect(reactivate.json["error"]?["error_user_title"]?.string == "Archived Object Can't Be Reactivated")
            let edit = try await client.post(campaign.id + "/", [("daily_budget", "5000")])
            #expect(edit.json["error"]?["error_user_msg"]?.string?.contains("daily_budget") == true)
            let rename = try await client.post(campaign.id + "/", [("name", "Archived campaign")])
            #expect(rename.json["success"]?.bool == true)
            let delete = try await client.post(campaign.id + "/", [("status", "DELETED")])
            #expect(delete.json["success"]?.bool == true)
        }
    }

    @Test("ad set bids: capped strategies need an amount, automatic drops it, min ROAS needs VALUE; all read back")
    func bids() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let campaign = try await client.createCampaign()
            let adSet = try await client.createAdSet(campaign: campaign.id)
            let fields = [("fields", "bid_strategy,bid_amount,bid_constraints")]

            let missing = try await client.post(adSet.id + "/", [("bid_strategy", "COST_CAP")])
            #expect(missing.json["error"]?["error_user_title"]?.string == "Bid Amount Required", "\(missing.json)")
            let zero = try await client.post(
                adSet.id + "/", [("bid_strategy", "LOWEST_COST_WITH_BID_CAP"), ("bid_amount", "0")])
            #expect(zero.json["error"]?["error_user_title"]?.string == "Bid Amount Too Low", "\(zero.json)")

            let capped = try await client.post(adSet.id + "/", [("bid_strategy", "COST_CAP"), ("bid_amount", "1200")])
            #expect(capped.json["success"]?.bool == true, "\(capped.json)")
            var read = try await client.get(adSet.id, fields)
            #expect(read.json["bid_strategy"]?.string == "COST_CAP" && read.json["bid_amount"]?.int64 == 1200)

            let automatic = try await client.post(adSet.id + "/", [("bid_strategy", "LOWEST_COST_WITHOUT_CAP")])
            #expect(automatic.json["success"]?.bool == true)
            read = try await client.get(adSet.id, fields)
            #expect(read.json["bid_strategy"]?.string == "LOWEST_COST_WITHOUT_CAP")
            #expect(read.json["bid_amount"] == nil, "lowest cost without a cap keeps no amount: \(read.json)")

            let roas = try await client.post(
                adSet.id + "/",
                [("bid_strategy", "LOWEST_COST_WITH_MIN_ROAS"), ("bid_constraints", #"{"roas_average_floor":25000}"#)])
            #expect(roas.json["error"]?["error_user_title"]?.string == "Minimum ROAS Bidding Unavailable")

            let valueSet = try await client.createAdSet(
                campaign: campaign.id,
                extra: [("optimization_goal", "VALUE"), ("promoted_object", #"{"pixel_id":"1"}"#)])
            #expect(valueSet.status == 200, "\(valueSet.json)")
            let noFloor = try await client.post(valueSet.id + "/", [("bid_strategy", "LOWEST_COST_WITH_MIN_ROAS")])
            #expect(noFloor.json["error"]?["error_user_title"]?.string == "Minimum ROAS Required")
            let floor = try await client.post(
                valueSet.id + "/",
                [("bid_strategy", "LOWEST_COST_WITH_MIN_ROAS"), ("bid_constraints", #"{"roas_average_floor":25000}"#)])
            #expect(floor.json["success"]?.bool == true, "\(floor.json)")
            read = try await client.get(valueSet.id, fields)
            #expect(read.json["bid_constraints"]?["roas_average_floor"]?.int64 == 25_000)
        }
    }

    @Test("ad set targeting: unknown countries, bad genders and ages are refused; a change reads back whole")
    func targeting() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let campaign = try await client.createCampaign()
            let adSet = try await client.createAdSet(campaign: campaign.id)
            for (spec, title) in [
                (#"{"geo_locations":{"countries":["US","XX"]}}"#, "Invalid Country"),
                (#"{"geo_locations":{"countries":["uk"]}}"#, "Invalid Country"),
                (#"{"geo_locations":{}}"#, "Location Required"),
            ] {
                let reply = try await client.post(adSet.id + "/", [("targeting", spec)])
                #expect(
                    reply.code == 100 && reply.json["error"]?["error_user_title"]?.string == title,
                    "\(spec) → \(reply.json)")
            }
            let genders = try await client.post(
                adSet.id + "/", [("targeting", #"{"geo_locations":{"countries":["US"]},"genders":[3]}"#)])
            #expect(genders.message.contains("targeting[genders]"), "\(genders.json)")
            let ages = try await client.post(
                adSet.id + "/", [("targeting", #"{"geo_locations":{"countries":["US"]},"age_min":12}"#)])
            #expect(ages.message.contains("age_min"), "\(ages.json)")

            let spec = #"{"geo_locations":{"countries":["GB","CA"]},"age_min":25,"age_max":44,"genders":[2]}"#
            let changed = try await client.post(adSet.id + "/", [("targeting", spec)])
            #expect(changed.json["success"]?.bool == true, "\(changed.json)")
            let read = try await client.get(adSet.id, [("fields", "targeting")])
            #expect(read.json["targeting"]?["geo_locations"]?["countries"] == .array([.string("GB"), .string("CA")]))
            #expect(
                read.json["targeting"]?["age_min"]?.int64 == 25 && read.json["targeting"]?["genders"]?.array?.count == 1
            )
        }
    }
}
