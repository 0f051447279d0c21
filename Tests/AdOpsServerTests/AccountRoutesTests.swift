import Hummingbird
import Testing

/// `/api/v1/ad_accounts`: create, list with pagination, read, update, soft delete; credentials never come back.
@Suite struct AccountRoutesTests {
    static let secrets = ["secret-access-token-xyz", "secret-refresh-token-xyz", "secret-client-secret-xyz"]

    static var createBody: [String: Any] {
        [
            "platform": "META", "platform_account_id": "act_1001", "name": "Disney+ US — Meta", "currency": "usd",
            "owner_team": "growth", "settings": ["page_id": "1234567890"],
            "credentials": [
                "access_token": secrets[0], "refresh_token": secrets[1], "client_id": "app-1",
                "client_secret": secrets[2],
            ],
        ]
    }

    @Test("create → 201 with Location and the account; read; update; delete → 204, then 404 and gone from the list")
    func lifecycle() async throws {
        let harness = try APIHarness()
        try await harness.run { client in
            var bodies: [String] = []
            let created = try await client.send(.post, "/api/v1/ad_accounts", json: Self.createBody)
            bodies.append(created.text)
            #expect(created.status == .created)
            let id = try #require(created.object["id"] as? String)
            #expect(created.headers[.location] == "/api/v1/ad_accounts/\(id)")
            #expect(created.object["platform"] as? String == "meta")
            #expect(created.object["platform_account_id"] as? String == "act_1001")
            #expect(created.object["currency"] as? String == "USD")
            #expect(created.object["status"] as? String == "ACTIVE")
            #expect(created.object["owner_team"] as? String == "growth")
            #expect(created.object["settings"] as? [String: String] == ["page_id": "1234567890"])
            #expect(
                created.object["credential_fields"] as? [String]
                    == ["access_token", "refresh_token", "client_id", "client_secret"])
            #expect(created.object["credentials"] == nil)

            let read = try await client.send(.get, "/api/v1/ad_accounts/\(id)")
            bodies.append(read.text)
            #expect(read.status == .ok)
            #expect(read.object["name"] as? String == "Disney+ US — Meta")
            #expect((read.object["credential_fields"] as? [String])?.contains("refresh_token") == true)

            let updated = try await client.send(
                .put, "/api/v1/ad_accounts/\(id)",
                json: ["name": "Disney+ US", "status": "inactive", "credentials": ["access_token": Self.secrets[0]]])
            bodies.append(updated.text)
            #expect(updated.status == .ok)
            #expect(updated.object["name"] as? String == "Disney+ US")
            #expect(updated.object["status"] as? String == "INACTIVE")
            #expect(updated.object["owner_team"] as? String == "growth", "absent fields are left as they are")
            #expect(updated.object["credential_fields"] as? [String] == ["access_token"], "credentials replace whole")

            let listed = try await client.send(.get, "/api/v1/ad_accounts")
            bodies.append(listed.text)
            #expect((listed.object["data"] as? [[String: Any]])?.count == 1)

            let deleted = try await client.send(.delete, "/api/v1/ad_accounts/\(id)")
            #expect(deleted.status == .noContent)
            #expect(deleted.text.isEmpty)
            #expect(try await client.send(.get, "/api/v1/ad_accounts/\(id)").isProblem(.notFound))
            #expect(try await client.send(.delete, "/api/v1/ad_accounts/\(id)").isProblem(.notFound))
            #expect(try await client.send(.put, "/api/v1/ad_accounts/\(id)", json: ["name": "x"]).isProblem(.notFound))
            let after = try await client.send(.get, "/api/v1/ad_accounts")
            #expect((after.object["data"] as? [[String: Any]])?.isEmpty == true)
            #expect((after.object["pagination"] as? [String: Any])?["total"] as? Int == 0)

            for body in bodies {
                for secret in Self.secrets { #expect(!body.contains(secret), "a credential leaked: \(body)") }
            }
        }
    }

    @Test("list pages with limit and offset, filters by platform, and reports next_offset")
    func pagination() async throws {
        let harness = try APIHarness()
        try await harness.run { client in
            for index in 0..<3 { _ = try await client.createAccount(platform: "meta", name: "Meta \(index)") }
            _ = try await client.createAccount(platform: "tiktok", name: "TikTok")

            let first = try await client.send(.get, "/api/v1/ad_accounts?limit=2")
            let firstNames = (first.object["data"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
            #expect(firstNames == ["Meta 0", "Meta 1"], "oldest first")
            let pagination = try #require(first.object["pagination"] as? [String: Any])
            #expect(pagination["total"] as? Int == 4)
            #expect(pagination["limit"] as? Int == 2)
            #expect(pagination["offset"] as? Int == 0)
            #expect(pagination["next_offset"] as? Int == 2)
            #expect((first.object["data"] as? [[String: Any]])?.allSatisfy { $0["credential_fields"] == nil } == true)

            let last = try await client.send(.get, "/api/v1/ad_accounts?limit=2&offset=2")
            #expect((last.object["data"] as? [[String: Any]])?.count == 2)
            #expect(last.text.contains(#""next_offset":null"#))

            let tiktok = try await client.send(.get, "/api/v1/ad_accounts?platform=tiktok")
            #expect((tiktok.object["data"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["TikTok"])

            let unknown = try await client.send(.get, "/api/v1/ad_accounts?platform=myspace")
            #expect(unknown.isProblem(.badRequest))
            #expect(unknown.violationFields == ["platform"])
            for query in ["limit=0", "limit=abc", "offset=-1"] {
                let bad = try await client.send(.get, "/api/v1/ad_accounts?\(query)")
                #expect(bad.isProblem(.badRequest), "\(query)")
                #expect(bad.violationFields == [String(query.prefix { $0 != "=" })])
            }
        }
    }

    @Test("create names every field at fault: 400 when malformed, 422 when it breaks rules")
    func createErrors() async throws {
        let harness = try APIHarness()
        try await harness.run { client in
            var missing = Self.createBody
            missing["credentials"] = nil
            let noCredentials = try await client.send(.post, "/api/v1/ad_accounts", json: missing)
            #expect(noCredentials.isProblem(.badRequest))
            #expect(noCredentials.violationFields == ["credentials"])

            var badCurrency = Self.createBody
            badCurrency["currency"] = "USX"
            let currency = try await client.send(.post, "/api/v1/ad_accounts", json: badCurrency)
            #expect(currency.isProblem(.badRequest))
            #expect(currency.violationFields == ["currency"])

            var badStatus = Self.createBody
            badStatus["status"] = "PAUSED"
            let status = try await client.send(.post, "/api/v1/ad_accounts", json: badStatus)
            #expect(status.isProblem(.badRequest))
            #expect(status.violationFields == ["status"])
            #expect(status.text.contains("REQUIRES_REAUTH"), "the accepted values are named")

            var broken = Self.createBody
            broken["platform"] = "myspace"
            broken["name"] = " "
            broken["credentials"] = ["access_token": ""]
            let rules = try await client.send(.post, "/api/v1/ad_accounts", json: broken)
            #expect(rules.isProblem(.unprocessableContent))
            #expect(Set(rules.violationFields) == ["platform", "name", "credentials.access_token"])

            let update = try await client.send(
                .put, "/api/v1/ad_accounts/\(try await client.createAccount())", json: ["platform": "tiktok"])
            #expect(update.isProblem(.unprocessableContent))
            #expect(update.violationFields == ["platform"])

            let malformedUpdate = try await client.send(
                .put, "/api/v1/ad_accounts/\(try await client.createAccount())", json: #"{"name": 42}"#)
            #expect(malformedUpdate.isProblem(.badRequest))
            #expect(malformedUpdate.violationFields == ["name"])

            let badID = try await client.send(.get, "/api/v1/ad_accounts/not-a-uuid")
            #expect(badID.isProblem(.badRequest))
            #expect(badID.violationFields == ["id"])
        }
    }
}
