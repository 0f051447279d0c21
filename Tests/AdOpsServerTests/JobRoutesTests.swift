import AdPlatformKit
import Foundation
import Hummingbird
import Testing
import Trafficking

/// `/api/v1/jobs`: list with a status filter, detail, retry.
@Suite struct JobRoutesTests {
    /// Submits the sample request for a new Meta account through the API; returns the job id.
    static func submitJob(_ client: APIHarness.Client) async throws -> String {
        let account = try await client.createAccount(platform: "meta")
        let reply = try await client.send(
            .post, "/api/v1/ads/meta", json: ["ad_account_id": account, "request": APIHarness.request()])
        return try #require(reply.object["job_id"] as? String, "\(reply.text)")
    }

    /// Makes a PENDING job FAILED the way a worker would: claim it, record a step, then finish it with an error.
    static func fail(_ jobID: String, in store: any TraffickingStore) async throws {
        let id = try #require(UUID(uuidString: jobID))
        let claimed = try await store.claimJobs(
            owner: "test-worker", limit: 10, lease: .seconds(60), now: store.clock.now)
        #expect(claimed.contains { $0.id == id })
        try await store.startStep(
            job: id, key: "campaign", kind: .campaign, marker: nil, calls: [], at: store.clock.now)
        try await store.completeStep(
            job: id, key: "campaign",
            entities: [PlatformEntity(platform: .meta, kind: .campaign, id: "120210000000001", name: "Disney+ [m]")],
            media: nil, calls: [], at: store.clock.now)
        try await store.appendLog([
            ExecutionLogEntry(
                jobID: id, at: store.clock.now, level: .error, event: "job.failed", message: "ad group refused")
        ])
        try await store.finish(
            job: id, owner: "test-worker",
            outcome: .failed(
                JobError(
                    message: "Invalid parameter", code: "invalidParameter", platformCode: "100",
                    step: "adGroup/families", fieldPath: "targeting"),
                platformCampaignID: "120210000000001"))
    }

    @Test("list filters by status (case-insensitive) and pages; a bad status → 400 naming status and the values")
    func listAndFilter() async throws {
        let harness = try APIHarness()
        try await harness.run { client in
            let failed = try await Self.submitJob(client)
            try await Self.fail(failed, in: harness.store)
            let pending = try await Self.submitJob(client)

            let all = try await client.send(.get, "/api/v1/jobs")
            #expect(all.status == .ok)
            #expect((all.object["data"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [pending, failed])
            #expect((all.object["pagination"] as? [String: Any])?["total"] as? Int == 2)

            let onlyPending = try await client.send(.get, "/api/v1/jobs?status=pending")
            #expect((onlyPending.object["data"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [pending])
            let onlyFailed = try await client.send(.get, "/api/v1/jobs?status=FAILED&limit=1")
            let item = try #require((onlyFailed.object["data"] as? [[String: Any]])?.first)
            #expect(item["id"] as? String == failed)
            #expect(item["steps"] == nil, "list items leave out the ledger")
            #expect((item["links"] as? [String: String])?["retry"] == "/api/v1/jobs/\(failed)/retry")

            let bad = try await client.send(.get, "/api/v1/jobs?status=DONE")
            #expect(bad.isProblem(.badRequest))
            #expect(bad.violationFields == ["status"])
            for status in JobStatus.allCases { #expect(bad.text.contains(status.rawValue)) }
        }
    }

    @Test("detail: status, attempts, platform, account, error, campaign id, external ids, steps, log, request")
    func detail() async throws {
        let harness = try APIHarness()
        try await harness.run { client in
            let jobID = try await Self.submitJob(client)
            let pending = try await client.send(.get, "/api/v1/jobs/\(jobID)")
            #expect(pending.status == .ok)
            #expect(pending.object["status"] as? String == "PENDING")
            #expect(pending.object["attempts"] as? Int == 0)
            #expect((pending.object["steps"] as? [Any])?.isEmpty == true)
            #expect((pending.object["request"] as? [String: Any])?["name"] as? String == "Disney+ Signup — Winter 2026")

            try await Self.fail(jobID, in: harness.store)
            let reply = try await client.send(.get, "/api/v1/jobs/\(jobID)")
            let job = reply.object
            #expect(job["status"] as? String == "FAILED")
            #expect(job["attempts"] as? Int == 1)
            #expect(job["platform"] as? String == "meta")
            #expect(job["ad_account_id"] is String)
            #expect(job["batch_id"] is String)
            #expect(job["platform_campaign_id"] as? String == "120210000000001")
            #expect(job["finished_at"] is String)
            let error = try #require(job["error"] as? [String: Any])
            #expect(error["message"] as? String == "Invalid parameter")
            #expect(error["platform_code"] as? String == "100")
            #expect(error["step"] as? String == "adGroup/families")
            #expect(error["field"] as? String == "targeting")
            #expect(job["external_ids"] as? [String: [String]] == ["campaign": ["120210000000001"]])
            let step = try #require((job["steps"] as? [[String: Any]])?.first)
            #expect(step["key"] as? String == "campaign")
            #expect(step["kind"] as? String == "campaign")
            #expect(step["state"] as? String == "done")
            #expect(step["entity_ids"] as? [String] == ["120210000000001"])
            #expect(step["attempts"] as? Int == 1)
            #expect(step["started_at"] is String && step["finished_at"] is String)
            let log = try #require(job["log"] as? [[String: Any]])
            #expect(log.contains { $0["event"] as? String == "job.failed" && $0["level"] as? String == "error" })

            #expect(try await client.send(.get, "/api/v1/jobs/\(UUID().uuidString)").isProblem(.notFound))
            let badID = try await client.send(.get, "/api/v1/jobs/42")
            #expect(badID.isProblem(.badRequest))
            #expect(badID.violationFields == ["id"])
        }
    }

    @Test("retry: 409 on a PENDING job, 202 and PENDING again on a FAILED one, 404 on an unknown one")
    func retry() async throws {
        let harness = try APIHarness()
        try await harness.run { client in
            let jobID = try await Self.submitJob(client)
            let conflict = try await client.send(.post, "/api/v1/jobs/\(jobID)/retry")
            #expect(conflict.isProblem(.conflict))
            #expect(conflict.violationFields == ["status"])
            #expect(conflict.text.contains("PENDING"))

            try await Self.fail(jobID, in: harness.store)
            let retried = try await client.send(.post, "/api/v1/jobs/\(jobID)/retry")
            #expect(retried.status == .accepted, "\(retried.text)")
            #expect(retried.object["status"] as? String == "PENDING")
            #expect(retried.headers[.location] == "/api/v1/jobs/\(jobID)")
            let stored = try await harness.store.job(try #require(UUID(uuidString: jobID)))
            #expect(stored?.status == .pending)
            #expect(
                try await harness.store.ledger(job: try #require(UUID(uuidString: jobID))).count == 1, "ledger kept")

            #expect(try await client.send(.post, "/api/v1/jobs/\(UUID().uuidString)/retry").isProblem(.notFound))
        }
    }
}
