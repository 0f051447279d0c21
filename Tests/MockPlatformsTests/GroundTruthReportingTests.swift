import AdPlatformKit
import Foundation
import HTTPTypes
import Testing

@testable import MockPlatforms

/// Ground truth set through the control plane, read back through each platform's own reporting API over a real
/// socket: a day's spend is the budget, its figures follow the truth, late conversions show on a re-read of the
/// past day, and a pause through the platform's API stops the next day's spend without restating the last.
@Suite("Ground truth in every platform's reports")
struct GroundTruthReportingTests {
    /// 09:00 UTC on 2026-12-01: the entities are created mid-day, so the next day is their first whole one.
    static let start = Date(timeIntervalSince1970: 1_796_083_200 + 9 * 3_600)
    static let day: TimeInterval = 86_400

    /// A day's figures from a platform's report of one campaign, money in micros.
    struct Figures: Equatable {
        var spendMicros: Int64 = 0
        var impressions: Int64 = 0
        var clicks: Int64 = 0
        var conversions: Int64 = 0
        var valueMicros: Int64 = 0
    }

    /// One platform driven through its own API: create an active campaign, read a day's report, pause it.
    struct Platform {
        var id: String
        var dailyBudgetMicros: Int64
        var create: () async throws -> String
        var read: (_ campaign: String, _ day: String) async throws -> Figures
        var pause: (_ campaign: String) async throws -> Void
    }

    @Test(
        "a day's report follows the truth; late conversions show on a re-read; a pause stops the next day",
        arguments: ["meta", "tiktok", "snapchat", "google"])
    func report(platform name: String) async throws {
        let configuration = MockPlatformsConfiguration(port: 0, seed: 21, clock: .fixed(at: Self.start))
        try await MockPlatforms.withRunning(configuration: configuration) { running in
            let platform = try Self.platform(name, running)
            let world = running.mock.world
            let campaign = try await platform.create()
            let truth = await Self.control(
                running, "PUT", "/_mock/truth",
                #"""
                {"platform":"\#(name)","entityId":"\#(campaign)","clickThroughRate":0.02,"conversionRate":0.1,
                 "valuePerConversion":40,"cpm":10,"pacing":1,"from":"2026-12-01"}
                """#)
            #expect(truth.status == 200, "\(truth.json.serialized)")
            let factor = try #require(
                truth.json["ads"]?.array?.first?["cpmFactor"]?.text.flatMap(Double.init))

            // Midnight of 2026-12-03: the 2nd is the first whole day.
            world.setClock(Self.start.addingTimeInterval(15 * 3_600 + Self.day))
            let first = try await platform.read(campaign, "2026-12-02")
            #expect(first.spendMicros == platform.dailyBudgetMicros, "pacing 1 spends the whole budget")
            let impressions = Double(platform.dailyBudgetMicros) / 10 / factor / 1_000
            #expect(abs(Double(first.impressions) - impressions) < 1, "spend ÷ (CPM × audience factor)")
            #expect(Self.isRounding(first.clicks, of: Double(first.impressions) * 0.02))
            #expect(Self.isRounding(first.conversions, of: Double(first.clicks) * 0.1))
            #expect(first.valueMicros == first.conversions * 40_000_000)

            let late = await Self.control(
                running, "POST", "/_mock/conversions",
                #"{"platform":"\#(name)","entityId":"\#(campaign)","date":"2026-12-02","count":5,"value":100}"#)
            #expect(late.status == 201, "\(late.json.serialized)")
            var restated = first
            restated.conversions += 5
            restated.valueMicros += 100_000_000
            #expect(try await platform.read(campaign, "2026-12-02") == restated)

            try await platform.pause(campaign)
            world.setClock(Self.start.addingTimeInterval(15 * 3_600 + 2 * Self.day + 3_600))
            #expect(try await platform.read(campaign, "2026-12-03") == Figures(), "paused from midnight")
            #expect(try await platform.read(campaign, "2026-12-02") == restated, "the day before stays")
        }
    }

    @Test("targeting changed through the platform's API changes impressions from that moment, not before")
    func targeting() async throws {
        let configuration = MockPlatformsConfiguration(port: 0, seed: 21, clock: .fixed(at: Self.start))
        try await MockPlatforms.withRunning(configuration: configuration) { running in
            let world = running.mock.world
            let tiktok = Self.tiktok(running)
            let client = TikTokTestClient(baseURL: running.baseURL)
            let ids = try await TikTokEmulatorTests.hierarchy(client, world: world)
            let google = Self.google(running)
            let names = try await GoogleEmulatorTests.createHierarchy(
                GoogleTestClient(baseURL: running.baseURL), name: "Narrowed", budgetMicros: 40_000_000)
            let googleCampaign = GoogleEmulatorTests.id(names[1])
            for (platform, campaign) in [("tiktok", ids.campaign), ("google", googleCampaign)] {
                let truth = await Self.control(
                    running, "PUT", "/_mock/truth",
                    #"{"platform":"\#(platform)","entityId":"\#(campaign)","cpm":10,"pacing":1,"from":"2026-12-01"}"#)
                #expect(truth.status == 200, "\(truth.json.serialized)")
            }
            world.setClock(Self.start.addingTimeInterval(15 * 3_600 + Self.day))
            // TikTok: women of 18–34 (17 of 48 years, half the genders); Google: women (half the audience).
            let update = try await client.post(
                "adgroup/update",
                .object([
                    ("advertiser_id", .string(TikTokTestClient.advertiser)), ("adgroup_id", .string(ids.adgroup)),
                    ("age_groups", .array([.string("AGE_18_24"), .string("AGE_25_34")])),
                    ("gender", .string("GENDER_FEMALE")),
                ]))
            #expect(update.code == 0, "\(update.message)")
            let criterion = try await GoogleTestClient(baseURL: running.baseURL).call(
                "adGroupCriteria:mutate",
                GoogleTestClient.operations([
                    GoogleTestClient.create([
                        ("adGroup", .string(names[2])), ("gender", .object([("type", .string("FEMALE"))])),
                    ])
                ]))
            #expect(criterion.status == 200, "\(criterion.json.serialized)")
            world.setClock(Self.start.addingTimeInterval(15 * 3_600 + 2 * Self.day))
            let tiktokBefore = try await tiktok.read(ids.campaign, "2026-12-02")
            let tiktokAfter = try await tiktok.read(ids.campaign, "2026-12-03")
            #expect(tiktokBefore.impressions == 2_000)
            #expect(abs(Double(tiktokAfter.impressions) - 2_000 / pow(2 * 48 / 17, 0.25)) < 1)
            #expect(tiktokAfter.spendMicros == tiktokBefore.spendMicros)
            let googleBefore = try await google.read(googleCampaign, "2026-12-02")
            let googleAfter = try await google.read(googleCampaign, "2026-12-03")
            #expect(googleBefore.impressions == 4_000)
            #expect(abs(Double(googleAfter.impressions) - 4_000 / pow(2.0, 0.25)) < 1, "half the audience")
            #expect(googleAfter.spendMicros == googleBefore.spendMicros)
        }
    }

    /// Whether a count is its expected value rounded down or up.
    static func isRounding(_ count: Int64, of expected: Double) -> Bool {
        Double(count) == expected.rounded(.down) || Double(count) == expected.rounded(.up)
    }

    /// Micros of a decimal amount in major units (`"10.00"`, `12.5`).
    static func micros(_ value: MockJSON?) -> Int64 {
        guard let decimal = value?.decimal else { return 0 }
        return NSDecimalNumber(decimal: decimal * 1_000_000).int64Value
    }

    /// A control-plane request over the socket.
    static func control(
        _ running: MockPlatforms.Running, _ method: String, _ path: String, _ body: String
    ) async -> (status: Int, json: MockJSON) {
        let request = MockRequest(
            method: method, path: path, queryString: nil, headers: ["content-type": "application/json"],
            body: Data(body.utf8), receivedAt: running.mock.world.now)
        let response = await running.mock.respond(to: request, context: nil)
        return (response.status, MockJSON.parse(response.body) ?? .null)
    }

    static func platform(_ name: String, _ running: MockPlatforms.Running) throws -> Platform {
        switch name {
        case "meta": return meta(running)
        case "tiktok": return tiktok(running)
        case "snapchat": return snapchat(running)
        default: return google(running)
        }
    }

    // MARK: - The four platforms

    static func meta(_ running: MockPlatforms.Running) -> Platform {
        let client = MetaTestClient(baseURL: running.baseURL)
        let account = MetaTestClient.account
        return Platform(
            id: "meta", dailyBudgetMicros: 10_000_000,
            create: {
                let ids = try await MetaEmulatorTests.hierarchy(client)
                for id in [ids.campaign, ids.adSet, ids.ad] {
                    let reply = try await client.post(id + "/", [("status", "ACTIVE")])
                    #expect(reply.status == 200, "\(reply.json)")
                }
                return ids.campaign
            },
            read: { campaign, day in
                let reply = try await client.get(
                    "\(account)/insights",
                    [
                        ("level", "campaign"), ("fields", "campaign_id,impressions,clicks,spend,actions,action_values"),
                        ("time_range", #"{"since":"\#(day)","until":"\#(day)"}"#),
                        ("filtering", #"[{"field":"campaign.id","operator":"IN","value":["\#(campaign)"]}]"#),
                    ])
                #expect(reply.status == 200, "\(reply.json)")
                guard let row = reply.data.first else { return Figures() }
                let purchase = "offsite_conversion.fb_pixel_purchase"
                func action(_ field: String) -> MockJSON? {
                    row[field]?.array?.first { $0["action_type"]?.string == purchase }?["value"]
                }
                return Figures(
                    spendMicros: micros(row["spend"]), impressions: row["impressions"]?.int64 ?? 0,
                    clicks: row["clicks"]?.int64 ?? 0, conversions: action("actions")?.int64 ?? 0,
                    valueMicros: micros(action("action_values")))
            },
            pause: { campaign in
                let reply = try await client.post(campaign + "/", [("status", "PAUSED")])
                #expect(reply.status == 200, "\(reply.json)")
            })
    }

    static func tiktok(_ running: MockPlatforms.Running) -> Platform {
        let client = TikTokTestClient(baseURL: running.baseURL)
        let advertiser = TikTokTestClient.advertiser
        return Platform(
            id: "tiktok", dailyBudgetMicros: 20_000_000,
            create: { try await TikTokEmulatorTests.hierarchy(client, world: running.mock.world).campaign },
            read: { campaign, day in
                let filter = #"[{"field_name":"campaign_ids","filter_type":"IN","filter_value":"[\"\#(campaign)\"]"}]"#
                let reply = try await client.get(
                    "report/integrated/get",
                    [
                        ("advertiser_id", advertiser), ("report_type", "BASIC"), ("data_level", "AUCTION_CAMPAIGN"),
                        ("dimensions", #"["campaign_id"]"#),
                        ("metrics", #"["spend","impressions","clicks","conversion","total_complete_payment_rate"]"#),
                        ("start_date", day), ("end_date", day), ("filtering", filter),
                    ])
                #expect(reply.code == 0, "\(reply.message)")
                let metrics = reply.list.first?["metrics"]
                return Figures(
                    spendMicros: micros(metrics?["spend"]), impressions: metrics?["impressions"]?.int64 ?? 0,
                    clicks: metrics?["clicks"]?.int64 ?? 0, conversions: metrics?["conversion"]?.int64 ?? 0,
                    valueMicros: micros(metrics?["total_complete_payment_rate"]))
            },
            pause: { campaign in
                let reply = try await client.post(
                    "campaign/status/update",
                    .object([
                        ("advertiser_id", .string(advertiser)), ("campaign_ids", .array([.string(campaign)])),
                        ("operation_status", .string("DISABLE")),
                    ]))
                #expect(reply.code == 0, "\(reply.message)")
            })
    }

    static func snapchat(_ running: MockPlatforms.Running) -> Platform {
        let snap = SnapchatTestClient(running: running)
        return Platform(
            id: "snapchat", dailyBudgetMicros: 20_000_000,
            create: { try await snap.hierarchy(dailyBudget: 20_000_000).campaign },
            read: { campaign, day in
                let fields =
                    "impressions,swipes,spend,conversion_sign_ups,conversion_purchases,conversion_purchases_value"
                let midnight = try #require(GroundTruthControl.day(day))
                let next = MockWorld.dayText(midnight.addingTimeInterval(GroundTruthReportingTests.day))
                let answer = try await snap.send(
                    .get,
                    "/v1/campaigns/\(campaign)/stats?granularity=TOTAL&fields=\(fields)"
                        + "&start_time=\(day)T00:00:00.000Z&end_time=\(next)T00:00:00.000Z")
                #expect(answer.status == 200)
                let stats = answer.json?["total_stats"]?.array?.first?["total_stat"]?["stats"]
                return Figures(
                    spendMicros: stats?["spend"]?.int64 ?? 0, impressions: stats?["impressions"]?.int64 ?? 0,
                    clicks: stats?["swipes"]?.int64 ?? 0,
                    conversions: (stats?["conversion_sign_ups"]?.int64 ?? 0)
                        + (stats?["conversion_purchases"]?.int64 ?? 0),
                    valueMicros: stats?["conversion_purchases_value"]?.int64 ?? 0)
            },
            pause: { campaign in
                let paused = snap.campaign(status: "PAUSED").setting("id", .string(campaign))
                let answer = try await snap.send(
                    .put, "/v1/adaccounts/\(snap.account)/campaigns",
                    json: SnapchatTestClient.envelope("campaigns", paused))
                #expect(answer.status == 200)
            })
    }

    static func google(_ running: MockPlatforms.Running) -> Platform {
        let client = GoogleTestClient(baseURL: running.baseURL)
        return Platform(
            id: "google", dailyBudgetMicros: 40_000_000,
            create: {
                let names = try await GoogleEmulatorTests.createHierarchy(
                    client, name: "Ground truth", budgetMicros: 40_000_000)
                return GoogleEmulatorTests.id(names[1])
            },
            read: { campaign, day in
                let reply = try await client.search(
                    "SELECT campaign.id, metrics.impressions, metrics.clicks, metrics.cost_micros, metrics.conversions, "
                        + "metrics.conversions_value FROM campaign WHERE segments.date BETWEEN '\(day)' AND '\(day)' "
                        + "AND campaign.id = \(campaign)")
                #expect(reply.status == 200, "\(reply.json.serialized)")
                let metrics = reply.results.first?["metrics"]
                return Figures(
                    spendMicros: metrics?["costMicros"]?.int64 ?? 0, impressions: metrics?["impressions"]?.int64 ?? 0,
                    clicks: metrics?["clicks"]?.int64 ?? 0, conversions: metrics?["conversions"]?.int64 ?? 0,
                    valueMicros: micros(metrics?["conversionsValue"]))
            },
            pause: { campaign in
                let name = GoogleTestClient.name("campaigns", campaign)
                let reply = try await client.call(
                    "campaigns:mutate",
                    GoogleTestClient.operations([
                        .object([
                            ("update", .object([("resourceName", .string(name)), ("status", .string("PAUSED"))])),
                            ("updateMask", .string("status")),
                        ])
                    ]))
                #expect(reply.status == 200, "\(reply.json.serialized)")
            })
    }
}
