import AdOpsServer
import AdPlatformKit
import Foundation
import Hummingbird
import Testing
import Trafficking

/// `POST /api/v1/optimizations` (a dry run by default, or apply) and `GET /api/v1/optimizations` (the log).
@Suite struct OptimizationRoutesTests {
    /// A live campaign (launched ACTIVE: campaign c1, ad group g1, ad a1) on a new Meta account of `harness`, with
    /// 7 days ending yesterday of 10.00 spent and 30.00 returned each: ROAS 3, over the learning thresholds.
    static func deliveringCampaign(in harness: ActionRoutesTests.Harness) async throws -> Campaign {
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
        var parent = "act"
        for (key, kind, id) in [
            ("campaign", EntityKind.campaign, "c1"), ("adGroup/families", .adGroup, "g1"),
            ("ad/0/families/social-hero", .ad, "a1"),
        ] {
            try await store.startStep(job: job.id, key: key, kind: kind, marker: nil, calls: [], at: store.clock.now)
            try await store.completeStep(
                job: job.id, key: key,
                entities: [PlatformEntity(platform: .meta, kind: kind, id: id, name: id, parentID: parent)],
                media: nil, calls: [], at: store.clock.now)
            parent = id
        }
        try await store.finish(job: job.id, owner: "w", outcome: .success(platformCampaignID: "c1"))
        let campaign = try #require(try await store.campaign(job: job.id))
        try #require(campaign.status == .live)
        let days = (-7 ... -1).map { MetricsRoutesTests.day($0, in: store) }
        try await MetricsRoutesTests.record(
            days.map { MetricsRoutesTests.row(campaign, .campaign, "c1", $0, spend: 1000) }, of: campaign,
            since: days[0], until: days[6], in: store)
        return campaign
    }

    @Test("a dry run answers 200 with a decision per live campaign; an apply 202 with its actions; both are logged")
    func dryRunThenApply() async throws {
        let harness = try ActionRoutesTests.Harness()
        let campaign = try await Self.deliveringCampaign(in: harness)
        let id = campaign.id.uuidString
        try await harness.run { client in
            let dry = try await client.send(.post, "/api/v1/optimizations", json: [String: Any]())
            #expect(dry.status == .ok, "\(dry.text)")
            #expect(dry.object["mode"] as? String == "dry_run")
            #expect((dry.object["action_ids"] as? [Any])?.isEmpty == true)
            let decision = try #require((dry.object["decisions"] as? [[String: Any]])?.first)
            #expect(decision["campaign_id"] as? String == id && decision["platform"] as? String == "meta")
            #expect(decision["action"] as? String == "BUDGET_INCREASE" && decision["roas"] as? String == "3")
            #expect(decision["confidence"] as? Double == 0.9 && decision["delivery_days"] as? Int == 7)
            #expect((decision["metrics"] as? [String: Any])?["impressions"] as? Int == 7000)
            let before = (decision["previous_value"] as? [String: Any])?["budget"] as? [String: Any]
            let after = (decision["new_value"] as? [String: Any])?["budget"] as? [String: Any]
            #expect(before?["amount"] as? String == "200.00" && after?["amount"] as? String == "240.00")
            #expect(decision["action_id"] == nil)

            let apply = try await client.send(
                .post, "/api/v1/optimizations",
                json: ["mode": "apply", "ad_account_id": campaign.accountID.uuidString])
            #expect(apply.status == .accepted, "\(apply.text)")
            let actions = try #require(apply.object["action_ids"] as? [String])
            #expect(actions.count == 1)
            let applied = try #require((apply.object["decisions"] as? [[String: Any]])?.first)
            #expect(applied["action_id"] as? String == actions.first && applied["mode"] as? String == "apply")
            let action = try await client.send(.get, "/api/v1/actions/\(actions[0])")
            #expect(action.status == .ok && action.object["requested_by"] as? String == "optimizer", "\(action.text)")

            let log = try await client.send(.get, "/api/v1/optimizations?campaign_id=\(id)")
            #expect(log.status == .ok, "\(log.text)")
            let entries = try #require(log.object["data"] as? [[String: Any]])
            #expect(entries.compactMap { $0["mode"] as? String } == ["apply", "dry_run"], "newest first")
            #expect(entries.first?["action_id"] as? String == actions.first)
            let firstDay = MetricsRoutesTests.day(-7, in: harness.store)
            #expect((entries.last?["metrics"] as? [String: Any])?["from"] as? String == firstDay)
            #expect((log.object["pagination"] as? [String: Any])?["total"] as? Int == 2)
            let page = try await client.send(
                .get, "/api/v1/optimizations?ad_account_id=\(campaign.accountID.uuidString)&limit=1&offset=1")
            #expect((page.object["data"] as? [[String: Any]])?.first?["mode"] as? String == "dry_run", "\(page.text)")
            let none = try await client.send(.get, "/api/v1/optimizations?ad_account_id=\(UUID().uuidString)")
            #expect((none.object["data"] as? [Any])?.isEmpty == true)

            // The action is under way: a second pass leaves the campaign alone and says why.
            let again = try await client.send(.post, "/api/v1/optimizations", json: ["mode": "apply"])
            #expect(again.status == .accepted)
            let skipped = try #require((again.object["skipped"] as? [[String: Any]])?.first)
            #expect(skipped["campaign_id"] as? String == id)
            #expect((skipped["reason"] as? String)?.contains("the optimiser waits for it to finish") == true)
        }
    }

    @Test("bad input is a problem naming the field: mode, ad_account_id, campaign_id")
    func refusals() async throws {
        try await APIHarness().run { client in
            let mode = try await client.send(.post, "/api/v1/optimizations", json: ["mode": "sometimes"])
            #expect(mode.isProblem(.badRequest) && mode.violationFields == ["mode"], "\(mode.text)")
            let unknown = try await client.send(
                .post, "/api/v1/optimizations", json: ["ad_account_id": UUID().uuidString])
            #expect(unknown.isProblem(.notFound) && unknown.violationFields == ["ad_account_id"], "\(unknown.text)")
            let null = try await client.send(.post, "/api/v1/optimizations", json: ["ad_account_id": NSNull()])
            #expect(null.isProblem(.badRequest) && null.violationFields == ["ad_account_id"], "\(null.text)")
            let malformed = try await client.send(.post, "/api/v1/optimizations", json: ["ad_account_id": "act_1"])
            #expect(malformed.isProblem(.badRequest) && malformed.violationFields == ["ad_account_id"])
            for name in ["campaign_id", "ad_account_id"] {
                let reply = try await client.send(.get, "/api/v1/optimizations?\(name)=nope")
                #expect(reply.isProblem(.badRequest) && reply.violationFields == [name], "\(reply.text)")
            }
            let empty = try await client.send(.post, "/api/v1/optimizations", json: [String: Any]())
            #expect(empty.status == .ok && (empty.object["decisions"] as? [Any])?.isEmpty == true, "\(empty.text)")
        }
    }
}
