import AdPlatformKit
import Foundation
import Hummingbird
import Testing
import Trafficking

/// `POST /api/v1/sync`, `GET /api/v1/sync/runs` and `GET /api/v1/sync/runs/{id}`: metrics syncs asked for through the
/// API are stored `queued` for a sync service, one run per account.
@Suite struct SyncRoutesTests {
    @Test("an empty body queues an incremental run for each ACTIVE account, which a sync service can claim")
    func queuesActiveAccounts() async throws {
        let harness = try APIHarness()
        try await harness.run { client in
            let meta = try await client.createAccount(platform: "meta")
            let tiktok = try await client.createAccount(platform: "tiktok", name: "Hulu")
            _ = try await client.createAccount(platform: "meta", name: "Paused", status: "INACTIVE")
            _ = try await client.createAccount(platform: "meta", name: "Expired", status: "REQUIRES_REAUTH")

            let reply = try await client.send(.post, "/api/v1/sync", json: [String: Any]())
            #expect(reply.status == .accepted, "\(reply.text)")
            let runs = try #require(reply.object["runs"] as? [[String: Any]])
            #expect(runs.compactMap { $0["ad_account_id"] as? String } == [meta, tiktok].map { $0.uppercased() })
            #expect(runs.allSatisfy { $0["status"] as? String == "queued" && $0["kind"] as? String == "incremental" })
            #expect(runs.allSatisfy { $0["campaign_id"] == nil && $0["finished_at"] == nil })
            #expect(runs.compactMap { $0["platform"] as? String } == ["meta", "tiktok"])

            let listed = try await client.send(.get, "/api/v1/sync/runs")
            #expect((listed.object["pagination"] as? [String: Any])?["total"] as? Int == 2)
        }
        let claimed = try #require(try await harness.store.claimSyncRun(staleAfter: .seconds(600)))
        #expect(claimed.run.status == .running)
        #expect(claimed.run.kind == .incremental)
    }

    @Test("one account, with a kind; an entity sync of a campaign on its account, the kind implied by campaign_id")
    func oneAccountAndEntity() async throws {
        let harness = try APIHarness()
        let campaign = try await MetricsRoutesTests.launchedCampaign(in: harness.store)
        let account = campaign.accountID.uuidString
        try await harness.run { client in
            _ = try await client.createAccount(platform: "tiktok")
            let full = try await client.send(.post, "/api/v1/sync", json: ["ad_account_id": account, "kind": "full"])
            #expect(full.status == .accepted, "\(full.text)")
            let runs = try #require(full.object["runs"] as? [[String: Any]])
            #expect(runs.count == 1)
            #expect(runs.first?["ad_account_id"] as? String == account && runs.first?["kind"] as? String == "full")

            for body: [String: Any] in [
                ["kind": "entity", "campaign_id": campaign.id.uuidString],
                ["campaign_id": campaign.id.uuidString, "ad_account_id": account],
            ] {
                let reply = try await client.send(.post, "/api/v1/sync", json: body)
                #expect(reply.status == .accepted, "\(reply.text)")
                let run = try #require((reply.object["runs"] as? [[String: Any]])?.first)
                #expect(run["kind"] as? String == "entity")
                #expect(run["campaign_id"] as? String == campaign.id.uuidString)
                #expect(run["ad_account_id"] as? String == account)
            }
        }
    }

    @Test(
        "entity without a campaign, a campaign with another kind, or another account's campaign is a 422 naming the field",
        arguments: [
            (["kind": "entity"], "campaign_id"), (["kind": "full", "campaign_id": "CAMPAIGN"], "campaign_id"),
            (["kind": "incremental", "campaign_id": "CAMPAIGN"], "campaign_id"),
            (["kind": "entity", "campaign_id": "CAMPAIGN", "ad_account_id": "OTHER"], "ad_account_id"),
        ])
    func crossFieldRules(body: [String: String], field: String) async throws {
        let harness = try APIHarness()
        let campaign = try await MetricsRoutesTests.launchedCampaign(in: harness.store)
        try await harness.run { client in
            let other = try await client.createAccount(platform: "tiktok")
            let filled = body.mapValues {
                $0 == "CAMPAIGN" ? campaign.id.uuidString : $0 == "OTHER" ? other : $0
            }
            let reply = try await client.send(.post, "/api/v1/sync", json: filled)
            #expect(reply.isProblem(.unprocessableContent), "\(reply.text)")
            #expect(reply.violationFields == [field], "\(reply.text)")
        }
        #expect(try await harness.store.syncRuns(account: nil, page: PageRequest()).total == 0)
    }

    @Test(
        "malformed bodies are 400s naming the field",
        arguments: [
            (#"{"kind": "weekly"}"#, "kind"), (#"{"ad_account_id": "nope"}"#, "ad_account_id"),
            (#"{"campaign_id": 5}"#, "campaign_id"), (#"{"kind": 1}"#, "kind"), ("not json", "body"), ("[]", "body"),
        ])
    func malformed(body: String, field: String) async throws {
        try await APIHarness().run { client in
            let reply = try await client.send(.post, "/api/v1/sync", json: body)
            #expect(reply.isProblem(.badRequest), "\(reply.text)")
            #expect(reply.violationFields == [field], "\(reply.text)")
        }
    }

    @Test("an unknown account or campaign is a 404 naming the field")
    func unknown() async throws {
        try await APIHarness().run { client in
            let id = UUID().uuidString
            let account = try await client.send(.post, "/api/v1/sync", json: ["ad_account_id": id])
            #expect(account.isProblem(.notFound), "\(account.text)")
            #expect(account.violationFields == ["ad_account_id"])
            let campaign = try await client.send(.post, "/api/v1/sync", json: ["kind": "entity", "campaign_id": id])
            #expect(campaign.isProblem(.notFound), "\(campaign.text)")
            #expect(campaign.violationFields == ["campaign_id"])
        }
    }

    @Test("an account that is not ACTIVE is a 409 saying its status; REQUIRES_REAUTH says to update its credentials")
    func notActive() async throws {
        let harness = try APIHarness()
        try await harness.run { client in
            let expired = try await client.createAccount(status: "REQUIRES_REAUTH")
            let reply = try await client.send(.post, "/api/v1/sync", json: ["ad_account_id": expired])
            #expect(reply.isProblem(.conflict), "\(reply.text)")
            #expect(reply.violationFields == ["ad_account_id"])
            let detail = try #require(reply.object["detail"] as? String)
            #expect(detail.contains("REQUIRES_REAUTH") && detail.contains("credentials"), "\(detail)")
            let inactive = try await client.createAccount(status: "INACTIVE")
            let off = try await client.send(.post, "/api/v1/sync", json: ["ad_account_id": inactive, "kind": "full"])
            #expect(off.isProblem(.conflict), "\(off.text)")
            #expect((off.object["detail"] as? String)?.contains("INACTIVE") == true)
        }
        #expect(try await harness.store.syncRuns(account: nil, page: PageRequest()).total == 0)
    }

    @Test("a campaign that has not launched is a 409 naming campaign_id")
    func draftCampaign() async throws {
        let harness = try APIHarness()
        try await harness.run { client in
            let job = try await JobRoutesTests.submitJob(client)
            let jobID = try #require(UUID(uuidString: job))
            let campaign = try #require(try await harness.store.campaign(job: jobID))
            let reply = try await client.send(.post, "/api/v1/sync", json: ["campaign_id": campaign.id.uuidString])
            #expect(reply.isProblem(.conflict), "\(reply.text)")
            #expect(reply.violationFields == ["campaign_id"])
        }
    }

    @Test("an account whose platform module reports no metrics is a 409; without an account it is skipped")
    func platformWithoutMetrics() async throws {
        let harness = try ActionRoutesTests.Harness()
        let campaign = try await harness.campaign(on: .meta)
        try await harness.run { client in
            let named = try await client.send(
                .post, "/api/v1/sync", json: ["ad_account_id": campaign.accountID.uuidString])
            #expect(named.isProblem(.conflict), "\(named.text)")
            #expect(named.violationFields == ["ad_account_id"])
            let all = try await client.send(.post, "/api/v1/sync", json: [String: Any]())
            #expect(all.status == .accepted, "\(all.text)")
            #expect((all.object["runs"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("runs are listed newest first, by account and in pages; one is shown by id; unknown ids are 404s")
    func listAndShow() async throws {
        let harness = try APIHarness()
        try await harness.run { client in
            let meta = try await client.createAccount(platform: "meta")
            let tiktok = try await client.createAccount(platform: "tiktok")
            var ids: [String] = []
            for body in [["ad_account_id": meta], ["ad_account_id": tiktok], ["ad_account_id": meta, "kind": "full"]] {
                let reply = try await client.send(.post, "/api/v1/sync", json: body)
                let run = try #require((reply.object["runs"] as? [[String: Any]])?.first, "\(reply.text)")
                ids.append(try #require(run["id"] as? String))
            }

            let all = try await client.send(.get, "/api/v1/sync/runs")
            #expect(all.status == .ok, "\(all.text)")
            let items = try #require(all.object["data"] as? [[String: Any]])
            #expect(Set(items.compactMap { $0["id"] as? String }) == Set(ids))
            let page = try await client.send(.get, "/api/v1/sync/runs?limit=1&offset=1")
            #expect((page.object["data"] as? [Any])?.count == 1)
            let pagination = try #require(page.object["pagination"] as? [String: Any])
            #expect(pagination["total"] as? Int == 3 && pagination["next_offset"] as? Int == 2)
            let ofMeta = try await client.send(.get, "/api/v1/sync/runs?ad_account_id=\(meta)")
            let metaRuns = try #require(ofMeta.object["data"] as? [[String: Any]])
            #expect(metaRuns.count == 2)
            #expect(metaRuns.allSatisfy { $0["ad_account_id"] as? String == meta.uppercased() })

            let shown = try await client.send(.get, "/api/v1/sync/runs/\(ids[2])")
            #expect(shown.status == .ok, "\(shown.text)")
            #expect(shown.object["id"] as? String == ids[2] && shown.object["kind"] as? String == "full")
            #expect(shown.object["status"] as? String == "queued")

            let missing = try await client.send(.get, "/api/v1/sync/runs/\(UUID().uuidString)")
            #expect(missing.isProblem(.notFound))
            #expect(missing.violationFields == ["id"])
            for path in ["/api/v1/sync/runs/nope", "/api/v1/sync/runs?ad_account_id=nope", "/api/v1/sync/runs?limit=0"]
            {
                let reply = try await client.send(.get, path)
                #expect(reply.isProblem(.badRequest), "\(path): \(reply.text)")
            }
        }
    }
}
