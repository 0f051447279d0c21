import AdOpsServer
import AdPlatformKit
import Foundation
import Hummingbird
import Testing
import Trafficking

/// `POST /api/v1/campaigns/{id}/creative-tests` (a dry run by default, or apply) and `GET` (the stored tests).
@Suite struct CreativeTestRoutesTests {
    /// A live Meta campaign (c1) with one ad group (g1) and two ads under it (a1, a2), and 5 days ending yesterday
    /// of 1,000 impressions a day for each ad: a1 with 20 clicks a day (2%), a2 with `clicks` a day.
    static func testedCampaign(
        in harness: ActionRoutesTests.Harness, clicks: Int64 = 40
    ) async throws -> Campaign {
        let store = harness.store
        let account = try await store.createAccount(
            NewAdAccount(
                platform: .meta, platformAccountID: "act_\(Int.random(in: 1000...9999))", name: "Disney+",
                currency: .usd, credentials: PlatformCredentials(accessToken: "secret")))
        var body = APIHarness.request()
        body["status"] = "ACTIVE"
        let request = try TraffickingRequestDecoder().decode(JSONSerialization.data(withJSONObject: body))
        let job = try #require(
            try await store.enqueue([
                NewCampaignJob(
                    id: .timeOrdered(at: store.clock.now), accountID: account.id, platform: .meta, request: request,
                    batchID: UUID())
            ]).first)
        _ = try await store.claimJobs(owner: "w", limit: 1, lease: .seconds(60), now: store.clock.now)
        for (key, kind, id, parent) in [
            ("campaign", EntityKind.campaign, "c1", "act"), ("adGroup/families", .adGroup, "g1", "c1"),
            ("ad/0/families/social-hero", .ad, "a1", "g1"), ("ad/1/families/social-alternate", .ad, "a2", "g1"),
        ] {
            try await store.startStep(job: job.id, key: key, kind: kind, marker: nil, calls: [], at: store.clock.now)
            try await store.completeStep(
                job: job.id, key: key,
                entities: [PlatformEntity(platform: .meta, kind: kind, id: id, name: id, parentID: parent)],
                media: nil, calls: [], at: store.clock.now)
        }
        try await store.finish(job: job.id, owner: "w", outcome: .success(platformCampaignID: "c1"))
        let campaign = try #require(try await store.campaign(job: job.id))
        let days = (-5 ... -1).map { MetricsRoutesTests.day($0, in: store) }
        let rows = days.flatMap { day in
            [("a1", Int64(20)), ("a2", clicks)].map { ad, clicks in
                DailyMetric(
                    campaignID: campaign.id, level: .ad, platformID: ad, date: day,
                    attributionWindow: "7d_click_1d_view",
                    totals: MetricTotals(
                        impressions: 1000, clicks: clicks, spend: Money(minorUnits: 1000, currency: .usd),
                        conversions: Double(clicks / 10), conversionValue: Money(minorUnits: 3000, currency: .usd)),
                    syncedAt: store.clock.now)
            }
        }
        try await MetricsRoutesTests.record(rows, of: campaign, since: days[0], until: days[4], in: store)
        return campaign
    }

    static func path(_ campaign: Campaign) -> String { "/api/v1/campaigns/\(campaign.id.uuidString)/creative-tests" }

    @Test("a dry run answers 200 with the test per ad group; an apply 202 with the loser's pause; both are listed")
    func dryRunThenApply() async throws {
        let harness = try ActionRoutesTests.Harness()
        let campaign = try await Self.testedCampaign(in: harness)
        try await harness.run { client in
            let dry = try await client.send(.post, Self.path(campaign), json: ["days": 7])
            #expect(dry.status == .ok, "\(dry.text)")
            #expect(dry.object["mode"] as? String == "dry_run" && dry.object["metric"] as? String == "ctr")
            #expect(dry.object["campaign_id"] as? String == campaign.id.uuidString)
            #expect(dry.object["since"] as? String == MetricsRoutesTests.day(-6, in: harness.store))
            #expect((dry.object["action_ids"] as? [Any])?.isEmpty == true)
            let test = try #require((dry.object["tests"] as? [[String: Any]])?.first)
            #expect(test["ad_group_id"] as? String == "g1" && test["outcome"] as? String == "winner")
            #expect(test["winner_ad_id"] as? String == "a2" && test["sample_needed_per_arm"] as? Int == 0)
            let arms = try #require(test["arms"] as? [[String: Any]])
            #expect(arms.compactMap { $0["ad_id"] as? String } == ["a1", "a2"])
            #expect(arms.compactMap { $0["status"] as? String } == ["LOSER", "WINNER"])
            #expect(arms[0]["impressions"] as? Int == 5000 && arms[0]["clicks"] as? Int == 100)
            #expect(arms[0]["rate"] as? Double == 0.02 && arms[1]["rate"] as? Double == 0.04)
            #expect(((arms[0]["z"] as? Double) ?? 0) > 5.8 && ((arms[0]["p_value"] as? Double) ?? 1) < 0.001)
            #expect(arms[0]["action_id"] == nil && arms[1]["z"] == nil)

            let apply = try await client.send(
                .post, Self.path(campaign), json: ["mode": "apply", "metric": "ctr", "days": 7])
            #expect(apply.status == .accepted, "\(apply.text)")
            let actions = try #require(apply.object["action_ids"] as? [String])
            #expect(actions.count == 1)
            let loser = (apply.object["tests"] as? [[String: Any]])?.first?["arms"] as? [[String: Any]]
            #expect(loser?.first?["action_id"] as? String == actions.first)
            let action = try await client.send(.get, "/api/v1/actions/\(actions[0])")
            #expect(action.status == .ok, "\(action.text)")
            #expect(action.object["requested_by"] as? String == "optimizer:creative-test")
            #expect(action.object["type"] as? String == "pause" && action.object["level"] as? String == "ad")

            let list = try await client.send(.get, Self.path(campaign))
            #expect(list.status == .ok, "\(list.text)")
            let stored = try #require(list.object["data"] as? [[String: Any]])
            #expect(stored.compactMap { $0["mode"] as? String } == ["apply", "dry_run"], "newest first")
            let storedArms = stored.first?["arms"] as? [[String: Any]]
            #expect(storedArms?.first?["action_id"] as? String == actions.first)
            #expect((list.object["pagination"] as? [String: Any])?["total"] as? Int == 2)
            let page = try await client.send(.get, Self.path(campaign) + "?limit=1&offset=1")
            #expect((page.object["data"] as? [[String: Any]])?.first?["mode"] as? String == "dry_run", "\(page.text)")

            // The pause is under way: another apply notes it rather than asking twice.
            let again = try await client.send(.post, Self.path(campaign), json: ["mode": "apply", "days": 7])
            #expect(again.status == .accepted && (again.object["action_ids"] as? [Any])?.isEmpty == true)
            let note = ((again.object["tests"] as? [[String: Any]])?.first?["arms"] as? [[String: Any]])?.first?["note"]
            #expect((note as? String)?.contains("a pause is already under way") == true, "\(again.text)")
        }
    }

    @Test("a slight difference is not called: keep testing, with the sample still needed; cvr compares conversions")
    func keepTesting() async throws {
        let harness = try ActionRoutesTests.Harness()
        let campaign = try await Self.testedCampaign(in: harness, clicks: 21)
        try await harness.run { client in
            let reply = try await client.send(.post, Self.path(campaign), json: ["mode": "apply", "days": 7])
            #expect(reply.status == .accepted, "\(reply.text)")
            #expect((reply.object["action_ids"] as? [Any])?.isEmpty == true)
            let test = try #require((reply.object["tests"] as? [[String: Any]])?.first)
            #expect(test["outcome"] as? String == "keep_testing" && test["winner_ad_id"] == nil)
            #expect(((test["sample_needed_per_arm"] as? Int) ?? 0) > 100_000, "\(test)")
            #expect((test["summary"] as? String)?.hasPrefix("keep testing") == true)
            let arms = try #require(test["arms"] as? [[String: Any]])
            #expect(arms.allSatisfy { $0["status"] as? String == "TESTING" && $0["action_id"] == nil })

            let cvr = try await client.send(.post, Self.path(campaign), json: ["metric": "cvr", "days": 7])
            #expect(cvr.status == .ok && cvr.object["metric"] as? String == "cvr", "\(cvr.text)")
            let cvrTest = try #require((cvr.object["tests"] as? [[String: Any]])?.first)
            #expect(cvrTest["metric"] as? String == "cvr" && cvrTest["outcome"] as? String == "keep_testing")
            #expect((cvrTest["arms"] as? [[String: Any]])?.first?["conversions"] as? Int == 10)
        }
    }

    @Test("bad input is a problem naming the field: id, metric, mode, days, limit")
    func refusals() async throws {
        let harness = try ActionRoutesTests.Harness()
        let campaign = try await Self.testedCampaign(in: harness)
        try await harness.run { client in
            let path = Self.path(campaign)
            for (body, field) in [
                (["metric": "roas"] as [String: Any], "metric"), (["mode": "sometimes"], "mode"), (["days": 0], "days"),
                (["days": 367], "days"), (["days": "seven"], "days"), (["metric": NSNull()], "metric"),
            ] {
                let reply = try await client.send(.post, path, json: body)
                #expect(reply.isProblem(.badRequest) && reply.violationFields == [field], "\(body): \(reply.text)")
            }
            let unknown = "/api/v1/campaigns/\(UUID().uuidString)/creative-tests"
            for method in [HTTPRequest.Method.get, .post] {
                let reply = try await client.send(method, unknown, json: method == .post ? [String: Any]() : nil)
                #expect(reply.isProblem(.notFound) && reply.violationFields == ["id"], "\(reply.text)")
            }
            let malformed = try await client.send(.get, "/api/v1/campaigns/nope/creative-tests")
            #expect(malformed.isProblem(.badRequest) && malformed.violationFields == ["id"], "\(malformed.text)")
            let limit = try await client.send(.get, path + "?limit=0")
            #expect(limit.isProblem(.badRequest) && limit.violationFields == ["limit"], "\(limit.text)")
            let empty = try await client.send(.get, path)
            #expect(empty.status == .ok && (empty.object["data"] as? [Any])?.isEmpty == true, "\(empty.text)")
        }
    }
}
