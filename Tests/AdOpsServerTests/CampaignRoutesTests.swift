import AdPlatformKit
import Foundation
import Hummingbird
import Testing
import Trafficking

/// `GET /api/v1/campaigns` and `/api/v1/campaigns/{id}`: campaigns of ours, made at submission and following their
/// launch jobs.
@Suite struct CampaignRoutesTests {
    @Test("a submission is a draft campaign; a failed launch is an error with its entities mapped; filters and detail")
    func listFilterAndShow() async throws {
        let harness = try APIHarness()
        try await harness.run { client in
            let failedJob = try await JobRoutesTests.submitJob(client)
            try await JobRoutesTests.fail(failedJob, in: harness.store)
            let pendingJob = try await JobRoutesTests.submitJob(client)

            let all = try await client.send(.get, "/api/v1/campaigns")
            #expect(all.status == .ok)
            let items = try #require(all.object["data"] as? [[String: Any]])
            #expect(items.compactMap { $0["job_id"] as? String } == [pendingJob, failedJob])
            #expect(items.compactMap { $0["status"] as? String } == ["draft", "error"])
            #expect(items.allSatisfy { $0["entities"] == nil }, "list items leave out the entities")

            let errors = try await client.send(.get, "/api/v1/campaigns?status=ERROR&platform=meta&drifted=false")
            let failed = try #require((errors.object["data"] as? [[String: Any]])?.first)
            #expect((errors.object["data"] as? [Any])?.count == 1)
            #expect(failed["platform_campaign_id"] as? String == "120210000000001")
            let account = try #require(failed["ad_account_id"] as? String)
            let byAccount = try await client.send(.get, "/api/v1/campaigns?ad_account_id=\(account)")
            #expect((byAccount.object["pagination"] as? [String: Any])?["total"] as? Int == 1)
            let none = try await client.send(.get, "/api/v1/campaigns?platform=meta&ticket=folder:x.json")
            #expect((none.object["data"] as? [Any])?.isEmpty == true)
            // A colon followed by an emoji modifier is one Character with it; the ticket still splits there.
            let modified = try await client.send(.get, "/api/v1/campaigns?ticket=a%2F%3A%F0%9F%8F%BB")
            #expect(modified.status == .ok, "\(modified.text)")

            let id = try #require(failed["id"] as? String)
            let detail = try await client.send(.get, "/api/v1/campaigns/\(id)")
            #expect(detail.status == .ok)
            let entities = try #require(detail.object["entities"] as? [[String: Any]])
            #expect(entities.map { $0["level"] as? String } == ["campaign"])
            #expect(entities.first?["platform_id"] as? String == "120210000000001")
            let versions = try #require(detail.object["creative_versions"] as? [[String: Any]])
            #expect(!versions.isEmpty && versions.allSatisfy { $0["version"] as? Int == 1 })
            #expect((detail.object["links"] as? [String: String])?["job"] == "/api/v1/jobs/\(failedJob.uppercased())")
        }
    }

    @Test(
        "bad filters are 400s naming the parameter; an unknown campaign is a 404",
        arguments: [
            ("status=running", "status"), ("platform=myspace", "platform"), ("ad_account_id=nope", "ad_account_id"),
            ("ticket=nocolon", "ticket"), ("drifted=maybe", "drifted"), ("limit=0", "limit"),
        ])
    func badInput(query: String, field: String) async throws {
        let harness = try APIHarness()
        try await harness.run { client in
            let reply = try await client.send(.get, "/api/v1/campaigns?\(query)")
            #expect(reply.isProblem(.badRequest), "\(reply.text)")
            #expect(reply.violationFields == [field], "\(reply.text)")
            let missing = try await client.send(.get, "/api/v1/campaigns/\(UUID().uuidString)")
            #expect(missing.isProblem(.notFound))
        }
    }
}
