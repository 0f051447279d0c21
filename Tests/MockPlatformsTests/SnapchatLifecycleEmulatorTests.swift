import AdPlatformKit
import Foundation
import MockPlatforms
import Testing

/// The Snapchat emulator's ad squad PUT for bids and targeting over real sockets: Snap's `E2002` per-item
/// errors for what it refuses, and the whole squad stored so the change reads back.
@Suite("Snapchat emulator lifecycle")
struct SnapchatLifecycleEmulatorTests {
    typealias Client = SnapchatTestClient

    /// The squad as read, with some members replaced: what the module's whole-object PUT sends.
    static func edited(_ squad: MockJSON, _ changes: [(String, MockJSON?)]) -> MockJSON {
        var members = squad.members ?? []
        for (key, value) in changes {
            members.removeAll { $0.0 == key }
            if let value { members.append((key, value)) }
        }
        return .object(members)
    }

    static func put(_ client: Client, campaign: String, _ squad: MockJSON) async throws -> Client.Answer {
        try await client.send(
            .put, "/v1/campaigns/\(campaign)/adsquads", json: Client.envelope("adsquads", squad))
    }

    static func read(_ client: Client, _ id: String) async throws -> MockJSON {
        try #require(try await client.send(.get, "/v1/adsquads/\(id)").entities("adsquads", "adsquad").first)
    }

    @Test("bids: amounts below a cent, MIN_ROAS off purchases or without a value are refused; a change reads back")
    func bids() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(running: running)
            let ids = try await client.hierarchy()
            let squad = try await Self.read(client, ids.adSquad)

            let tiny = try await Self.put(
                client, campaign: ids.campaign,
                Self.edited(squad, [("bid_strategy", .string("TARGET_COST")), ("bid_micro", .int(9_999))]))
            #expect(tiny.status == 400 && tiny.json?["debug_message"]?.string?.contains("minimum bid") == true)
            let roas = try await Self.put(
                client, campaign: ids.campaign,
                Self.edited(squad, [("bid_strategy", .string("MIN_ROAS")), ("roas_value_micro", .int(2_500_000))]))
            #expect(
                roas.json?["debug_message"]?.string?.contains("PIXEL_PURCHASE") == true,
                "\(String(describing: roas.json))")
            let purchase = Self.edited(squad, [("optimization_goal", .string("PIXEL_PURCHASE"))])
            let valueless = try await Self.put(
                client, campaign: ids.campaign, Self.edited(purchase, [("bid_strategy", .string("MIN_ROAS"))]))
            #expect(valueless.json?["debug_message"]?.string?.contains("roas_value_micro is required") == true)

            let capped = try await Self.put(
                client, campaign: ids.campaign,
                Self.edited(squad, [("bid_strategy", .string("TARGET_COST")), ("bid_micro", .int(12_000_000))]))
            #expect(capped.status == 200, "\(String(describing: capped.json))")
            var read = try await Self.read(client, ids.adSquad)
            #expect(read["bid_strategy"]?.string == "TARGET_COST" && read["bid_micro"]?.int64 == 12_000_000)
            let valued = try await Self.put(
                client, campaign: ids.campaign,
                Self.edited(
                    purchase,
                    [("bid_strategy", .string("MIN_ROAS")), ("roas_value_micro", .int(2_500_000)), ("bid_micro", nil)]))
            #expect(valued.status == 200, "\(String(describing: valued.json))")
            read = try await Self.read(client, ids.adSquad)
            #expect(read["roas_value_micro"]?.int64 == 2_500_000 && read["bid_micro"] == nil)
        }
    }

    @Test("targeting: unknown countries, ages outside 13–50 and bad genders are refused; a change reads back")
    func targeting() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(running: running)
            let ids = try await client.hierarchy()
            let squad = try await Self.read(client, ids.adSquad)
            func targeting(_ json: String) throws -> MockJSON { try #require(MockJSON.parse(json)) }
            for (spec, message) in [
                (#"{"geos":[{"country_code":"zz"}]}"#, "is not a valid country code"),
                (#"{"geos":[{"country_code":"us"}],"demographics":[{"min_age":"12"}]}"#, "outside the targetable ages"),
                (#"{"geos":[{"country_code":"us"}],"demographics":[{"max_age":65}]}"#, "outside the targetable ages"),
                (
                    #"{"geos":[{"country_code":"us"}],"demographics":[{"min_age":40,"max_age":30}]}"#,
                    "must not be above"
                ),
                (#"{"geos":[{"country_code":"us"}],"demographics":[{"gender":"ANY"}]}"#, "gender must be one of"),
                (#"{"geos":[{"country_code":"us"}],"demographics":[{"age_groups":["ten"]}]}"#, "age_groups"),
            ] {
                let reply = try await Self.put(
                    client, campaign: ids.campaign, Self.edited(squad, [("targeting", try targeting(spec))]))
                #expect(reply.status == 400, "\(spec)")
                #expect(
                    reply.json?["debug_message"]?.string?.contains(message) == true,
                    "\(spec): \(String(describing: reply.json))")
            }
            let spec =
                #"{"geos":[{"country_code":"gb"},{"country_code":"uk"}],"demographics":[{"min_age":"25","max_age":"44","gender":"FEMALE"}]}"#
            let changed = try await Self.put(
                client, campaign: ids.campaign, Self.edited(squad, [("targeting", try targeting(spec))]))
            #expect(changed.status == 200, "\(String(describing: changed.json))")
            let read = try await Self.read(client, ids.adSquad)
            #expect(read["targeting"] == (try targeting(spec)))
        }
    }
}
