import Foundation
import Hummingbird
import Testing

/// `/healthz`, the OpenAPI document, and the problem answers for unknown routes.
@Suite struct ServiceRoutesTests {
    @Test("/healthz reports ok and job counts per status")
    func health() async throws {
        let harness = try APIHarness()
        try await harness.run { client in
            _ = try await JobRoutesTests.submitJob(client)
            let reply = try await client.send(.get, "/healthz", authorization: nil)
            #expect(reply.status == .ok)
            #expect(reply.object["status"] as? String == "ok")
            let jobs = try #require(reply.object["jobs"] as? [String: Int])
            #expect(jobs["PENDING"] == 1)
            #expect(jobs["FAILED"] == 0)
        }
    }

    @Test("/api/v1/openapi.yaml is served as application/yaml and describes every route")
    func openAPIDocument() async throws {
        let harness = try APIHarness()
        try await harness.run { client in
            let reply = try await client.send(.get, "/api/v1/openapi.yaml")
            #expect(reply.status == .ok)
            #expect(reply.headers[.contentType] == "application/yaml")
            #expect(reply.text.hasPrefix("openapi: 3.0"))
            for path in [
                "/healthz:", "/api/v1/ad_accounts:", "/api/v1/ad_accounts/{id}:", "/api/v1/ads/{platform}:",
                "/api/v1/campaigns:", "/api/v1/jobs:", "/api/v1/jobs/{id}:", "/api/v1/jobs/{id}/retry:",
                "bearerAuth:", "TraffickingRequest:", "Problem:", "JobDetail:",
            ] {
                #expect(reply.text.contains(path), "\(path)")
            }
        }
    }

    @Test("a known path with another method → 405 problem with Allow; an unknown path stays 404")
    func wrongMethod() async throws {
        let harness = try APIHarness()
        try await harness.run { client in
            let jobs = try await client.send(.delete, "/api/v1/jobs")
            #expect(jobs.isProblem(.methodNotAllowed))
            #expect(jobs.headers[.allow] == "GET")
            #expect((jobs.object["detail"] as? String)?.contains("DELETE") == true)
            let account = try await client.send(.post, "/api/v1/ad_accounts/\(UUID().uuidString)")
            #expect(account.isProblem(.methodNotAllowed))
            #expect(account.headers[.allow] == "DELETE, GET, PUT")
            let retry = try await client.send(.get, "/api/v1/jobs/\(UUID().uuidString)/retry")
            #expect(retry.headers[.allow] == "POST")
            #expect(try await client.send(.put, "/api/v1/jobs/x/y/z").isProblem(.notFound))
            #expect(try await client.send(.delete, "/api/v1/jobs", authorization: nil).isProblem(.unauthorized))
        }
    }

    @Test("an unknown route → 404 problem; without a key → 401 first")
    func unknownRoute() async throws {
        let harness = try APIHarness()
        try await harness.run { client in
            let reply = try await client.send(.get, "/api/v1/nothing-here")
            #expect(reply.isProblem(.notFound))
            #expect((reply.object["detail"] as? String)?.contains("/api/v1/nothing-here") == true)
            #expect(try await client.send(.get, "/api/v1/nothing-here", authorization: nil).isProblem(.unauthorized))
        }
    }
}

/// How the API answers when its store fails.
@Suite struct StoreFailureTests {
    @Test("/healthz → 503 problem when the store fails")
    func healthUnavailable() async throws {
        let harness = try APIHarness(store: FailingStore())
        try await harness.run { client in
            let reply = try await client.send(.get, "/healthz", authorization: nil)
            #expect(reply.isProblem(.serviceUnavailable))
            #expect(!reply.text.contains(FailingStore.Failure.internals))
        }
    }

    @Test("an unexpected error → 500 problem that says nothing about internals")
    func internalError() async throws {
        let harness = try APIHarness(store: FailingStore())
        try await harness.run { client in
            let replies = [
                try await client.send(.get, "/api/v1/ad_accounts"),
                try await client.send(.get, "/api/v1/jobs/\(UUID().uuidString)"),
                try await client.send(.post, "/api/v1/jobs/\(UUID().uuidString)/retry"),
            ]
            for reply in replies {
                #expect(reply.isProblem(.internalServerError))
                #expect(!reply.text.contains("SQLITE"), "\(reply.text)")
                #expect(!reply.text.contains("/var/lib"), "\(reply.text)")
            }
        }
    }
}
