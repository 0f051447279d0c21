import AdOpsServer
import Hummingbird
import Testing

/// The API key middleware: every route but `/healthz` needs a valid bearer key.
@Suite struct AuthenticationTests {
    static let protectedRoutes: [(HTTPRequest.Method, String)] = [
        (.get, "/api/v1/ad_accounts"),
        (.post, "/api/v1/ad_accounts"),
        (.get, "/api/v1/ad_accounts/6E1C2B0A-8F51-4B7E-9B0D-0A3F2C9D4E11"),
        (.delete, "/api/v1/ad_accounts/6E1C2B0A-8F51-4B7E-9B0D-0A3F2C9D4E11"),
        (.post, "/api/v1/ads/meta"),
        (.post, "/api/v1/campaigns"),
        (.get, "/api/v1/jobs"),
        (.post, "/api/v1/jobs/6E1C2B0A-8F51-4B7E-9B0D-0A3F2C9D4E11/retry"),
        (.get, "/api/v1/openapi.yaml"),
    ]

    @Test("401 problem with WWW-Authenticate without a key, with a wrong key and with another scheme")
    func refusesMissingAndWrongKeys() async throws {
        let harness = try APIHarness()
        try await harness.run { client in
            for (method, path) in Self.protectedRoutes {
                for authorization in [nil, "Bearer wrong-key", "Basic \(APIHarness.apiKey)", "Bearer "] {
                    let reply = try await client.send(method, path, authorization: authorization)
                    #expect(reply.isProblem(.unauthorized), "\(method) \(path) with \(authorization ?? "no header")")
                    let challenge = reply.headers[.wwwAuthenticate] ?? ""
                    #expect(challenge.hasPrefix("Bearer"), "\(method) \(path)")
                    #expect(reply.violationFields == ["Authorization"])
                    #expect(!reply.text.contains(APIHarness.apiKey), "a presented key is never echoed")
                }
            }
        }
    }

    @Test("the right key opens the API; the Bearer scheme is case-insensitive")
    func acceptsTheConfiguredKey() async throws {
        let harness = try APIHarness()
        try await harness.run { client in
            let exact = try await client.send(.get, "/api/v1/jobs")
            #expect(exact.status == .ok)
            let lowercase = try await client.send(.get, "/api/v1/jobs", authorization: "bearer \(APIHarness.apiKey)")
            #expect(lowercase.status == .ok)
        }
    }

    @Test("any one of several configured keys is accepted; a malformed hash accepts nothing")
    func acceptsEachOfSeveralKeys() async throws {
        let harness = try APIHarness(apiKeyHashes: [
            AdOpsServerConfiguration.hash(apiKey: "first"), "not-a-hash",
            AdOpsServerConfiguration.hash(apiKey: "second"),
        ])
        try await harness.run { client in
            for (key, expected) in [("first", true), ("second", true), ("third", false), ("not-a-hash", false)] {
                let reply = try await client.send(.get, "/api/v1/jobs", authorization: "Bearer \(key)")
                #expect((reply.status == .ok) == expected, "key \(key)")
            }
        }
    }

    @Test("no configured key: every protected route is closed")
    func failsClosedWithoutKeys() async throws {
        let harness = try APIHarness(apiKeyHashes: [])
        try await harness.run { client in
            let closed = try await client.send(.get, "/api/v1/jobs")
            #expect(closed.isProblem(.unauthorized))
            let health = try await client.send(.get, "/healthz", authorization: nil)
            #expect(health.status == .ok)
        }
    }

    @Test("/healthz is open")
    func healthIsOpen() async throws {
        let harness = try APIHarness()
        try await harness.run { client in
            let reply = try await client.send(.get, "/healthz", authorization: nil)
            #expect(reply.status == .ok)
            #expect(reply.object["status"] as? String == "ok")
        }
    }

    @Test("hash(apiKey:) is lowercase hex SHA-256")
    func hashIsSHA256Hex() {
        #expect(
            AdOpsServerConfiguration.hash(apiKey: "abc")
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
