import AdPlatformKit
import Foundation
import Hummingbird
import Testing
import Yams

/// The server and its OpenAPI document agree on what is valid: each case is one that schemathesis found where they
/// did not. The document is read as the server serves it.
@Suite("API and OpenAPI document agree")
struct OpenAPIAgreementTests {
    /// The served document, parsed.
    static func document(_ api: APIHarness.Client) async throws -> [String: Any] {
        let reply = try await api.send(.get, "/api/v1/openapi.yaml")
        try #require(reply.status == .ok)
        return try #require(try Yams.load(yaml: reply.text) as? [String: Any])
    }

    /// The value at a path of keys in a parsed document.
    static func value(_ document: [String: Any], _ path: String...) -> Any? {
        var node: Any? = document
        for key in path { node = (node as? [String: Any])?[key] }
        return node
    }

    @Test(
        "limit and offset are whole numbers up to 2147483647, as the document says; larger ones are a 400 naming them",
        arguments: ["/api/v1/ad_accounts", "/api/v1/jobs"])
    func pageBounds(path: String) async throws {
        try await APIHarness().run { api in
            let document = try await Self.document(api)
            for name in ["Limit", "Offset"] {
                #expect(
                    Self.value(document, "components", "parameters", name, "schema", "maximum") as? Int == 2_147_483_647
                )
            }
            let widest = try await api.send(.get, "\(path)?limit=2147483647&offset=2147483647")
            #expect(widest.status == .ok, "\(widest.text)")
            #expect((widest.object["pagination"] as? [String: Any])?["limit"] as? Int == 200)
            for (name, value) in [
                ("limit", "2147483648"), ("offset", "2147483648"), ("offset", "164824943849544432459454611456"),
            ] {
                let reply = try await api.send(.get, "\(path)?\(name)=\(value)")
                #expect(reply.isProblem(.badRequest), "\(name)=\(value): \(reply.text)")
                #expect(reply.violationFields == [name])
            }
        }
    }

    @Test("a new account's optional owner_team and status may be null, which the document allows and means absent")
    func createNulls() async throws {
        try await APIHarness().run { api in
            let document = try await Self.document(api)
            for field in ["owner_team", "status", "settings"] {
                let schema = Self.value(document, "components", "schemas", "AdAccountCreate", "properties", field)
                #expect((schema as? [String: Any])?["nullable"] as? Bool == true, "\(field)")
            }
            let body: [String: Any] = [
                "platform": "meta", "platform_account_id": "act_1001", "name": "Disney+ US", "currency": "USD",
                "owner_team": NSNull(), "status": NSNull(), "credentials": ["access_token": "t"],
            ]
            let reply = try await api.send(.post, "/api/v1/ad_accounts", json: body)
            #expect(reply.status == .created, "\(reply.text)")
            #expect(reply.object["owner_team"] == nil)
            #expect(reply.object["status"] as? String == "ACTIVE")
        }
    }

    @Test("an update's null credentials keep the stored ones, as documented; credentials of another type are a 400")
    func updateCredentials() async throws {
        try await APIHarness().run { api in
            let document = try await Self.document(api)
            let properties = try #require(
                Self.value(document, "components", "schemas", "AdAccountUpdate", "properties") as? [String: Any])
            for (field, schema) in properties {
                #expect((schema as? [String: Any])?["nullable"] as? Bool == true, "\(field) is not nullable")
            }
            let id = try await api.createAccount()
            let kept = try await api.send(.put, "/api/v1/ad_accounts/\(id)", json: ["credentials": NSNull()])
            #expect(kept.status == .ok, "\(kept.text)")
            #expect(kept.object["credential_fields"] as? [String] == ["access_token"])
            for wrong: Any in ["EAAB-token", 5, [String](), true] {
                let reply = try await api.send(.put, "/api/v1/ad_accounts/\(id)", json: ["credentials": wrong])
                #expect(reply.isProblem(.badRequest), "\(wrong): \(reply.text)")
                #expect(reply.violationFields == ["credentials"], "\(wrong)")
            }
        }
    }

    @Test("every currency the document lists is accepted, and a code it does not list is a 400 naming currency")
    func currencies() async throws {
        try await APIHarness().run { api in
            let document = try await Self.document(api)
            let listed = try #require(
                Self.value(document, "components", "schemas", "CurrencyCode", "enum") as? [String])
            #expect(listed == Currency.all.map(\.code))
            #expect(!listed.contains("AAA"))
            for schema in ["Budget", "Money"] {
                let currency = Self.value(document, "components", "schemas", schema, "properties", "currency")
                #expect((currency as? [String: Any])?["$ref"] as? String == "#/components/schemas/CurrencyCode")
            }
            let accepted = try await api.createAccount(currency: try #require(listed.last))
            #expect(!accepted.isEmpty)
            let body: [String: Any] = [
                "platform": "meta", "platform_account_id": "act_1002", "name": "Disney+ AAA", "currency": "AAA",
                "credentials": ["access_token": "t"],
            ]
            let refused = try await api.send(.post, "/api/v1/ad_accounts", json: body)
            #expect(refused.isProblem(.badRequest), "\(refused.text)")
            #expect(refused.violationFields == ["currency"])
        }
    }

    @Test("an amount needs amount or minorUnits, as the document requires; too many decimals for its currency is a 422")
    func amounts() async throws {
        try await APIHarness().run { api in
            let document = try await Self.document(api)
            for schema in ["Budget", "Money"] {
                let anyOf = Self.value(document, "components", "schemas", schema, "anyOf") as? [[String: [String]]]
                #expect(anyOf == [["required": ["amount"]], ["required": ["minorUnits"]]], "\(schema)")
            }
            let account = try await api.createAccount(platform: "meta")
            var request = APIHarness.request()
            request["budget"] = ["period": "daily", "currency": "USD"]
            let missing = try await api.send(
                .post, "/api/v1/ads/meta", json: ["ad_account_id": account, "request": request])
            #expect(missing.isProblem(.badRequest), "\(missing.text)")
            #expect(missing.violationFields == ["request.budget.amount"])
            request["budget"] = ["period": "daily", "amount": "200.00", "currency": "XPF"]
            let precise = try await api.send(
                .post, "/api/v1/ads/meta", json: ["ad_account_id": account, "request": request])
            #expect(precise.isProblem(.unprocessableContent), "\(precise.text)")
            #expect(precise.violationFields == ["request.budget.amount"])
            #expect(precise.text.contains("XPF allows 0"))
            // Numbers beyond what an amount can hold, either way, break a rule too (schemathesis sent both).
            let number = Self.value(document, "components", "schemas", "Amount", "oneOf") as? [[String: Any]]
            #expect(number?.last?["maximum"] as? Int == 999_999_999_999_999_999)
            for (amount, rule) in [(6.168996178967139e+274, "overflow"), (1.1975698379516325e-225, "tooPrecise")] {
                request["budget"] = ["period": "daily", "amount": amount, "currency": "USD"]
                let reply = try await api.send(
                    .post, "/api/v1/ads/meta", json: ["ad_account_id": account, "request": request])
                #expect(reply.isProblem(.unprocessableContent), "\(amount): \(reply.text)")
                #expect(reply.violationFields == ["request.budget.amount"])
                #expect(reply.text.contains(rule))
            }
            request["budget"] = ["period": "daily", "amount": true, "currency": "USD"]
            let wrongType = try await api.send(
                .post, "/api/v1/ads/meta", json: ["ad_account_id": account, "request": request])
            #expect(wrongType.isProblem(.badRequest), "\(wrongType.text)")
            #expect(wrongType.violationFields == ["request.budget.amount"])
        }
    }

    @Test("a sync body's kind and campaign_id go together as the document's oneOf says; the rest is a 422 or a 400")
    func syncBody() async throws {
        try await APIHarness().run { api in
            let document = try await Self.document(api)
            let branches = try #require(
                Self.value(document, "components", "schemas", "SyncRequest", "oneOf") as? [[String: Any]])
            let kinds = branches.map { Self.value($0, "properties", "kind", "enum") as? [String] }
            #expect(kinds == [["incremental", "full"], ["entity"]])
            #expect(Self.value(branches[0], "not", "required") as? [String] == ["campaign_id"])
            #expect(branches[1]["required"] as? [String] == ["campaign_id"])
            // Valid by the document: no campaign and no account (every ACTIVE account, none here), a kind of the
            // first branch.
            for body: [String: Any] in [[:], ["kind": "full"], ["kind": "incremental"]] {
                let reply = try await api.send(.post, "/api/v1/sync", json: body)
                #expect(reply.status == .accepted, "\(body): \(reply.text)")
            }
            // Valid too, with an unknown campaign: a 404, whether the kind is given or implied.
            let campaign = UUID().uuidString
            for body: [String: Any] in [["campaign_id": campaign], ["kind": "entity", "campaign_id": campaign]] {
                let reply = try await api.send(.post, "/api/v1/sync", json: body)
                #expect(reply.isProblem(.notFound), "\(body): \(reply.text)")
            }
            // Invalid by the document: a 422 naming campaign_id, or a 400 for a null.
            for body: [String: Any] in [["kind": "entity"], ["kind": "full", "campaign_id": campaign]] {
                let reply = try await api.send(.post, "/api/v1/sync", json: body)
                #expect(reply.isProblem(.unprocessableContent), "\(body): \(reply.text)")
                #expect(reply.violationFields == ["campaign_id"])
            }
            let null = try await api.send(.post, "/api/v1/sync", json: ["ad_account_id": NSNull()])
            #expect(null.isProblem(.badRequest), "\(null.text)")
            #expect(null.violationFields == ["ad_account_id"])
        }
    }
}
