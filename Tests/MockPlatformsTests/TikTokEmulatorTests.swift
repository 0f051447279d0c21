import AdPlatformKit
import Foundation
import MockPlatforms
import Testing

/// The TikTok emulator over real sockets: envelopes, hierarchy, paging, status, validation codes, delivery
/// metrics, faults, rate limits and bad input, each checked against reference §2.
@Suite("TikTok emulator")
struct TikTokEmulatorTests {
    typealias Client = TikTokTestClient
    static let advertiser = TikTokTestClient.advertiser

    /// Creates campaign → ad group → image → ad, all enabled, starting now; returns their ids.
    static func hierarchy(
        _ client: Client, world: MockWorld, name: String = "Winter launch"
    ) async throws -> (campaign: String, adgroup: String, image: String, ad: String) {
        let campaign = try await client.post("campaign/create", Client.campaign(name))
        #expect(campaign.code == 0, "\(campaign.message)")
        let campaignID = try #require(campaign.data["campaign_id"]?.string)
        let adgroup = try await client.post(
            "adgroup/create", Client.adGroup("US adults", campaign: campaignID, start: world.now))
        #expect(adgroup.code == 0, "\(adgroup.message)")
        let adgroupID = try #require(adgroup.data["adgroup_id"]?.string)
        let png = Client.png()
        let image = try await client.upload(
            fields: [
                ("advertiser_id", advertiser), ("upload_type", "UPLOAD_BY_FILE"), ("image_signature", Client.md5(png)),
            ], file: ("hero.png", png))
        #expect(image.code == 0, "\(image.message)")
        let imageID = try #require(image.data["image_id"]?.string)
        let ad = try await client.post("ad/create", Client.ad(adgroup: adgroupID, image: imageID))
        #expect(ad.code == 0, "\(ad.message)")
        let adID = try #require(ad.data["ad_ids"]?.array?.first?.string)
        return (campaignID, adgroupID, imageID, adID)
    }

    // MARK: - Hierarchy, reads and paging

    @Test("creates the hierarchy in TikTok's envelope and ids, and reads it back")
    func hierarchyAndReads() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let created = try await client.post(
                "campaign/create",
                Client.campaign(
                    "Winter launch",
                    extra: [("budget_mode", .string("BUDGET_MODE_DAY")), ("budget", .number("50.00"))]))
            #expect(created.status == 200)
            #expect(created.code == 0)
            #expect(created.message == "OK")
            let requestID = try #require(created.json["request_id"]?.string)
            #expect(requestID.count == 30 && requestID.prefix(14).allSatisfy(\.isNumber))
            let campaignID = try #require(created.data["campaign_id"]?.string)
            #expect(campaignID.count == 19 && campaignID.hasPrefix("17") && campaignID.allSatisfy(\.isNumber))
            #expect(created.data == .object([("campaign_id", .string(campaignID))]))
            let read = try await client.get(
                "campaign/get",
                [("advertiser_id", Self.advertiser), ("filtering", #"{"campaign_ids":["\#(campaignID)"]}"#)])
            let row = try #require(read.list.first)
            #expect(row["budget"] == .number("50.00") && row["budget_mode"]?.string == "BUDGET_MODE_DAY")
            #expect(row["campaign_name"]?.string == "Winter launch" && row["objective_type"]?.string == "TRAFFIC")
            #expect(row["create_time"]?.string == Client.timestamp(running.mock.world.now))
            let stored = try #require(running.mock.world.entity("tiktok", campaignID))
            #expect(stored.dailyBudgetMicros == 50_000_000)
            #expect(stored.kind == "campaign" && stored.isActive)

            let ids = try await Self.hierarchy(client, world: running.mock.world, name: "Spring")
            let adgroup = try await client.get(
                "adgroup/get",
                [
                    ("advertiser_id", Self.advertiser),
                    ("filtering", #"{"campaign_ids":["\#(ids.campaign)"]}"#),
                ])
            #expect(adgroup.code == 0)
            let group = try #require(adgroup.list.first)
            #expect(group["adgroup_id"]?.string == ids.adgroup)
            #expect(group["campaign_name"]?.string == "Spring")
            #expect(group["budget"] == .number("20"))
            #expect(group["secondary_status"]?.string == "ADGROUP_STATUS_DELIVERY_OK")
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
            let start = try #require(group["schedule_start_time"]?.string)
            let tenYears = calendar.date(byAdding: .year, value: 10, to: running.mock.world.now)
            #expect(start == Client.timestamp(running.mock.world.now))
            #expect(group["schedule_end_time"]?.string == tenYears.map(Client.timestamp))
            #expect(running.mock.world.entity("tiktok", ids.adgroup)?.dailyBudgetMicros == 20_000_000)

            let ads = try await client.get(
                "ad/get",
                [
                    ("advertiser_id", Self.advertiser), ("filtering", #"{"adgroup_ids":["\#(ids.adgroup)"]}"#),
                    ("fields", #"["ad_id","ad_name","campaign_id","operation_status","secondary_status","image_ids"]"#),
                ])
            let ad = try #require(ads.list.first)
            #expect(
                ad
                    == .object([
                        ("ad_id", .string(ids.ad)), ("ad_name", .string("Hero ad")),
                        ("campaign_id", .string(ids.campaign)),
                        ("operation_status", .string("ENABLE")), ("secondary_status", .string("AD_STATUS_DELIVERY_OK")),
                        ("image_ids", .array([.string(ids.image)])),
                    ]))
            let leaf = try #require(running.mock.world.entity("tiktok", ids.ad))
            #expect(leaf.role == .leaf && leaf.landingURL?.hasPrefix("https://example.com/signup") == true)

            // The trailing slash is optional.
            let noSlash = try await client.send(
                "GET", "campaign/get", query: [("advertiser_id", Self.advertiser)], trailingSlash: false)
            #expect(noSlash.code == 0 && noSlash.list.count == 2)
        }
    }

    @Test("pages campaigns stably, filters by ids and name, and projects fields")
    func paging() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            var ids: [String] = []
            for index in 1...5 {
                let reply = try await client.post("campaign/create", Client.campaign("Batch \(index) [ao-\(index)]"))
                ids.append(try #require(reply.data["campaign_id"]?.string))
            }
            var seen: [String] = []
            for page in 1...3 {
                let reply = try await client.get(
                    "campaign/get",
                    [
                        ("advertiser_id", Self.advertiser), ("page", String(page)), ("page_size", "2"),
                        ("fields", #"["campaign_id","campaign_name"]"#),
                    ])
                #expect(
                    reply.data["page_info"]
                        == .object([
                            ("page", .int(page)), ("page_size", .int(2)), ("total_number", .int(5)),
                            ("total_page", .int(3)),
                        ]))
                for row in reply.list {
                    #expect(row.members?.map(\.0) == ["campaign_id", "campaign_name"])
                    seen.append(row["campaign_id"]?.string ?? "")
                }
            }
            #expect(seen == ids)
            let byName = try await client.get(
                "campaign/get", [("advertiser_id", Self.advertiser), ("filtering", #"{"campaign_name":"AO-3"}"#)])
            #expect(byName.list.map { $0["campaign_id"]?.string } == [ids[2]])
            let byIDs = try await client.get(
                "campaign/get",
                [("advertiser_id", Self.advertiser), ("filtering", #"{"campaign_ids":["\#(ids[4])","\#(ids[0])"]}"#)])
            #expect(byIDs.list.compactMap { $0["campaign_id"]?.string } == [ids[0], ids[4]])
            let otherAdvertiser = try await client.get("campaign/get", [("advertiser_id", "7000000000000000002")])
            #expect(otherAdvertiser.list.isEmpty)
            #expect(otherAdvertiser.data["page_info"]?["total_page"] == .int(0))
            #expect(otherAdvertiser.data["page_info"]?["page_size"] == .int(10))
        }
    }

    // MARK: - State

    @Test("status changes show on read, delete hides and cascades, and deleted parents take no children")
    func statusAndDelete() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let world = running.mock.world
            let ids = try await Self.hierarchy(client, world: world)
            let paused = try await client.post(
                "campaign/status/update",
                .object([
                    ("advertiser_id", .string(Self.advertiser)), ("campaign_ids", .array([.string(ids.campaign)])),
                    ("operation_status", .string("DISABLE")),
                ]))
            #expect(paused.code == 0)
            #expect(paused.data["status"]?.string == "DISABLE")
            let campaigns = try await client.get("campaign/get", [("advertiser_id", Self.advertiser)])
            #expect(campaigns.list.first?["operation_status"]?.string == "DISABLE")
            #expect(campaigns.list.first?["secondary_status"]?.string == "CAMPAIGN_STATUS_DISABLE")
            let groups = try await client.get("adgroup/get", [("advertiser_id", Self.advertiser)])
            #expect(groups.list.first?["secondary_status"]?.string == "ADGROUP_STATUS_CAMPAIGN_DISABLE")
            #expect(world.entity("tiktok", ids.campaign)?.isActive == false)

            let pausedAd = try await client.post(
                "ad/status/update",
                .object([
                    ("advertiser_id", .string(Self.advertiser)), ("ad_ids", .array([.string(ids.ad)])),
                    ("operation_status", .string("DISABLE")),
                ]))
            #expect(pausedAd.code == 0)
            let ads = try await client.get("ad/get", [("advertiser_id", Self.advertiser)])
            #expect(ads.list.first?["secondary_status"]?.string == "AD_STATUS_DISABLE")

            let deleted = try await client.post(
                "campaign/status/update",
                .object([
                    ("advertiser_id", .string(Self.advertiser)), ("campaign_ids", .array([.string(ids.campaign)])),
                    ("operation_status", .string("DELETE")),
                ]))
            #expect(deleted.code == 0)
            let after = try await client.get("campaign/get", [("advertiser_id", Self.advertiser)])
            #expect(after.list.isEmpty && after.data["page_info"]?["total_number"] == .int(0))
            let groupsAfter = try await client.get("adgroup/get", [("advertiser_id", Self.advertiser)])
            #expect(groupsAfter.list.isEmpty)
            #expect(world.entity("tiktok", ids.ad)?.deleted == true)
            let all = try await client.get(
                "campaign/get",
                [("advertiser_id", Self.advertiser), ("filtering", #"{"primary_status":"STATUS_ALL"}"#)])
            #expect(all.list.first?["secondary_status"]?.string == "CAMPAIGN_STATUS_DELETE")

            let orphan = try await client.post(
                "adgroup/create", Client.adGroup("Late", campaign: ids.campaign, start: world.now))
            #expect(orphan.status == 200 && orphan.code == 40007)
            #expect(orphan.message == "campaign_id: Campaign \(ids.campaign) has been deleted.")
            let again = try await client.post(
                "adgroup/status/update",
                .object([
                    ("advertiser_id", .string(Self.advertiser)), ("adgroup_ids", .array([.string(ids.adgroup)])),
                    ("operation_status", .string("ENABLE")),
                ]))
            #expect(again.code == 40007)
        }
    }

    @Test("updates change names, budgets and creatives, and refuse immutable fields")
    func updates() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let world = running.mock.world
            let ids = try await Self.hierarchy(client, world: world)
            let renamed = try await client.post(
                "campaign/update",
                .object([
                    ("advertiser_id", .string(Self.advertiser)), ("campaign_id", .string(ids.campaign)),
                    ("campaign_name", .string("Renamed")),
                ]))
            #expect(renamed.code == 0 && renamed.data["campaign_name"]?.string == "Renamed")
            let budget = try await client.post(
                "adgroup/update",
                .object([
                    ("advertiser_id", .string(Self.advertiser)), ("adgroup_id", .string(ids.adgroup)),
                    ("budget", .number("75.5")),
                ]))
            #expect(budget.code == 0 && budget.data["budget"] == .number("75.5"))
            #expect(world.entity("tiktok", ids.adgroup)?.dailyBudgetMicros == 75_500_000)
            let read = try await client.get(
                "adgroup/get",
                [("advertiser_id", Self.advertiser), ("filtering", #"{"adgroup_ids":["\#(ids.adgroup)"]}"#)])
            #expect(read.list.first?["budget"] == .number("75.5"))
            #expect(read.list.first?["campaign_name"]?.string == "Renamed")
            let tooLow = try await client.post(
                "adgroup/update",
                .object([
                    ("advertiser_id", .string(Self.advertiser)), ("adgroup_id", .string(ids.adgroup)),
                    ("budget", .number("5")),
                ]))
            #expect(tooLow.code == 40002 && tooLow.message == "budget: The budget must be at least 20.00 USD.")
            let placements = try await client.post(
                "adgroup/update",
                .object([
                    ("advertiser_id", .string(Self.advertiser)), ("adgroup_id", .string(ids.adgroup)),
                    ("placements", .array([.string("PLACEMENT_PANGLE")])),
                ]))
            #expect(placements.code == 40002 && placements.message.hasPrefix("placements: Cannot be updated"))
            let text = try await client.post(
                "ad/update",
                .object([
                    ("advertiser_id", .string(Self.advertiser)), ("adgroup_id", .string(ids.adgroup)),
                    (
                        "creatives",
                        .array([.object([("ad_id", .string(ids.ad)), ("ad_text", .string("New text for tonight."))])])
                    ),
                ]))
            #expect(text.code == 0)
            #expect(text.data["creatives"]?.array?.first?["ad_text"]?.string == "New text for tonight.")
        }
    }

    // MARK: - Validation

    @Test("validation answers 40002/40007/40104 in TikTok's envelope at HTTP 200")
    func validation() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let world = running.mock.world
            func expectError(
                _ reply: Client.Reply, _ code: Int, _ message: String, sourceLocation: SourceLocation = #_sourceLocation
            ) {
                #expect(reply.status == 200, sourceLocation: sourceLocation)
                #expect(reply.code == code, sourceLocation: sourceLocation)
                #expect(reply.message == message, sourceLocation: sourceLocation)
                #expect(reply.data == .object([]), sourceLocation: sourceLocation)
                #expect(reply.json["request_id"]?.string?.isEmpty == false, sourceLocation: sourceLocation)
            }
            let advertiser = MockJSON.string(Self.advertiser)
            let unnamed = MockJSON.object([("advertiser_id", advertiser), ("objective_type", .string("TRAFFIC"))])
            expectError(
                try await client.post("campaign/create", unnamed), 40002,
                "campaign_name: Missing data for required field.")
            let badEnum = try await client.post(
                "campaign/create", Client.campaign("X", extra: [("objective_type", .string("SALES"))]))
            #expect(
                badEnum.code == 40002 && badEnum.message.hasPrefix("objective_type: Must be one of: REACH, TRAFFIC"))
            expectError(
                try await client.post(
                    "campaign/create",
                    Client.campaign(
                        "X", extra: [("budget_mode", .string("BUDGET_MODE_DAY")), ("budget", .number("49.99"))])),
                40002, "budget: The budget must be at least 50.00 USD.")
            expectError(
                try await client.post("campaign/create", Client.campaign(String(repeating: "n", count: 513))), 40002,
                "campaign_name: Length must be between 1 and 512 characters.")
            #expect(
                try await client.post("campaign/create", Client.campaign(String(repeating: "n", count: 512))).code == 0)
            expectError(
                try await client.post("campaign/create", Client.campaign("Launch 🚀")), 40002,
                "campaign_name: Emoji are not allowed.")
            expectError(
                try await client.post(
                    "campaign/create",
                    .object([
                        ("advertiser_id", advertiser), ("campaign_name", .int(7)),
                        ("objective_type", .string("TRAFFIC")),
                    ])), 40002, "campaign_name: Not a valid string.")
            expectError(
                try await client.post(
                    "campaign/create",
                    Client.campaign(
                        "X", extra: [("budget_mode", .string("BUDGET_MODE_DAY")), ("budget", .bool(true))])),
                40002, "budget: Not a valid number.")
            expectError(
                try await client.post("campaign/create", Client.campaign("X"), token: nil), 40104,
                "Access token is empty. Put a valid token in the Access-Token header.")
            #expect(try await client.post("campaign/create", Client.campaign("X"), token: "").code == 40104)
            #expect(
                try await client.get("campaign/get", [("advertiser_id", Self.advertiser)], token: nil).code == 40104)
            #expect(try await client.post("campaign/create", Client.campaign("X"), token: "expired-1").code == 40102)

            let campaign = try await client.post("campaign/create", Client.campaign("Parent"))
            let campaignID = try #require(campaign.data["campaign_id"]?.string)
            expectError(
                try await client.post(
                    "adgroup/create", Client.adGroup("Low", campaign: campaignID, start: world.now, budget: "19.99")),
                40002, "budget: The budget must be at least 20.00 USD.")
            expectError(
                try await client.post(
                    "adgroup/create", Client.adGroup("Ghost", campaign: "1799999999999999999", start: world.now)),
                40007, "campaign_id: Campaign 1799999999999999999 does not exist under advertiser \(Self.advertiser).")
            let foreign = Client.adGroup(
                "Foreign", campaign: campaignID, start: world.now,
                extra: [("advertiser_id", .string("7000000000000000002"))])
            #expect(try await client.post("adgroup/create", foreign).code == 40007)
            expectError(
                try await client.post(
                    "adgroup/create",
                    Client.adGroup(
                        "Time", campaign: campaignID, start: world.now,
                        extra: [("schedule_start_time", .string("2026-03-01T00:00:00Z"))])), 40002,
                "schedule_start_time: Not a valid time. Use the format YYYY-MM-DD HH:MM:SS (UTC+0).")
            expectError(
                try await client.post(
                    "adgroup/create",
                    Client.adGroup("Past", campaign: campaignID, start: world.now.addingTimeInterval(-13 * 3600))),
                40002, "schedule_start_time: The start time can be at most 12 hours earlier than the current time.")
            let badGoal = try await client.post(
                "adgroup/create",
                Client.adGroup(
                    "Goal", campaign: campaignID, start: world.now, extra: [("optimization_goal", .string("CLICKS"))]))
            #expect(badGoal.code == 40002 && badGoal.message.hasPrefix("optimization_goal: Must be one of:"))
            let lifetime = try await client.post(
                "adgroup/create",
                Client.adGroup(
                    "Lifetime", campaign: campaignID, start: world.now, budget: "100",
                    extra: [
                        ("budget_mode", .string("BUDGET_MODE_TOTAL")), ("schedule_type", .string("SCHEDULE_START_END")),
                        ("schedule_end_time", .string(Client.timestamp(world.now.addingTimeInterval(10 * 86_400)))),
                    ]))
            #expect(lifetime.code == 40002 && lifetime.message == "budget: The budget must be at least 200.00 USD.")

            let ids = try await Self.hierarchy(client, world: world)
            func adError(_ creative: [(String, MockJSON)]) async throws -> Client.Reply {
                try await client.post(
                    "ad/create", Client.ad(adgroup: ids.adgroup, image: ids.image, creative: creative))
            }
            expectError(
                try await adError([("ad_text", .string(String(repeating: "a", count: 101)))]), 40002,
                "creatives[0].ad_text: Length must be between 1 and 100 characters (a CJK character counts as 2).")
            #expect(try await adError([("ad_text", .string(String(repeating: "好", count: 50)))]).code == 0)
            #expect(try await adError([("ad_text", .string(String(repeating: "好", count: 51)))]).code == 40002)
            expectError(
                try await adError([("ad_text", .string("Watch now 🎬"))]), 40002,
                "creatives[0].ad_text: Emoji are not allowed.")
            #expect(try await adError([("display_name", .string(String(repeating: "d", count: 41)))]).code == 40002)
            #expect(try await adError([("display_name", .string(String(repeating: "名", count: 21)))]).code == 40002)
            let cta = try await adError([("call_to_action", .string("CLICK_HERE"))])
            #expect(cta.code == 40002 && cta.message.hasPrefix("creatives[0].call_to_action: Must be one of:"))
            expectError(
                try await adError([("image_ids", .array([.string("ad-site-i18n-sg/missing")]))]), 40007,
                "creatives[0].image_ids: Image ad-site-i18n-sg/missing does not exist.")
            expectError(
                try await adError([("ad_text", .null)]), 40002, "creatives[0].ad_text: Missing data for required field."
            )
            expectError(
                try await adError([("landing_page_url", .string("javascript:alert(1)"))]), 40002,
                "creatives[0].landing_page_url: Not a valid URL. Use an http(s) URL.")
            let ghostAd = try await client.post(
                "ad/create", Client.ad(adgroup: "1799999999999999998", image: ids.image))
            #expect(ghostAd.code == 40007)
            let status = try await client.post(
                "campaign/status/update",
                .object([
                    ("advertiser_id", advertiser), ("campaign_ids", .array([.string("1799999999999999997")])),
                    ("operation_status", .string("DISABLE")),
                ]))
            #expect(status.code == 40007)
            let statusEnum = try await client.post(
                "campaign/status/update",
                .object([
                    ("advertiser_id", advertiser), ("campaign_ids", .array([.string(ids.campaign)])),
                    ("operation_status", .string("PAUSE")),
                ]))
            #expect(
                statusEnum.code == 40002
                    && statusEnum.message == "operation_status: Must be one of: ENABLE, DISABLE, DELETE.")
        }
    }

    // MARK: - Metrics

    @Test("reports delivery and pixel conversions as strings in USD, within budget")
    func report() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let world = running.mock.world
            let start = world.now
            let ids = try await Self.hierarchy(client, world: world)
            let idle = try await client.post("campaign/create", Client.campaign("Idle"))
            let idleID = try #require(idle.data["campaign_id"]?.string)
            // No modelled conversions, so the pixel's is the only one.
            try world.setPerformance(
                PerformanceTruth(from: start, conversionRate: 0), platform: "tiktok", entityID: ids.campaign)
            world.advance(by: 2 * 86_400)
            let click = try #require(world.mintClick(platform: "tiktok", adID: ids.ad))
            #expect(click.url.contains("ttclid=\(click.clickID)"))
            world.recordPixelEvent(
                platform: "tiktok", event: "CompleteRegistration", page: "/landing/hulu/",
                parameters: ["ttclid": click.clickID], valueMicros: 12_340_000)
            let value = #"[\"\#(ids.campaign)\",\"\#(idleID)\"]"#
            let filter = #"[{"field_name":"campaign_ids","filter_type":"IN","filter_value":"\#(value)"}]"#
            let reply = try await client.get(
                "report/integrated/get",
                [
                    ("advertiser_id", Self.advertiser), ("report_type", "BASIC"), ("data_level", "AUCTION_CAMPAIGN"),
                    ("dimensions", #"["campaign_id"]"#),
                    (
                        "metrics",
                        #"["spend","impressions","clicks","ctr","cpm","conversion","#
                            + #""total_complete_payment_rate","campaign_name"]"#
                    ),
                    ("start_date", Client.day(start)), ("end_date", Client.day(world.now)), ("filtering", filter),
                    ("page", "1"), ("page_size", "1000"), ("enable_total_metrics", "True"),
                ])
            #expect(reply.code == 0, "\(reply.message)")
            #expect(reply.list.count == 2)
            let row = try #require(reply.list.first { $0["dimensions"]?["campaign_id"]?.string == ids.campaign })
            let metrics = try #require(row["metrics"])
            let spendText = try #require(metrics["spend"]?.string)
            #expect(spendText.split(separator: ".").last?.count == 2)
            let spend = try #require(Double(spendText))
            let delivery = world.delivery("tiktok", entityID: ids.campaign, from: start, to: world.now)
            #expect(spend > 0 && spend <= 20 * 3)
            #expect(spend == Double(delivery.spendMicros) / 1_000_000)
            #expect(metrics["impressions"]?.string == String(delivery.impressions))
            #expect(metrics["clicks"]?.string == String(delivery.clicks))
            #expect(Int(metrics["impressions"]?.string ?? "") ?? 0 > 0)
            #expect(metrics["conversion"]?.string == "1")
            #expect(metrics["total_complete_payment_rate"]?.string == "12.34")
            #expect(metrics["campaign_name"]?.string == "Winter launch")
            #expect(metrics["ctr"]?.string?.contains(".") == true)
            let idleRow = try #require(reply.list.first { $0["dimensions"]?["campaign_id"]?.string == idleID })
            #expect(idleRow["metrics"]?["spend"]?.string == "0.00")
            #expect(reply.data["total_metrics"]?["spend"]?.string == spendText)

            let daily = try await client.get(
                "report/integrated/get",
                [
                    ("advertiser_id", Self.advertiser), ("report_type", "BASIC"), ("data_level", "AUCTION_AD"),
                    ("dimensions", #"["ad_id","stat_time_day"]"#), ("metrics", #"["spend","impressions"]"#),
                    ("start_date", Client.day(start)), ("end_date", Client.day(world.now)),
                ])
            #expect(daily.code == 0)
            #expect(daily.list.count == 3)
            let total = daily.list.compactMap { $0["metrics"]?["spend"]?.string.flatMap(Double.init) }.reduce(0, +)
            #expect(abs(total - spend) < 0.000_1)
            #expect(daily.list.first?["dimensions"]?["stat_time_day"]?.string == Client.day(start) + " 00:00:00")

            let bad = try await client.get(
                "report/integrated/get",
                [
                    ("advertiser_id", Self.advertiser), ("report_type", "BASIC"), ("data_level", "AUCTION_CAMPAIGN"),
                    ("dimensions", #"["adgroup_id"]"#), ("start_date", Client.day(start)),
                    ("end_date", Client.day(world.now)),
                ])
            #expect(bad.code == 40002 && bad.message.hasPrefix("dimensions: adgroup_id does not fit"))
            let missing = try await client.get(
                "report/integrated/get",
                [
                    ("advertiser_id", Self.advertiser), ("data_level", "AUCTION_CAMPAIGN"),
                    ("dimensions", #"["campaign_id"]"#),
                ])
            #expect(missing.code == 40002 && missing.message == "report_type: Missing data for required field.")
        }
    }

    // MARK: - Faults and rate limits

    @Test("fault rules answer in the envelope: TikTok codes at 200, bare statuses with 50000, drops close")
    func faults() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            running.mock.faults.add(
                FaultRule(
                    platform: "tiktok", path: "/open_api/v1.3/campaign/create/", kind: .status, status: 503,
                    remaining: 1))
            let unavailable = try await client.post("campaign/create", Client.campaign("A"))
            #expect(unavailable.status == 503 && unavailable.code == 50000 && unavailable.message == "System error.")
            for code in ["40100", "40102", "40105", "40002", "50002"] {
                running.mock.faults.add(
                    FaultRule(
                        platform: "tiktok", path: "/open_api/v1.3/campaign/*", kind: .platformError, code: code,
                        remaining: 1))
                let reply = try await client.post("campaign/create", Client.campaign("B"))
                #expect(reply.status == 200 && reply.code == Int(code))
                #expect(!reply.message.isEmpty)
            }
            running.mock.faults.add(
                FaultRule(
                    platform: "tiktok", path: "*", kind: .platformError, code: "40001", message: "No permission.",
                    remaining: 1))
            let custom = try await client.get("campaign/get", [("advertiser_id", Self.advertiser)])
            #expect(custom.code == 40001 && custom.message == "No permission.")
            running.mock.faults.add(FaultRule(platform: "tiktok", path: "*", kind: .drop, remaining: 1))
            await #expect(throws: (any Error).self) {
                _ = try await client.post("campaign/create", Client.campaign("C"))
            }
            let ok = try await client.post("campaign/create", Client.campaign("D"))
            #expect(ok.code == 0)
        }
    }

    @Test("a spent rate-limit budget answers 40100 at HTTP 200 without usage headers")
    func rateLimit() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            running.mock.rateLimits.set(
                RateLimitBudget(platform: "tiktok", account: Self.advertiser, limit: 2, windowSeconds: 60))
            #expect(try await client.post("campaign/create", Client.campaign("1")).code == 0)
            #expect(try await client.get("campaign/get", [("advertiser_id", Self.advertiser)]).code == 0)
            let limited = try await client.post("campaign/create", Client.campaign("3"))
            #expect(limited.status == 200 && limited.code == 40100)
            #expect(limited.message == "Requests made too frequently, please try again later.")
            #expect(
                !limited.headers.contains {
                    $0.name.lowercased().hasPrefix("x-") && $0.name.lowercased().contains("rate")
                })
            let other = try await client.get("campaign/get", [("advertiser_id", "7000000000000000002")])
            #expect(other.code == 0)
            #expect(running.mock.world.entities("tiktok", kind: "campaign", account: Self.advertiser).count == 1)
        }
    }

    // MARK: - Uploads and bad input

    @Test("image upload checks the signature and type, de-duplicates, and takes bodies up to 10 MiB")
    func upload() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let png = Client.png(width: 1200, height: 628)
            let fields = [("advertiser_id", Self.advertiser), ("image_signature", Client.md5(png))]
            let first = try await client.upload(fields: fields, file: ("banner.png", png))
            #expect(first.code == 0)
            #expect(first.data["width"] == .int(1200) && first.data["height"] == .int(628))
            #expect(first.data["format"]?.string == "png" && first.data["size"] == .int(png.count))
            #expect(first.data["signature"]?.string == Client.md5(png))
            #expect(first.data["file_name"]?.string == "banner.png")
            #expect(first.data["image_id"]?.string?.hasPrefix("ad-site-i18n-sg/") == true)
            #expect(first.data["material_id"]?.string?.count == 19)
            let again = try await client.upload(fields: fields, file: ("banner.png", png))
            #expect(again.data["image_id"] == first.data["image_id"])
            let info = try await client.get(
                "file/image/ad/info",
                [("advertiser_id", Self.advertiser), ("image_ids", "[\"\(first.data["image_id"]?.string ?? "")\"]")])
            #expect(info.list.count == 1)

            let mismatch = try await client.upload(
                fields: [("advertiser_id", Self.advertiser), ("image_signature", String(repeating: "0", count: 32))],
                file: ("x.png", png))
            #expect(mismatch.code == 40900)
            let text = Data("not an image".utf8)
            let notImage = try await client.upload(
                fields: [("advertiser_id", Self.advertiser), ("image_signature", Client.md5(text))],
                file: ("x.png", text))
            #expect(notImage.code == 40908)
            let noFile = try await client.upload(fields: [("advertiser_id", Self.advertiser)], file: nil)
            #expect(noFile.code == 40002 && noFile.message == "image_file: Missing data for required field.")
            let byURL = try await client.upload(
                fields: [
                    ("advertiser_id", Self.advertiser), ("upload_type", "UPLOAD_BY_URL"),
                    ("image_url", "https://cdn.example.com/hero.jpg"),
                ], file: nil)
            #expect(byURL.code == 0 && byURL.data["format"]?.string == "jpeg")

            let large = Client.png(length: 3 << 20)
            let big = try await client.upload(
                fields: [("advertiser_id", Self.advertiser), ("image_signature", Client.md5(large))],
                file: ("big.png", large))
            #expect(big.code == 0 && big.data["size"] == .int(3 << 20))
            let huge = Client.png(length: (10 << 20) + 1)
            let tooBig = try await client.upload(
                fields: [("advertiser_id", Self.advertiser), ("image_signature", Client.md5(huge))],
                file: ("huge.png", huge))
            #expect(tooBig.status == 200 && tooBig.code == 40907)
        }
    }

    @Test("bad input gets TikTok's envelope, never a crash")
    func badInput() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let malformed = try await client.send(
                "POST", "campaign/create", body: Data(#"{"advertiser_id": "1", "#.utf8), contentType: "application/json"
            )
            #expect(malformed.status == 200 && malformed.code == 40002)
            #expect(malformed.message == "body: Invalid JSON. The request body could not be parsed.")
            let array = try await client.send(
                "POST", "adgroup/create", body: Data("[1,2]".utf8), contentType: "application/json")
            #expect(
                array.code == 40002 && array.message == "body: Invalid JSON. The request body must be a JSON object.")
            let form = try await client.send(
                "POST", "ad/create", body: Data("advertiser_id=1&adgroup_id=2".utf8),
                contentType: "application/x-www-form-urlencoded")
            #expect(form.code == 40002)
            let wrongTypes = try await client.post(
                "ad/create",
                .object([
                    ("advertiser_id", .array([])), ("adgroup_id", .object([])), ("creatives", .string("x")),
                ]))
            #expect(wrongTypes.code == 40002 && wrongTypes.message == "advertiser_id: Not a valid id.")
            let creatives = try await client.post(
                "ad/create",
                .object([
                    ("advertiser_id", .string(Self.advertiser)), ("adgroup_id", .string("1")),
                    ("creatives", .string("x")),
                ]))
            #expect(creatives.code == 40002 && creatives.message == "creatives: Not a valid list.")
            let filtering = try await client.get(
                "campaign/get", [("advertiser_id", Self.advertiser), ("filtering", "{not json")])
            #expect(filtering.code == 40002 && filtering.message == "filtering: Not a valid JSON object.")
            let pageSize = try await client.get(
                "campaign/get", [("advertiser_id", Self.advertiser), ("page_size", "1001")])
            #expect(pageSize.code == 40002 && pageSize.message == "page_size: Must be between 1 and 1000.")
            let page = try await client.get("campaign/get", [("advertiser_id", Self.advertiser), ("page", "two")])
            #expect(page.code == 40002 && page.message == "page: Not a valid integer.")
            let noAdvertiser = try await client.get("campaign/get", [])
            #expect(
                noAdvertiser.code == 40002 && noAdvertiser.message == "advertiser_id: Missing data for required field.")
            let oversized = try await client.send(
                "POST", "campaign/create", body: Data(repeating: UInt8(ascii: " "), count: (1 << 20) + 1),
                contentType: "application/json")
            #expect(oversized.status == 200 && oversized.code == 40002)
            #expect(oversized.message == "body: Request body too large. The limit is 1 MB.")
            let route = try await client.send("GET", "campaign/list")
            #expect(route.status == 200 && route.code == 40400)
            let root = try await client.send("GET", "/open_api/")
            #expect(root.code == 40400)
            let version = try await client.send("GET", "/open_api/v1.2/campaign/get/")
            #expect(version.code == 40051)
            let method = try await client.send("GET", "campaign/create")
            #expect(method.code == 40400 && method.message.contains("this endpoint takes POST"))
            let multipart = try await client.send(
                "POST", "file/image/ad/upload", body: Data("garbage".utf8),
                contentType: "multipart/form-data; boundary=abc")
            #expect(multipart.code == 40002 && multipart.message == "body: Malformed multipart/form-data body.")
            let deep = String(repeating: "[", count: 10_000)
            let nested = try await client.send(
                "POST", "campaign/create", body: Data(deep.utf8), contentType: "application/json")
            #expect(nested.code == 40002)
        }
    }

    // MARK: - OAuth

    @Test("OAuth exchanges codes for tokens and lists advertisers, with TikTok's auth codes")
    func oauth() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let body = MockJSON.object([
                ("app_id", .string("7123")), ("secret", .string("s3cret")), ("auth_code", .string("code-1")),
            ])
            let token = try await client.post("oauth2/access_token", body, token: nil)
            #expect(token.code == 0)
            let accessToken = try #require(token.data["access_token"]?.string)
            #expect(accessToken.count == 40)
            #expect(token.data["advertiser_ids"]?.array?.contains(.string(Self.advertiser)) == true)
            #expect(token.data["scope"]?.array?.isEmpty == false)
            let same = try await client.post("oauth2/access_token", body, token: nil)
            #expect(same.data["access_token"]?.string == accessToken)
            let missing = try await client.post(
                "oauth2/access_token", .object([("app_id", .string("7123")), ("secret", .string("s"))]), token: nil)
            #expect(missing.code == 40002 && missing.message == "auth_code: Missing data for required field.")
            let invalid = try await client.post(
                "oauth2/access_token", body.setting("auth_code", .string("invalid-code")), token: nil)
            #expect(invalid.code == 40110)
            let advertisers = try await client.get(
                "oauth2/advertiser/get", [("app_id", "7123"), ("secret", "s3cret")], token: accessToken)
            #expect(advertisers.list.first?["advertiser_id"]?.string == Self.advertiser)
            let noToken = try await client.get(
                "oauth2/advertiser/get", [("app_id", "7123"), ("secret", "s3cret")], token: nil)
            #expect(noToken.code == 40104)
            let refreshed = try await client.post(
                "oauth2/refresh_token",
                .object([
                    ("app_id", .string("7123")), ("secret", .string("s3cret")), ("refresh_token", .string("r-1")),
                    ("grant_type", .string("refresh_token")),
                ]), token: nil)
            #expect(refreshed.code == 0 && refreshed.data["refresh_token"]?.string?.count == 40)
            let expired = try await client.post(
                "oauth2/refresh_token",
                .object([
                    ("app_id", .string("7123")), ("secret", .string("s3cret")), ("refresh_token", .string("expired-1")),
                ]), token: nil)
            #expect(expired.code == 40103)
        }
    }
}
